package org.lexgap.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A gap report to produce.
 *
 * @param jurisdictions jurisdiction codes for a country report (exactly one), or empty
 * @param region        region id for a regional report, or {@code null}
 * @param edition       model-law edition
 * @param asOf          the date the law is read as of
 * @param compareWith   a second date to compare with (usually earlier), or {@code null}
 * @param format        one of {@code ReportService.formats()}
 * @param lang          language of the report's own wording, one of {@code ReportService.languages()}
 * @param amendments    what-if amendment files: the report then shows the recorded law and the amended law side by
 *                      side, marked hypothetical (empty for none)
 * @param compareEdition a second model-law edition to show the same law under, or {@code null}
 */
public record ReportRequest(List<String> jurisdictions, String region, String edition, LocalDate asOf,
                            LocalDate compareWith, String format, String lang, List<AmendmentFile> amendments,
                            String compareEdition) {
    public ReportRequest {
        jurisdictions = List.copyOf(jurisdictions);
        amendments = List.copyOf(amendments);
    }

    /** As in api 1.1: no amendments, one edition. */
    public ReportRequest(List<String> jurisdictions, String region, String edition, LocalDate asOf,
                         LocalDate compareWith, String format, String lang) {
        this(jurisdictions, region, edition, asOf, compareWith, format, lang, List.of(), null);
    }
}
