package org.lexgap.core.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.JurisdictionResult;

/**
 * CSV for spreadsheets: one row per jurisdiction and criterion, with the status on the comparison date when there
 * is one, the deciding rule or interpretation, the citations (flagged when unverified, with the basis of an in-force
 * date that is not a stated one), whether the verdict rests on an unverified fact, and the sources. A what-if report
 * has the status on the recorded law and the hypothetical one, and the amendment changes behind each difference; an
 * edition comparison has the status under each edition and what differs.
 * <p>
 * The header and the notes in cells follow the report's language ({@code csv.*} keys); the codes in cells (status
 * {@code MET}, basis {@code RULES}, criterion ids, {@code true}/{@code false}) do not, so that a spreadsheet's
 * filters and formulas work on every language's CSV alike.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String render(ReportModel model) {
        if (model.editions() != null) {
            return editions(model);
        }
        Map<String, String> t = model.text();
        boolean compare = model.before() != null;
        boolean what = model.whatIf() != null;
        StringBuilder out = new StringBuilder(String.join(",", t.get("csv.country"), t.get("csv.code"),
                t.get("csv.number"), t.get("csv.criterion"))).append(',');
        if (compare) {
            out.append(Wording.fill(t, "csv.status", "date", model.before().provenance().asOf())).append(',');
        }
        if (what) {
            out.append(String.join(",", t.get("csv.statusRecorded"), t.get("csv.statusHypothetical")));
        } else {
            out.append(Wording.fill(t, "csv.status", "date", model.analysis().provenance().asOf()));
        }
        out.append(',').append(String.join(",", t.get("csv.basis"), t.get("csv.decidedBy"), t.get("csv.citations"),
                t.get("csv.restsOnUnverified"), t.get("csv.sources")));
        if (what) {
            out.append(',').append(t.get("csv.hypotheticalChanges"));
        }
        out.append('\n');
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
                        .append(field(String.join("; ", a.evidence().stream().map(e -> citation(e, t)).toList())))
                        .append(',').append(ReportModel.restsOnUnverified(a)).append(',')
                        .append(field(String.join("; ", sources(a))));
                if (what) {
                    out.append(',').append(field(a.whatIf() == null ? "" : a.whatIf().changes().stream()
                            .map(c -> c.ref() + " (" + c.title() + ")").collect(Collectors.joining("; "))));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The citation, flagged when unverified, with what its in-force date really is when not a stated date. */
    private static String citation(Evidence e, Map<String, String> t) {
        return e.citation() + (Instrument.STATED_IN_FORCE.equals(e.inForceBasis()) ? ""
                : Wording.fill(t, "csv.inForceBasis", "date", e.inForce(), "basis", e.inForceBasis(),
                "basisLabel", t.getOrDefault("inForceBasis." + e.inForceBasis(), e.inForceBasis())))
                + (e.verified() ? "" : t.get("csv.unverified"))
                + (e.hypothetical() == null ? "" : Wording.fill(t, "csv.hypothetical", "ref", e.hypothetical().ref()));
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

    private static String editions(ReportModel model) {
        Map<String, String> t = model.text();
        EditionComparison e = model.editions();
        String a = e.edition().edition().edition();
        String b = e.other().edition().edition();
        StringBuilder out = new StringBuilder(String.join(",", t.get("csv.country"), t.get("csv.code"),
                t.get("csv.criterion"), Wording.fill(t, "csv.numberEdition", "edition", a),
                Wording.fill(t, "csv.statusEdition", "edition", a), Wording.fill(t, "csv.numberEdition", "edition", b),
                Wording.fill(t, "csv.statusEdition", "edition", b), t.get("csv.differs"), t.get("csv.why"))).append('\n');
        for (EditionComparison.VerdictPair v : e.verdicts()) {
            Integer other = e.criteria().stream().filter(c -> c.id().equals(v.criterion())).findFirst()
                    .map(EditionComparison.CriterionPair::otherNumber).orElse(null);
            Integer mine = e.criteria().stream().filter(c -> c.id().equals(v.criterion())).findFirst()
                    .map(EditionComparison.CriterionPair::number).orElse(null);
            out.append(field(v.name())).append(',').append(v.jurisdiction()).append(',').append(v.criterion()).append(',')
                    .append(mine == null ? "" : mine).append(',').append(v.status() == null ? "" : v.status()).append(',')
                    .append(other == null ? "" : other).append(',').append(v.otherStatus() == null ? "" : v.otherStatus())
                    .append(',').append(t.get(v.differs() ? "csv.yes" : "csv.no")).append(',').append(field(v.why()))
                    .append('\n');
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
