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
 */
public record Assessment(String criterion, Status status, Basis basis, String rule, String reason,
                         List<Evidence> evidence, Interpretation interpretation, List<String> ruleFindings) {
    public Assessment {
        evidence = List.copyOf(evidence);
        ruleFindings = List.copyOf(ruleFindings);
    }
}
