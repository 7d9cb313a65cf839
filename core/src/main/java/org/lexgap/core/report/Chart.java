package org.lexgap.core.report;

import java.util.Map;

import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;

/** The "criteria met per country" bar chart, as self-contained inline SVG (no script, no external font). */
final class Chart {
    private static final int LABEL = 150;
    private static final int BAR = 360;
    private static final int ROW = 24;

    private Chart() {
    }

    static String criteriaMet(GapAnalysis analysis, Map<String, String> text) {
        int total = analysis.criteria().size();
        int rows = analysis.jurisdictions().size();
        int height = rows * ROW + 40;
        int width = LABEL + BAR + 60;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(text.get("chart.title"))).append("\">");
        svg.append("<title>").append(escape(text.get("chart.title"))).append("</title>");
        for (int tick = 0; tick <= total; tick++) {
            int x = LABEL + tick * BAR / total;
            svg.append("<line x1=\"").append(x).append("\" y1=\"4\" x2=\"").append(x).append("\" y2=\"")
                    .append(rows * ROW + 4).append("\" stroke=\"#d0d4da\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(x).append("\" y=\"").append(rows * ROW + 20)
                    .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">")
                    .append(tick).append("</text>");
        }
        for (int i = 0; i < rows; i++) {
            JurisdictionResult j = analysis.jurisdictions().get(i);
            int y = 4 + i * ROW;
            int length = (int) (j.metCount() * BAR / total);
            svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 16)
                    .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" text-anchor=\"end\" fill=\"#222\">")
                    .append(escape(j.name())).append("</text>");
            svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(length).append("\" height=\"").append(ROW - 8).append("\" fill=\"")
                    .append(j.metCount() == total ? "#1b7f3b" : "#2f6fb0").append("\"/>");
            svg.append("<text x=\"").append(LABEL + length + 6).append("\" y=\"").append(y + 16)
                    .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#222\">")
                    .append(j.metCount()).append('/').append(total).append("</text>");
        }
        svg.append("<text x=\"").append(LABEL + BAR / 2).append("\" y=\"").append(rows * ROW + 36)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">")
                .append(escape(text.get("chart.axis"))).append("</text>");
        return svg.append("</svg>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
