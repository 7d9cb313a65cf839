package org.lexgap.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one test case of a pack.
 *
 * @param name         the case's name
 * @param file         the tests file it is in
 * @param line         its line there
 * @param jurisdiction the jurisdiction it assesses
 * @param edition      the edition
 * @param asOf         the date
 * @param failures     each difference between expected and actual, empty when it passed
 * @param skipped      why it could not run, or {@code null}
 */
public record PackTestResult(String name, String file, int line, String jurisdiction, String edition, LocalDate asOf,
                             List<String> failures, String skipped) {
    public PackTestResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return skipped == null && failures.isEmpty();
    }
}
