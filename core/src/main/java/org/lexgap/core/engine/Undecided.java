package org.lexgap.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Basis;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.Instrument;
import org.lexgap.api.model.Interpretation;
import org.lexgap.api.model.Provision;
import org.lexgap.api.model.Status;
import org.lexgap.core.engine.RuleRun.RuledFinding;
import org.lexgap.core.pack.JurisdictionData;

/**
 * Where the pack's data cannot settle a criterion for the edition assessed, the verdict is UNKNOWN with the reason,
 * never a guess. Applied after {@link Verdicts} to what it decided:
 * <ul>
 *   <li>a rule may conclude {@link Status#UNKNOWN} about a provision whose elements leave the criterion open (for
 *       example a possession offence whose intent is recorded as {@code unspecified}); with no MET and no NOT_MET
 *       finding, that rule and its reason decide, citing the provision;</li>
 *   <li>a NOT_MET the rules reach only because nothing recorded meets the criterion is not trusted when the pack
 *       records a data-gap interpretation of the same criterion for another edition that found it MET on that date:
 *       the pack then knows of law it does not record, so the verdict for this edition is UNKNOWN. A divergence
 *       (the pack records the law and reads it otherwise) leaves the rules' reading standing.</li>
 * </ul>
 */
final class Undecided {
    private Undecided() {
    }

    static Assessment refine(Assessment decided, Criterion criterion, String edition, LocalDate asOf,
                             JurisdictionData data, List<RuledFinding> findings) {
        if (decided.basis() == Basis.NO_DATA && decided.rule() == null
                && !data.jurisdiction().unassessed().contains(criterion.id())) {
            List<RuledFinding> open = findings.stream()
                    .filter(f -> f.finding().status() == Status.UNKNOWN && f.finding().criterion().equals(criterion.id())
                            && f.finding().jurisdiction().equals(data.code()))
                    .sorted(Comparator.comparing((RuledFinding f) -> f.finding().provision(),
                            Comparator.nullsLast(NaturalOrder.INSTANCE)).thenComparing(RuledFinding::rule))
                    .toList();
            if (!open.isEmpty()) {
                Set<String> reasons = new LinkedHashSet<>();
                open.forEach(f -> reasons.add(f.finding().reason()));
                elsewhere(data, criterion, edition, asOf, null).ifPresent(i -> reasons.add("Under edition "
                        + i.edition() + " the pack records interpretation " + i.id() + ": " + i.status() + "."));
                return new Assessment(criterion.id(), Status.UNKNOWN, Basis.RULES, open.get(0).rule(),
                        String.join(" ", reasons), evidence(open, data), null, List.of());
            }
        }
        if (decided.basis() == Basis.RULES && decided.status() == Status.NOT_MET) {
            Optional<Interpretation> elsewhere = elsewhere(data, criterion, edition, asOf, Status.MET);
            if (elsewhere.isPresent()) {
                Interpretation i = elsewhere.get();
                return new Assessment(criterion.id(), Status.UNKNOWN, Basis.NO_DATA, null,
                        "No recorded provision meets this criterion, but interpretation " + i.id() + " records that"
                                + " it was found met on this date under edition " + i.edition() + ", on law the pack"
                                + " may not record. No finding is recorded for edition " + edition
                                + ", so the verdict is unknown rather than a guess.",
                        List.of(), null, List.of("NOT_MET by " + decided.rule()));
            }
        }
        return decided;
    }

    /** An interpretation of the criterion recorded for another edition that applies on the date (with that status). */
    private static Optional<Interpretation> elsewhere(JurisdictionData data, Criterion criterion, String edition,
                                                      LocalDate asOf, Status status) {
        return data.interpretations().stream()
                .filter(i -> i.criterion().equals(criterion.id()) && (status == null || i.status() == status)
                        && Interpretation.DATA_GAP.equals(i.kind())
                        && i.edition() != null && !i.edition().equals(edition)
                        && (i.from() == null || !asOf.isBefore(i.from()))
                        && (i.until() == null || asOf.isBefore(i.until())))
                .min(Comparator.comparing(Interpretation::id));
    }

    /** One evidence entry per provision the findings name, in provision-id order. */
    static List<Evidence> evidence(List<RuledFinding> findings, JurisdictionData data) {
        Map<String, Provision> provisions = new LinkedHashMap<>();
        data.provisions().forEach(p -> provisions.put(p.id(), p));
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        data.instruments().forEach(i -> instruments.put(i.id(), i));
        Map<String, Evidence> out = new TreeMap<>(NaturalOrder.INSTANCE);
        for (RuledFinding f : findings) {
            Provision p = provisions.get(f.finding().provision());
            if (p == null || out.containsKey(p.id())) {
                continue;
            }
            Instrument i = instruments.get(p.instrument());
            String citation = i.citation() + ", " + p.section()
                    + (p.insertedBy() == null ? "" : " (inserted by " + instruments.get(p.insertedBy()).citation() + ")");
            out.put(p.id(), new Evidence(p.id(), i.id(), i.title(), p.section(), citation, p.inForce(), p.source(),
                    p.verified(), p.summary(), f.finding().reason(), p.inForceBasis(), p.retrieved()));
        }
        return new ArrayList<>(out.values());
    }
}
