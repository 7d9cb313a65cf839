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
 */
public record AssessmentRequest(List<String> jurisdictions, String region, String edition, LocalDate asOf) {
    public AssessmentRequest {
        jurisdictions = List.copyOf(jurisdictions);
    }
}
