package org.lexgap.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Basis;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;

/**
 * The same law under two model-law editions: how their criteria differ (a criterion in one edition only, or asked
 * in other words), and, per jurisdiction, the verdicts that differ with why.
 *
 * @param edition  the edition reported (the request's)
 * @param other    the edition compared with
 * @param criteria every criterion of either edition, the reported edition's first
 * @param verdicts per jurisdiction and criterion, both verdicts (one may be absent)
 * @param differing the verdicts on a criterion of both editions that differ (a criterion in one edition only shows
 *                  in {@code criteria})
 */
public record EditionComparison(GapAnalysis edition, GapAnalysis other, List<CriterionPair> criteria,
                                List<VerdictPair> verdicts, List<VerdictPair> differing) {

    /** How the editions ask about one criterion; a question is {@code null} where the edition lacks it. */
    public record CriterionPair(String id, Integer number, Integer otherNumber, String question, String otherQuestion,
                                String change) {
    }

    /**
     * One jurisdiction's verdicts on one criterion under both editions ({@code null} status where an edition lacks
     * the criterion), and why they differ.
     */
    public record VerdictPair(String jurisdiction, String name, String criterion, Integer number, Status status,
                              String statusLabel, String statusClass, Status otherStatus, String otherLabel,
                              String otherClass, boolean differs, String why) {
    }

    static EditionComparison of(GapAnalysis edition, GapAnalysis other, Map<String, String> text) {
        String a = edition.edition().edition();
        String b = other.edition().edition();
        Map<String, Criterion> mine = byId(edition.criteria());
        Map<String, Criterion> theirs = byId(other.criteria());
        List<String> ids = new ArrayList<>(mine.keySet());
        theirs.keySet().stream().filter(id -> !mine.containsKey(id)).forEach(ids::add);
        List<CriterionPair> criteria = new ArrayList<>();
        for (String id : ids) {
            Criterion x = mine.get(id);
            Criterion y = theirs.get(id);
            String change = x == null ? text.get("editions.onlyIn").replace("{edition}", b)
                    : y == null ? text.get("editions.onlyIn").replace("{edition}", a)
                    : x.question().equals(y.question()) ? text.get("editions.same") : text.get("editions.reworded");
            criteria.add(new CriterionPair(id, x == null ? null : x.number(), y == null ? null : y.number(),
                    x == null ? null : x.question(), y == null ? null : y.question(), change));
        }
        Map<String, JurisdictionResult> others = new LinkedHashMap<>();
        other.jurisdictions().forEach(j -> others.put(j.code(), j));
        List<VerdictPair> verdicts = new ArrayList<>();
        for (JurisdictionResult j : edition.jurisdictions()) {
            JurisdictionResult k = others.get(j.code());
            for (String id : ids) {
                Assessment x = find(j, id);
                Assessment y = k == null ? null : find(k, id);
                boolean differs = x == null || y == null || x.status() != y.status();
                String why = x == null ? text.get("editions.onlyIn").replace("{edition}", b)
                        : y == null ? text.get("editions.onlyIn").replace("{edition}", a)
                        : differs ? Wording.fill(text, "editions.why", "edition", a, "verdict", describe(x, text), "other", b,
                        "otherVerdict", describe(y, text)) : "";
                Criterion c = mine.containsKey(id) ? mine.get(id) : theirs.get(id);
                verdicts.add(new VerdictPair(j.code(), j.name(), id, c.number(), x == null ? null : x.status(),
                        x == null ? "" : text.get("status." + x.status()), x == null ? "" : WhatIfView.css(x.status()),
                        y == null ? null : y.status(), y == null ? "" : text.get("status." + y.status()),
                        y == null ? "" : WhatIfView.css(y.status()), differs, why));
            }
        }
        return new EditionComparison(edition, other, criteria, verdicts,
                verdicts.stream().filter(v -> v.differs() && v.status() != null && v.otherStatus() != null).toList());
    }

    /** What decided a verdict, in one line: the interpretation (and the edition it is for), the rule, or the reason. */
    private static String describe(Assessment x, Map<String, String> text) {
        String head = text.get("editions.status." + x.status());
        if (x.basis() == Basis.INTERPRETATION) {
            return Wording.fill(text, "editions.byInterpretation", "status", head, "id", x.interpretation().id())
                    + (x.interpretation().edition() == null ? "" : Wording.fill(text, "editions.interpretationFor",
                    "edition", x.interpretation().edition()));
        }
        if (x.rule() != null) {
            return Wording.fill(text, "editions.byRule", "status", head, "rule", x.rule())
                    + (x.evidence().isEmpty() ? "" : Wording.fill(text, "editions.onEvidence", "citations",
                    String.join(", ", x.evidence().stream().map(e -> e.citation()).toList())))
                    + (x.status() == Status.UNKNOWN ? ": " + x.reason() : "");
        }
        return head + ": " + x.reason();
    }

    private static Map<String, Criterion> byId(List<Criterion> criteria) {
        Map<String, Criterion> out = new LinkedHashMap<>();
        criteria.forEach(c -> out.put(c.id(), c));
        return out;
    }

    private static Assessment find(JurisdictionResult j, String id) {
        return j.criteria().stream().filter(c -> c.criterion().equals(id)).findFirst().orElse(null);
    }
}
