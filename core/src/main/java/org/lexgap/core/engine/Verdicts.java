package org.lexgap.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

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
 * Turns the rules' findings into one verdict per criterion. The order of precedence, documented in
 * docs/pack-format.md:
 * <ol>
 *   <li>an {@link Interpretation} that applies to the edition and date decides, and says so (one recorded for the
 *       edition assessed before one recorded for every edition, then by id);</li>
 *   <li>a criterion the pack marks unassessed is {@link Status#UNKNOWN} (no data, never NOT_MET);</li>
 *   <li>any MET finding makes it {@link Status#MET}, citing every provision in force found (a MET verdict that
 *   would cite none is an error, never published);</li>
 *   <li>otherwise a NOT_MET finding makes it {@link Status#NOT_MET};</li>
 *   <li>with no finding at all it is {@link Status#UNKNOWN}.</li>
 * </ol>
 */
final class Verdicts {
    private Verdicts() {
    }

    static Assessment decide(Criterion criterion, String edition, LocalDate asOf, JurisdictionData data,
                             List<RuledFinding> all) {
        List<RuledFinding> findings = all.stream()
                .filter(f -> f.finding().criterion().equals(criterion.id())
                        && f.finding().jurisdiction().equals(data.code()))
                .sorted(Comparator.comparing((RuledFinding f) -> f.finding().status())
                        .thenComparing(f -> f.finding().provision(), Comparator.nullsLast(NaturalOrder.INSTANCE))
                        .thenComparing(RuledFinding::rule))
                .toList();
        List<RuledFinding> met = findings.stream().filter(f -> f.finding().status() == Status.MET).toList();
        List<Evidence> evidence = evidence(met, data, asOf);

        Optional<Interpretation> interpretation = data.interpretations().stream()
                .filter(i -> i.criterion().equals(criterion.id()) && i.appliesTo(edition, asOf))
                .min(Comparator.comparing((Interpretation i) -> i.edition() == null).thenComparing(Interpretation::id));
        if (interpretation.isPresent()) {
            Interpretation i = interpretation.get();
            List<String> byRules = findings.isEmpty()
                    ? List.of("rules: no finding")
                    : findings.stream().map(f -> f.finding().status() + " by " + f.rule()
                            + (f.finding().provision() == null ? "" : " on " + f.finding().provision())).distinct().toList();
            return new Assessment(criterion.id(), i.status(), Basis.INTERPRETATION, "interpretation: " + i.id(),
                    i.reason(), evidence, i, byRules);
        }
        if (data.jurisdiction().unassessed().contains(criterion.id())) {
            return new Assessment(criterion.id(), Status.UNKNOWN, Basis.NO_DATA, null,
                    "Not yet researched for this jurisdiction (listed as unassessed in its pack).", List.of(), null,
                    List.of());
        }
        if (!met.isEmpty()) {
            RuledFinding first = met.get(0);
            if (evidence.isEmpty()) {
                // RuleRun refuses such findings as they are inserted; this is the last line, should that change.
                throw new IllegalStateException("rule " + first.rule() + " found " + criterion.id() + " MET for "
                        + data.code() + " without citing a provision in force on " + asOf + "; a MET verdict must"
                        + " rest on a provision in force or a cited interpretation");
            }
            return new Assessment(criterion.id(), Status.MET, Basis.RULES, first.rule(), first.finding().reason(),
                    evidence, null, List.of());
        }
        Optional<RuledFinding> notMet = findings.stream().filter(f -> f.finding().status() == Status.NOT_MET).findFirst();
        if (notMet.isPresent()) {
            return new Assessment(criterion.id(), Status.NOT_MET, Basis.RULES, notMet.get().rule(),
                    notMet.get().finding().reason(), List.of(), null, List.of());
        }
        return new Assessment(criterion.id(), Status.UNKNOWN, Basis.NO_DATA, null,
                "No rule reached a finding on this criterion.", List.of(), null, List.of());
    }

    /**
     * One evidence entry per provision in force relied on, in provision-id order. An entry is verified only when the provision
     * and the instrument its dates come from (the inserting instrument, if any, else its own) are verified, so a
     * provision inserted by an unverified Act is flagged wherever it is relied on.
     */
    private static List<Evidence> evidence(List<RuledFinding> met, JurisdictionData data, LocalDate asOf) {
        if (met.isEmpty()) {
            return List.of();
        }
        Map<String, Evidence> out = new TreeMap<>(NaturalOrder.INSTANCE);
        for (RuledFinding f : met) {
            Provision p = byId(data.provisions(), Provision::id, f.finding().provision());
            if (p == null || !p.inForceOn(asOf) || out.containsKey(p.id())) {
                continue;
            }
            Instrument i = byId(data.instruments(), Instrument::id, p.instrument());
            Instrument inserting = p.insertedBy() == null ? null : byId(data.instruments(), Instrument::id, p.insertedBy());
            Instrument origin = inserting == null ? i : inserting;
            String citation = i.citation() + ", " + p.section()
                    + (origin == i ? "" : " (inserted by " + origin.citation() + ")");
            out.put(p.id(), new Evidence(p.id(), i.id(), i.title(), p.section(), citation, p.inForce(), p.source(),
                    p.verified() && origin.verified(), p.summary(), f.finding().reason(), p.inForceBasis(),
                    p.retrieved()));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The last item with the id (ids are unique in a checked pack), or null. A scan, not a map: a jurisdiction has
     * tens of provisions and a verdict cites a few, and building maps of all of them for every criterion was most of
     * the cost of deciding verdicts.
     */
    private static <T> T byId(List<T> items, Function<T, String> id, String wanted) {
        if (wanted == null) {
            return null;
        }
        for (int k = items.size() - 1; k >= 0; k--) {
            T item = items.get(k);
            if (wanted.equals(id.apply(item))) {
                return item;
            }
        }
        return null;
    }
}
