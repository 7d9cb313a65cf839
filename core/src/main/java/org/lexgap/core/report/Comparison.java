package org.lexgap.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.Status;

/**
 * What changed between two readings of the law: for each jurisdiction and criterion whose verdict differs, the
 * verdicts and what drove the change (the instruments cited on one date and not the other, or an interpretation
 * that began or ended).
 *
 * @param from    the earlier date
 * @param to      the later date
 * @param changes the changed verdicts, in jurisdiction then criterion order
 */
public record Comparison(LocalDate from, LocalDate to, List<Change> changes) {

    /**
     * One changed verdict.
     *
     * @param drivers readable descriptions of what drove it, for example {@code "in force 2017-07-10: Act 792, s. 10"}
     */
    public record Change(String jurisdiction, String name, String criterion, int number, Status before, Status after,
                         List<String> drivers) {
    }

    /**
     * Compares {@code earlier} with {@code later} (same edition and jurisdictions, different dates), describing the
     * drivers in the report's wording {@code text} (keys {@code changes.*} of report/messages_*.properties).
     */
    public static Comparison of(GapAnalysis earlier, GapAnalysis later, Map<String, String> text) {
        Map<String, JurisdictionResult> before = earlier.jurisdictions().stream()
                .collect(Collectors.toMap(JurisdictionResult::code, Function.identity()));
        List<Change> changes = new ArrayList<>();
        for (JurisdictionResult now : later.jurisdictions()) {
            JurisdictionResult then = before.get(now.code());
            for (int i = 0; i < now.criteria().size(); i++) {
                Assessment a = then.criteria().get(i);
                Assessment b = now.criteria().get(i);
                if (a.status() != b.status()) {
                    changes.add(new Change(now.code(), now.name(), b.criterion(), i + 1, a.status(), b.status(),
                            drivers(a, b, text)));
                }
            }
        }
        return new Comparison(earlier.provenance().asOf(), later.provenance().asOf(), changes);
    }

    private static List<String> drivers(Assessment a, Assessment b, Map<String, String> text) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> citedBefore = a.evidence().stream().map(Evidence::provision).collect(Collectors.toSet());
        Set<String> citedAfter = b.evidence().stream().map(Evidence::provision).collect(Collectors.toSet());
        for (Evidence e : b.evidence()) {
            if (!citedBefore.contains(e.provision())) {
                out.add(Wording.fill(text, "changes.nowCited", "citation", e.citation(), "title", e.title(),
                        "inForce", e.inForce()));
            }
        }
        for (Evidence e : a.evidence()) {
            if (!citedAfter.contains(e.provision())) {
                out.add(Wording.fill(text, "changes.noLongerCited", "citation", e.citation(), "title", e.title()));
            }
        }
        if (a.interpretation() != null && (b.interpretation() == null || !b.interpretation().id().equals(a.interpretation().id()))) {
            out.add(Wording.fill(text, "changes.interpretationEnds", "id", a.interpretation().id()));
        }
        if (b.interpretation() != null && (a.interpretation() == null || !a.interpretation().id().equals(b.interpretation().id()))) {
            out.add(Wording.fill(text, "changes.interpretationApplies", "id", b.interpretation().id(),
                    "reason", b.interpretation().reason()));
        }
        if (out.isEmpty()) {
            out.add(b.reason());
        }
        return List.copyOf(out);
    }
}
