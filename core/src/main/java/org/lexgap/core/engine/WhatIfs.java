package org.lexgap.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lexgap.api.model.AmendmentChange;
import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Basis;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.Status;
import org.lexgap.api.model.WhatIf;
import org.lexgap.core.amend.AmendedLaw;
import org.lexgap.core.pack.JurisdictionData;

/**
 * Puts a verdict on amended law beside the verdict on the recorded law: marks hypothetical evidence, names the
 * amendment changes behind any difference, and keeps a recorded judgment from hiding what an amendment changes.
 */
final class WhatIfs {
    private WhatIfs() {
    }

    /** Both sessions' inputs and outcomes for one criterion. */
    record Pair(Assessment baseline, Assessment amended, Assessment rulesBefore, Assessment rulesAfter) {
    }

    /**
     * @param pair the verdicts on the recorded and the amended law, and what the rules alone found on each (the
     *             latter two may be {@code null} when neither an interpretation nor "unassessed" decided)
     */
    static Assessment compare(Pair pair, AmendedLaw law) {
        Assessment baseline = pair.baseline();
        Assessment result = pair.amended();
        boolean effective = !law.inEffect().isEmpty();
        if (effective && pair.rulesAfter() != null) {
            // A recorded interpretation judges the recorded law. When the amendment moves what the rules find away
            // from that judgment, it no longer speaks to the law being assessed, so the rules on the amended law
            // decide; when the rules now agree with it, it stands.
            if (result.basis() == Basis.INTERPRETATION && pair.rulesBefore().status() != pair.rulesAfter().status()
                    && pair.rulesAfter().status() != result.status()) {
                result = withReason(pair.rulesAfter(), "The amendment changes what the rules find, so interpretation "
                        + result.interpretation().id() + ", a judgment on the recorded law, no longer decides. "
                        + pair.rulesAfter().reason());
            } else if (result.basis() == Basis.NO_DATA && pair.rulesAfter().status() == Status.MET
                    && pair.rulesAfter().evidence().stream().anyMatch(e -> law.hypothetical().containsKey(e.provision()))) {
                // Unknown for the recorded law (not researched, say), but a hypothetical provision meets it whatever
                // else the law holds.
                result = withReason(pair.rulesAfter(), "On the recorded law this criterion is unknown; the"
                        + " hypothetical provision meets it whatever else the law holds. " + pair.rulesAfter().reason());
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        Set<AmendmentChange> behind = new LinkedHashSet<>();
        Set<String> cited = new LinkedHashSet<>();
        for (Evidence e : result.evidence()) {
            AmendmentChange change = law.hypothetical().get(e.provision());
            evidence.add(change == null ? e : e.withHypothetical(change));
            if (change != null) {
                behind.add(change);
            }
            cited.add(e.provision());
        }
        for (Evidence e : baseline.evidence()) {
            AmendmentChange change = law.removedBy().get(e.provision());
            if (change != null && (!cited.contains(e.provision()) || law.hypothetical().containsKey(e.provision()))) {
                behind.add(change);
            }
        }
        if (behind.isEmpty() && result.status() != baseline.status()) {
            behind.addAll(law.inEffect());
        }
        Assessment marked = new Assessment(result.criterion(), result.status(), result.basis(), result.rule(),
                result.reason(), evidence, result.interpretation(), result.ruleFindings(), null);
        return marked.withWhatIf(new WhatIf(baseline.status(), baseline.basis(), baseline.reason(),
                new ArrayList<>(behind)));
    }

    /** Whether {@link #compare} needs what the rules alone find (an interpretation or "unassessed" decided). */
    static boolean needsRulesAlone(Assessment amended) {
        return amended.basis() == Basis.INTERPRETATION || amended.basis() == Basis.NO_DATA;
    }

    /** The law without interpretations and with nothing unassessed: what the rules alone decide on. */
    static JurisdictionData rulesOnly(JurisdictionData data) {
        Jurisdiction j = data.jurisdiction();
        return new JurisdictionData(data.file(), new Jurisdiction(j.code(), j.name(), List.of()), data.instruments(),
                data.provisions(), List.of());
    }

    private static Assessment withReason(Assessment a, String reason) {
        return new Assessment(a.criterion(), a.status(), a.basis(), a.rule(), reason, a.evidence(), a.interpretation(),
                a.ruleFindings(), null);
    }
}
