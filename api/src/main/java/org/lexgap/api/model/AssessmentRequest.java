package org.lexgap.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What to assess: either explicit jurisdictions or a region, against an edition, as of a date.
 *
 * @param jurisdictions jurisdiction codes (may be empty when {@code region} is given)
 * @param region        region id, or {@code null}
 * @param edition       model-law edition, for example {@code 8}
 * @param asOf          the date the law is read as of
 * @param amendments    what-if amendment files to apply on top of the packs, in order (empty for the recorded law)
 */
public record AssessmentRequest(List<String> jurisdictions, String region, String edition, LocalDate asOf,
                                List<AmendmentFile> amendments) {
    public AssessmentRequest {
        jurisdictions = List.copyOf(jurisdictions);
        amendments = List.copyOf(amendments);
    }

    /** As in api 1.1: the recorded law, no amendments. */
    public AssessmentRequest(List<String> jurisdictions, String region, String edition, LocalDate asOf) {
        this(jurisdictions, region, edition, asOf, List.of());
    }

    /** The same request on the recorded law alone. */
    public AssessmentRequest withoutAmendments() {
        return new AssessmentRequest(jurisdictions, region, edition, asOf, List.of());
    }
}
