package org.lexgap.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Interpretation;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.Status;
import org.lexgap.core.pack.JurisdictionData;

/**
 * The precedence Lexgap applies to findings (docs/pack-format.md, "How a verdict is reached"), written out for the
 * references: an interpretation for the edition and date decides (one for this edition before one for every
 * edition, then by id); then unassessed is UNKNOWN; then any MET finding; then NOT_MET; a rules-only NOT_MET is
 * UNKNOWN when a data-gap interpretation for another edition found the criterion met on that date.
 */
final class Verdicts {
    private Verdicts() {
    }

    /**
     * @param met provision ids found MET, by criterion id (sorted as the evidence is cited)
     */
    static List<Verdict> decide(ModelLawEdition edition, JurisdictionData data, LocalDate asOf,
                                Map<String, ? extends Set<String>> met) {
        List<Verdict> out = new ArrayList<>(edition.criteria().size());
        for (Criterion c : edition.criteria()) {
            Set<String> found = met.get(c.id());
            List<String> evidence = found == null ? List.of() : List.copyOf(found);
            Interpretation chosen = null;
            for (Interpretation i : data.interpretations()) {
                if (i.criterion().equals(c.id()) && i.appliesTo(edition.edition(), asOf)
                        && (chosen == null || better(i, chosen))) {
                    chosen = i;
                }
            }
            if (chosen != null) {
                out.add(new Verdict(c.id(), chosen.status(), evidence, "interpretation: " + chosen.id()));
            } else if (data.jurisdiction().unassessed().contains(c.id())) {
                out.add(new Verdict(c.id(), Status.UNKNOWN, List.of(), "unassessed"));
            } else if (!evidence.isEmpty()) {
                out.add(new Verdict(c.id(), Status.MET, evidence, "rules"));
            } else if (metElsewhere(data, c, edition.edition(), asOf).isPresent()) {
                out.add(new Verdict(c.id(), Status.UNKNOWN, List.of(), "interpretation elsewhere"));
            } else {
                out.add(new Verdict(c.id(), Status.NOT_MET, List.of(), "rules"));
            }
        }
        return out;
    }

    private static boolean better(Interpretation a, Interpretation b) {
        if ((a.edition() == null) != (b.edition() == null)) {
            return a.edition() != null;
        }
        return a.id().compareTo(b.id()) < 0;
    }

    private static Optional<Interpretation> metElsewhere(JurisdictionData data, Criterion c, String edition,
                                                         LocalDate asOf) {
        return data.interpretations().stream()
                .filter(i -> i.criterion().equals(c.id()) && i.status() == Status.MET
                        && Interpretation.DATA_GAP.equals(i.kind()) && i.edition() != null
                        && !i.edition().equals(edition) && (i.from() == null || !asOf.isBefore(i.from()))
                        && (i.until() == null || asOf.isBefore(i.until())))
                .min(Comparator.comparing(Interpretation::id));
    }
}
