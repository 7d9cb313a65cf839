package org.lexgap.core.render;

import java.util.List;

import org.lexgap.api.model.Explanation;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.service.ReportRenderer;

/** The {@link ReportRenderer} service for the terminal formats. */
public final class Renderers implements ReportRenderer {
    private static final List<String> FORMATS = List.of("text", "json", "csv", "grid");

    @Override
    public List<String> formats() {
        return FORMATS;
    }

    @Override
    public String render(GapAnalysis analysis, String format) {
        return switch (format) {
            case "text" -> TextReport.render(analysis);
            case "json" -> JsonReport.render(analysis);
            case "csv" -> MatrixReport.csv(analysis);
            case "grid" -> MatrixReport.grid(analysis);
            default -> throw new IllegalArgumentException("unknown format \"" + format + "\"; expected one of " + FORMATS);
        };
    }

    @Override
    public String renderPacks(List<PackInfo> packs, String format) {
        return switch (format) {
            case "text" -> PackListing.text(packs);
            case "json" -> PackListing.json(packs);
            default -> throw new IllegalArgumentException("unknown format \"" + format + "\"; expected text or json");
        };
    }

    @Override
    public String renderExplanation(Explanation explanation, String format) {
        return switch (format) {
            case "text" -> ExplanationReport.text(explanation);
            case "json" -> ExplanationReport.json(explanation);
            default -> throw new IllegalArgumentException("unknown format \"" + format + "\"; expected text or json");
        };
    }
}
