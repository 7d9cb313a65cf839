package org.lexgap.core.report;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.JurisdictionResult;

/**
 * CSV for spreadsheets: one row per jurisdiction and criterion, with the status on the comparison date when there
 * is one, the deciding rule or interpretation, the citations (flagged when unverified, with the basis of an in-force
 * date that is not a stated one), whether the verdict rests on an unverified fact, and the sources.
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
        out.append("status_").append(model.analysis().provenance().asOf())
                .append(",basis,decided_by,citations,rests_on_unverified,sources\n");
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
                        .append(field(String.join("; ", a.evidence().stream().map(ReportCsv::citation).toList())))
                        .append(',').append(ReportModel.restsOnUnverified(a)).append(',')
                        .append(field(String.join("; ", sources(a)))).append('\n');
            }
        }
        return out.toString();
    }

    /** The citation, flagged when unverified, with what its in-force date really is when not a stated date. */
    private static String citation(Evidence e) {
        return e.citation() + (Instrument.STATED_IN_FORCE.equals(e.inForceBasis()) ? "" : " [in force " + e.inForce()
                + ": " + e.inForceBasis() + " date]") + (e.verified() ? "" : " [not verified]");
    }

    /** The sources the verdict rests on: the evidence's, or the interpretation's. */
    private static java.util.List<String> sources(Assessment a) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (a.interpretation() != null) {
            out.add(a.interpretation().source());
        }
        a.evidence().stream().map(Evidence::source).distinct().forEach(out::add);
        return out;
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
