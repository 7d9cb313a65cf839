package org.lexgap.api.model;

import java.util.List;

/**
 * On an assessment of a jurisdiction that amendments apply to: the verdict without them, and the amendment changes
 * behind any difference. The assessment it belongs to is hypothetical.
 *
 * @param baseline       the verdict on the recorded law alone
 * @param baselineBasis  what decided the baseline verdict
 * @param baselineReason why, as for {@link Assessment#reason()}
 * @param changes        the amendment changes the hypothetical verdict or its evidence rests on (empty when it
 *                       does not differ from the baseline)
 */
public record WhatIf(Status baseline, Basis baselineBasis, String baselineReason, List<AmendmentChange> changes) {
    public WhatIf {
        changes = List.copyOf(changes);
    }
}
