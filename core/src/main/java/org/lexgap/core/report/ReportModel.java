package org.lexgap.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.GlobalResults;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.ReportRequest;

/**
 * Everything a report shows, computed once and handed to every renderer, so the formats cannot disagree.
 *
 * @param kind        {@code country} or {@code region}
 * @param title       the report's title
 * @param text        the report's own wording in the requested language, by key
 * @param analysis    the assessment as of the request's date
 * @param before      the assessment as of the comparison date, or {@code null}
 * @param aggregates  the headline counts as of the request's date
 * @param aggregatesBefore the same as of the comparison date, or {@code null}
 * @param comparison  what changed, or {@code null}
 * @param jurisdictions per jurisdiction, its criteria paired with their definitions
 * @param chartSvg    the criteria-met chart as inline SVG (regional reports), else empty
 * @param global      the edition's published counts for every country it reviewed, shown beside the regional
 *                    aggregates, or {@code null} when the edition's pack records none
 */
public record ReportModel(String kind, String title, ReportRequest request, Map<String, String> text,
                          GapAnalysis analysis, GapAnalysis before, Aggregates aggregates,
                          Aggregates aggregatesBefore, Comparison comparison, List<JurisdictionView> jurisdictions,
                          String chartSvg, GlobalResults global) {

    /**
     * A criterion's definition beside one jurisdiction's verdict on it.
     *
     * @param restsOnUnverified the verdict rests on an unverified fact: an unverified interpretation decided it, or
     *                          it is met and every provision it cites has an unverified fact
     */
    public record CriterionView(Criterion criterion, Assessment assessment, String statusLabel, String statusClass,
                                boolean restsOnUnverified) {
    }

    /**
     * One jurisdiction's section of the report.
     *
     * @param flagged some verdict of this jurisdiction rests on an unverified fact
     */
    public record JurisdictionView(JurisdictionResult result, List<CriterionView> criteria, List<CriterionView> gaps,
                                   List<Comparison.Change> changes, boolean flagged) {
    }

    /** True when {@code a} rests on a fact not yet verified, so that every format can flag it where it is shown. */
    static boolean restsOnUnverified(Assessment a) {
        if (a.interpretation() != null) {
            return !a.interpretation().verified();
        }
        return a.status() == org.lexgap.api.model.Status.MET && !a.evidence().isEmpty()
                && a.evidence().stream().noneMatch(org.lexgap.api.model.Evidence::verified);
    }

    /** True when some verdict in the report rests on an unverified fact (the templates then print the legend). */
    public boolean flagged() {
        return jurisdictions.stream().anyMatch(JurisdictionView::flagged);
    }

    static ReportModel build(String kind, ReportRequest request, Map<String, String> text, GapAnalysis analysis,
                             GapAnalysis before) {
        Comparison comparison = before == null ? null : Comparison.of(before, analysis);
        List<JurisdictionView> views = new ArrayList<>();
        for (JurisdictionResult j : analysis.jurisdictions()) {
            List<CriterionView> criteria = new ArrayList<>();
            for (int i = 0; i < j.criteria().size(); i++) {
                Assessment a = j.criteria().get(i);
                criteria.add(new CriterionView(analysis.criteria().get(i), a, text.get("status." + a.status()),
                        a.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), restsOnUnverified(a)));
            }
            List<CriterionView> gaps = criteria.stream()
                    .filter(c -> c.assessment().status() != org.lexgap.api.model.Status.MET).toList();
            List<Comparison.Change> changes = comparison == null ? List.of()
                    : comparison.changes().stream().filter(c -> c.jurisdiction().equals(j.code())).toList();
            views.add(new JurisdictionView(j, criteria, gaps, changes,
                    criteria.stream().anyMatch(CriterionView::restsOnUnverified)));
        }
        String title = kind.equals("country")
                ? text.get("title.country").replace("{name}", analysis.jurisdictions().get(0).name())
                : text.get("title.region").replace("{name}", analysis.region() != null ? analysis.region().name()
                        : String.join(", ", analysis.jurisdictions().stream().map(JurisdictionResult::name).toList()));
        boolean six = analysis.criteria().size() >= 6;
        return new ReportModel(kind, title, request, text, analysis, before, six ? Aggregates.of(analysis) : null,
                six && before != null ? Aggregates.of(before) : null, comparison, views,
                kind.equals("region") ? Chart.criteriaMet(analysis, text) : "",
                six ? analysis.edition().globalResults() : null);
    }
}
