package org.lexgap.bench;

import java.time.LocalDate;
import java.util.List;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.launcher.BenchAmendment;
import org.lexgap.launcher.Distribution;
import org.lexgap.launcher.Platform;

/** What every benchmark shares: the requests, and a platform serving exactly the references' two packs. */
final class Setups {
    static final LocalDate CUTOFF = LocalDate.of(2016, 1, 1);
    static final AssessmentRequest PH = new AssessmentRequest(List.of("PH"), null, "8", CUTOFF);
    static final AssessmentRequest ASEAN = new AssessmentRequest(List.of(), "ASEAN", "8", CUTOFF);
    /** The example of docs/what-if.md: a possession offence for Malaysia from 2016-01-01 (the same as lexgap bench). */
    static final AssessmentRequest WHAT_IF = new AssessmentRequest(List.of("MY"), null, "8", CUTOFF,
            List.of(BenchAmendment.file()));

    private Setups() {
    }

    /** The real platform (Felix, the core bundle) serving the signed model-law-8 and ASEAN packs, nothing else. */
    static Platform platform() {
        Platform.Options options = new Platform.Options(new Distribution(Law.home()), false, List.of(),
                List.of(Law.pack("model-law-8"), Law.pack("asean")), false);
        Platform platform = Platform.start(options);
        if (!platform.failedPacks().isEmpty()) {
            platform.close();
            throw new IllegalStateException("packs refused: " + platform.failedPacks());
        }
        return platform;
    }
}
