package org.lexgap.core.report;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.JurisdictionResult;

/**
 * CSV for spreadsheets: one row per jurisdiction and criterion, with the status on the comparison date when there
 * is one, the deciding rule or interpretation, and the citations.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String render(ReportModel model) {
        boolean compare = model.before() != null;
        StringBuilder out = new StringBuilder("country,iso3166_alpha2,number,criterion,");
        if (compare) {
            out.append("status_").append(model.before().provenance().asOf()).append(',');
        }
        out.append("status_").append(model.analysis().provenance().asOf()).append(",basis,decided_by,citations\n");
        for (int j = 0; j < model.analysis().jurisdictions().size(); j++) {
            JurisdictionResult now = model.analysis().jurisdictions().get(j);
            for (int i = 0; i < now.criteria().size(); i++) {
                Assessment a = now.criteria().get(i);
                out.append(field(now.name())).append(',').append(now.code()).append(',').append(i + 1).append(',')
                        .append(a.criterion()).append(',');
                if (compare) {
                    out.append(model.before().jurisdictions().get(j).criteria().get(i).status()).append(',');
                }
                out.append(a.status()).append(',').append(a.basis()).append(',').append(field(a.rule())).append(',')
                        .append(field(String.join("; ", a.evidence().stream().map(Evidence::citation).toList())))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
