package org.lexgap.core.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackProblem.Severity;

/** Collects the problems of one pack, located by file, line and column, in a stable order. */
public final class Problems {
    private final String pack;
    private final List<PackProblem> problems = new ArrayList<>();

    public Problems(String pack) {
        this.pack = pack;
    }

    public void error(String file, int line, int column, String message) {
        problems.add(new PackProblem(pack, file, line, column, null, message, Severity.ERROR));
    }

    public void warning(String file, int line, int column, String message) {
        problems.add(new PackProblem(pack, file, line, column, null, message, Severity.WARNING));
    }

    /** An error at the value {@code pointer} points to in {@code json}. */
    public void error(LocatedJson json, String pointer, String message) {
        add(json, pointer, message, Severity.ERROR);
    }

    public void warning(LocatedJson json, String pointer, String message) {
        add(json, pointer, message, Severity.WARNING);
    }

    private void add(LocatedJson json, String pointer, String message, Severity severity) {
        int[] at = json.locate(pointer);
        problems.add(new PackProblem(pack, json.file(), at[0], at[1], pointer, message, severity));
    }

    public void addAll(List<PackProblem> more) {
        problems.addAll(more);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** The problems ordered by file, line, column, then message. */
    public List<PackProblem> list() {
        List<PackProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((PackProblem p) -> p.file() == null ? "" : p.file())
                .thenComparingInt(PackProblem::line).thenComparingInt(PackProblem::column)
                .thenComparing(PackProblem::message));
        return List.copyOf(sorted);
    }
}
