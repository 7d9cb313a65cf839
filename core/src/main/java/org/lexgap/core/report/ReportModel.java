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
 * @param analysis    the assessment as of the request's date (with the amendments, when there are any)
 * @param before      the assessment as of the comparison date, or {@code null}
 * @param aggregates  the headline counts as of the request's date
 * @param aggregatesBefore the same as of the comparison date or, in a what-if report, on the recorded law; else
 *                    {@code null}
 * @param comparison  what changed, or {@code null}
 * @param jurisdictions per jurisdiction, its criteria paired with their definitions
 * @param chartSvg    the criteria-met chart as inline SVG (regional reports), else empty
 * @param global      the edition's published counts for every country it reviewed, shown beside the regional
 *                    aggregates, or {@code null} when the edition's pack records none
 * @param whatIf      the recorded and the amended law side by side, or {@code null} without amendments
 * @param editions    the same law under a second edition, or {@code null}
 */
public record ReportModel(String kind, String title, ReportRequest request, Map<String, String> text,
                          GapAnalysis analysis, GapAnalysis before, Aggregates aggregates,
                          Aggregates aggregatesBefore, Comparison comparison, List<JurisdictionView> jurisdictions,
                          String chartSvg, GlobalResults global, WhatIfView whatIf, EditionComparison editions) {

    /**
     * A criterion's definition beside one jurisdiction's verdict on it.
     *
     * @param restsOnUnverified the verdict rests on an unverified fact: an unverified interpretation decided it, or
     *                          it is met and every provision it cites has an unverified fact
     * @param recordedLabel in a what-if report, the verdict on the recorded law; else {@code null}
     */
    public record CriterionView(Criterion criterion, Assessment assessment, String statusLabel, String statusClass,
                                boolean restsOnUnverified, String recordedLabel) {
    }

    /**
     * One jurisdiction's section of the report.
     *
     * @param flagged some verdict of this jurisdiction rests on an unverified fact
     */
    public record JurisdictionView(JurisdictionResult result, List<CriterionView> criteria, List<CriterionView> gaps,
                                   List<Comparison.Change> changes, boolean flagged) {
    }

    /** The kinds of report, each with its own template: one country's, or a region's (or several countries'). */
    static final List<String> KINDS = List.of("country", "region");

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

    /**
     * @param baseline the recorded-law analysis of a what-if report, else {@code null}
     * @param other    the analysis under the compared edition, else {@code null}
     */
    static ReportModel build(String kind, ReportRequest request, Map<String, String> text, GapAnalysis analysis,
                             GapAnalysis before, GapAnalysis baseline, GapAnalysis other) {
        Comparison comparison = before == null ? null : Comparison.of(before, analysis, text);
        List<JurisdictionView> views = new ArrayList<>();
        for (JurisdictionResult j : analysis.jurisdictions()) {
            List<CriterionView> criteria = new ArrayList<>();
            for (int i = 0; i < j.criteria().size(); i++) {
                Assessment a = j.criteria().get(i);
                criteria.add(new CriterionView(analysis.criteria().get(i), a, text.get("status." + a.status()),
                        WhatIfView.css(a.status()), restsOnUnverified(a),
                        a.whatIf() == null ? null : text.get("status." + a.whatIf().baseline())));
            }
            List<CriterionView> gaps = criteria.stream()
                    .filter(c -> c.assessment().status() != org.lexgap.api.model.Status.MET).toList();
            List<Comparison.Change> changes = comparison == null ? List.of()
                    : comparison.changes().stream().filter(c -> c.jurisdiction().equals(j.code())).toList();
            views.add(new JurisdictionView(j, criteria, gaps, changes,
                    criteria.stream().anyMatch(CriterionView::restsOnUnverified)));
        }
        String suffix = baseline != null ? ".whatif" : other != null ? ".editions" : "";
        String title = (kind.equals("country")
                ? text.get("title.country" + suffix).replace("{name}", analysis.jurisdictions().get(0).name())
                : text.get("title.region" + suffix).replace("{name}", analysis.region() != null ? analysis.region().name()
                        : String.join(", ", analysis.jurisdictions().stream().map(JurisdictionResult::name).toList())))
                .replace("{edition}", analysis.edition().edition())
                .replace("{other}", other == null ? "" : other.edition().edition());
        // The Global Review's headline counts need criteria 1 to 5 (and 6, data retention, where the edition has it).
        boolean counts = analysis.criteria().size() >= 5;
        GapAnalysis second = before != null ? before : baseline;
        return new ReportModel(kind, title, request, text, analysis, before, counts ? Aggregates.of(analysis) : null,
                counts && second != null ? Aggregates.of(second) : null, comparison, views,
                kind.equals("region") ? Chart.criteriaMet(analysis, text) : "",
                counts ? analysis.edition().globalResults() : null,
                baseline == null ? null : WhatIfView.of(analysis, baseline, text),
                other == null ? null : EditionComparison.of(analysis, other, text));
    }
}
