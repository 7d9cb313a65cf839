package org.lexgap.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.GapAnalysis;
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
 */
public record ReportModel(String kind, String title, ReportRequest request, Map<String, String> text,
                          GapAnalysis analysis, GapAnalysis before, Aggregates aggregates,
                          Aggregates aggregatesBefore, Comparison comparison, List<JurisdictionView> jurisdictions,
                          String chartSvg) {

    /** A criterion's definition beside one jurisdiction's verdict on it. */
    public record CriterionView(Criterion criterion, Assessment assessment, String statusLabel, String statusClass) {
    }

    /** One jurisdiction's section of the report. */
    public record JurisdictionView(JurisdictionResult result, List<CriterionView> criteria, List<CriterionView> gaps,
                                   List<Comparison.Change> changes) {
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
                        a.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            }
            List<CriterionView> gaps = criteria.stream()
                    .filter(c -> c.assessment().status() != org.lexgap.api.model.Status.MET).toList();
            List<Comparison.Change> changes = comparison == null ? List.of()
                    : comparison.changes().stream().filter(c -> c.jurisdiction().equals(j.code())).toList();
            views.add(new JurisdictionView(j, criteria, gaps, changes));
        }
        String title = kind.equals("country")
                ? text.get("title.country").replace("{name}", analysis.jurisdictions().get(0).name())
                : text.get("title.region").replace("{name}", analysis.region() != null ? analysis.region().name()
                        : String.join(", ", analysis.jurisdictions().stream().map(JurisdictionResult::name).toList()));
        boolean six = analysis.criteria().size() >= 6;
        return new ReportModel(kind, title, request, text, analysis, before, six ? Aggregates.of(analysis) : null,
                six && before != null ? Aggregates.of(before) : null, comparison, views,
                kind.equals("region") ? Chart.criteriaMet(analysis, text) : "");
    }
}
