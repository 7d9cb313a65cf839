package org.lexgap.api.model;

import java.util.List;

/**
 * The result of an assessment: one {@link JurisdictionResult} per requested jurisdiction, in request order.
 *
 * @param edition       the model-law edition assessed against
 * @param criteria      that edition's criteria, in order
 * @param region        the region requested, or {@code null}
 * @param jurisdictions the results
 * @param provenance    what the result was computed from
 */
public record GapAnalysis(ModelLawEdition edition, List<Criterion> criteria, Region region,
                          List<JurisdictionResult> jurisdictions, Provenance provenance) {
    public GapAnalysis {
        criteria = List.copyOf(criteria);
        jurisdictions = List.copyOf(jurisdictions);
    }

    /** True when amendments were applied: the result is hypothetical, not the recorded law. */
    public boolean hypothetical() {
        return !provenance.amendments().isEmpty();
    }
}
