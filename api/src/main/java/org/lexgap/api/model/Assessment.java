package org.lexgap.api.model;

import java.util.List;

/**
 * The verdict on one criterion for one jurisdiction.
 *
 * @param criterion      criterion id
 * @param status         the verdict
 * @param basis          what decided it
 * @param rule           the deciding rule ({@code pack:rule name}) or {@code interpretation:id}
 * @param reason         why, in one or two sentences
 * @param evidence       the provisions relied on, in a stable order (empty for an absence)
 * @param interpretation the interpretation that decided it, or {@code null}
 * @param ruleFindings   what the rules alone concluded where an interpretation decided otherwise, else empty
 * @param whatIf         for a jurisdiction that amendments apply to: the verdict without them and the changes
 *                       behind a difference; {@code null} for the recorded law alone
 */
public record Assessment(String criterion, Status status, Basis basis, String rule, String reason,
                         List<Evidence> evidence, Interpretation interpretation, List<String> ruleFindings,
                         WhatIf whatIf) {
    public Assessment {
        evidence = List.copyOf(evidence);
        ruleFindings = List.copyOf(ruleFindings);
    }

    /** As in api 1.1: an assessment of the recorded law. */
    public Assessment(String criterion, Status status, Basis basis, String rule, String reason,
                      List<Evidence> evidence, Interpretation interpretation, List<String> ruleFindings) {
        this(criterion, status, basis, rule, reason, evidence, interpretation, ruleFindings, null);
    }

    /** True when amendments apply and the verdict differs from the one on the recorded law. */
    public boolean changedByAmendment() {
        return whatIf != null && whatIf.baseline() != status;
    }

    /** This assessment with {@code whatIf} set. */
    public Assessment withWhatIf(WhatIf whatIf) {
        return new Assessment(criterion, status, basis, rule, reason, evidence, interpretation, ruleFindings, whatIf);
    }
}
