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
        out.append(analysis.criteria().stream().map(Criterion::id).collect(Collectors.joining(","))).append('\n');
        for (JurisdictionResult j : analysis.jurisdictions()) {
            out.append(csvField(j.name())).append(',').append(j.code());
            for (Assessment a : j.criteria()) {
                out.append(',').append(switch (a.status()) {
                    case MET -> "yes";
                    case NOT_MET -> "no";
                    case UNKNOWN -> "unknown";
                });
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String grid(GapAnalysis analysis) {
        int width = analysis.jurisdictions().stream().mapToInt(j -> j.name().length()).max().orElse(7);
        StringBuilder out = new StringBuilder();
        out.append(analysis.edition().title()).append(", law as of ").append(analysis.provenance().asOf());
        if (analysis.region() != null) {
            out.append(" - ").append(analysis.region().name());
        }
        out.append("\n\n");
        out.append(" ".repeat(width + 2));
        for (Criterion c : analysis.criteria()) {
            out.append(String.format("%-3d", c.number()));
        }
        out.append(" met\n");
        for (JurisdictionResult j : analysis.jurisdictions()) {
            out.append(String.format("%-" + (width + 2) + "s", j.name()));
            for (Assessment a : j.criteria()) {
                out.append(symbol(a.status())).append("  ");
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
