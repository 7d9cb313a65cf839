package org.lexgap.core.report;

import java.util.List;
import java.util.stream.Collectors;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.JurisdictionResult;

/**
 * CSV for spreadsheets: one row per jurisdiction and criterion, with the status on the comparison date when there
 * is one, the deciding rule or interpretation, and the citations. A what-if report has the status on the recorded
 * law and the hypothetical one, and the amendment changes behind each difference; an edition comparison has the
 * status under each edition and what differs.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String render(ReportModel model) {
        if (model.editions() != null) {
            return editions(model);
        }
        boolean compare = model.before() != null;
        boolean what = model.whatIf() != null;
        StringBuilder out = new StringBuilder("country,iso3166_alpha2,number,criterion,");
        if (compare) {
            out.append("status_").append(model.before().provenance().asOf()).append(',');
        }
        if (what) {
            out.append("status_recorded_law,status_hypothetical,basis,decided_by,citations,hypothetical_changes\n");
        } else {
            out.append("status_").append(model.analysis().provenance().asOf()).append(",basis,decided_by,citations\n");
        }
        for (int j = 0; j < model.analysis().jurisdictions().size(); j++) {
            JurisdictionResult now = model.analysis().jurisdictions().get(j);
            for (int i = 0; i < now.criteria().size(); i++) {
                Assessment a = now.criteria().get(i);
                out.append(field(now.name())).append(',').append(now.code()).append(',').append(i + 1).append(',')
                        .append(a.criterion()).append(',');
                if (compare) {
                    out.append(model.before().jurisdictions().get(j).criteria().get(i).status()).append(',');
                }
                if (what) {
                    out.append(a.whatIf() == null ? a.status() : a.whatIf().baseline()).append(',');
                }
                out.append(a.status()).append(',').append(a.basis()).append(',').append(field(a.rule())).append(',')
                        .append(field(citations(a.evidence())));
                if (what) {
                    out.append(',').append(field(a.whatIf() == null ? "" : a.whatIf().changes().stream()
                            .map(c -> c.ref() + " (" + c.title() + ")").collect(Collectors.joining("; "))));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String editions(ReportModel model) {
        EditionComparison e = model.editions();
        String a = e.edition().edition().edition();
        String b = e.other().edition().edition();
        StringBuilder out = new StringBuilder("country,iso3166_alpha2,criterion,number_edition_" + a + ",status_edition_"
                + a + ",number_edition_" + b + ",status_edition_" + b + ",differs,why\n");
        for (EditionComparison.VerdictPair v : e.verdicts()) {
            Integer other = e.criteria().stream().filter(c -> c.id().equals(v.criterion())).findFirst()
                    .map(EditionComparison.CriterionPair::otherNumber).orElse(null);
            Integer mine = e.criteria().stream().filter(c -> c.id().equals(v.criterion())).findFirst()
                    .map(EditionComparison.CriterionPair::number).orElse(null);
            out.append(field(v.name())).append(',').append(v.jurisdiction()).append(',').append(v.criterion()).append(',')
                    .append(mine == null ? "" : mine).append(',').append(v.status() == null ? "" : v.status()).append(',')
                    .append(other == null ? "" : other).append(',').append(v.otherStatus() == null ? "" : v.otherStatus())
                    .append(',').append(v.differs() ? "yes" : "no").append(',').append(field(v.why())).append('\n');
        }
        return out.toString();
    }

    private static String citations(List<Evidence> evidence) {
        return String.join("; ", evidence.stream().map(e -> e.citation()
                + (e.hypothetical() == null ? "" : " [hypothetical: " + e.hypothetical().ref() + "]")).toList());
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
