package org.lexgap.api.model;

import java.util.List;

/**
 * What checking a pack found: every problem (file, line, column, message), and, when its tests ran, their results.
 *
 * @param pack     the pack id, or the directory when pack.json is unreadable
 * @param problems errors and warnings, in file and line order
 * @param tests    test results (empty for a validation only, or when the pack did not compile)
 */
public record PackCheck(String pack, List<PackProblem> problems, List<PackTestResult> tests) {
    public PackCheck {
        problems = List.copyOf(problems);
        tests = List.copyOf(tests);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == PackProblem.Severity.ERROR);
    }
}
