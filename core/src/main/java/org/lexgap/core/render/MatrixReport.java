package org.lexgap.core.render;

import java.util.stream.Collectors;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;

/** The country-by-criterion matrix, as CSV (the layout of the Global Review's tables) or as a ✓/✗ grid. */
final class MatrixReport {
    private MatrixReport() {
    }

    static String csv(GapAnalysis analysis) {
        StringBuilder out = new StringBuilder("country,iso3166_alpha2,");
        out.append(analysis.criteria().stream().map(Criterion::id).collect(Collectors.joining(",")));
        boolean hypothetical = analysis.hypothetical();
        // With amendments the cells are the amended verdicts, and the last column says which are hypothetical.
        out.append(hypothetical ? ",hypothetical_changes\n" : "\n");
        for (JurisdictionResult j : analysis.jurisdictions()) {
            out.append(csvField(j.name())).append(',').append(j.code());
            for (Assessment a : j.criteria()) {
                out.append(',').append(yesNo(a.status()));
            }
            if (hypothetical) {
                out.append(',').append(csvField(j.criteria().stream().filter(Assessment::changedByAmendment)
                        .map(a -> a.criterion() + ": " + yesNo(a.whatIf().baseline()) + " -> " + yesNo(a.status())
                                + " (hypothetical: " + a.whatIf().changes().stream().map(c -> c.ref())
                                .collect(Collectors.joining(" ")) + ")")
                        .collect(Collectors.joining("; "))));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String yesNo(Status status) {
        return switch (status) {
            case MET -> "yes";
            case NOT_MET -> "no";
            case UNKNOWN -> "unknown";
        };
    }

    static String grid(GapAnalysis analysis) {
        int width = analysis.jurisdictions().stream().mapToInt(j -> j.name().length()).max().orElse(7);
        StringBuilder out = new StringBuilder();
        out.append(analysis.edition().title()).append(", law as of ").append(analysis.provenance().asOf());
        if (analysis.region() != null) {
            out.append(" - ").append(analysis.region().name());
        }
        out.append("\n");
        if (analysis.hypothetical()) {
            out.append(Hypotheticals.BANNER).append(": ").append(Hypotheticals.files(analysis.provenance().amendments()))
                    .append('\n');
        }
        out.append("\n");
        out.append(" ".repeat(width + 2));
        for (Criterion c : analysis.criteria()) {
            out.append(String.format("%-3d", c.number()));
        }
        out.append(" met\n");
        for (JurisdictionResult j : analysis.jurisdictions()) {
            out.append(String.format("%-" + (width + 2) + "s", j.name()));
            for (Assessment a : j.criteria()) {
                out.append(symbol(a.status())).append(a.changedByAmendment() ? "* " : "  ");
            }
            out.append(String.format("%d/%d%n", j.metCount(), j.criteria().size()));
        }
        out.append('\n');
        for (Criterion c : analysis.criteria()) {
            out.append(String.format("%d  %s%n", c.number(), c.question()));
        }
        out.append("\n✓ met   ✗ not met   ? no data (never counted as not met)\n");
        if (!analysis.provenance().unsignedPacks().isEmpty()) {
            out.append('\n').append(TextReport.unsignedWarning(analysis.provenance().unsignedPacks())).append('\n');
        }
        if (analysis.hypothetical()) {
            out.append("* hypothetical: changed by an amendment, not law\n");
            for (JurisdictionResult j : analysis.jurisdictions()) {
                for (int i = 0; i < j.criteria().size(); i++) {
                    Assessment a = j.criteria().get(i);
                    if (a.changedByAmendment()) {
                        out.append(String.format("  %s %d: %s -> %s  %s%n", j.name(), analysis.criteria().get(i).number(),
                                symbol(a.whatIf().baseline()), symbol(a.status()),
                                Hypotheticals.changes(a.whatIf().changes())));
                    }
                }
            }
        }
        return out.toString();
    }

    static String symbol(Status status) {
        return switch (status) {
            case MET -> "✓";
            case NOT_MET -> "✗";
            case UNKNOWN -> "?";
        };
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
