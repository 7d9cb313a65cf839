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
        return platform(new Platform.Options(new Distribution(Law.home()), false, List.of(),
                List.of(Law.pack("model-law-8"), Law.pack("asean")), false));
    }

    /** {@link #platform} without the shipped packs' rules compiled at build time: it checks and compiles them. */
    static Platform compilingPlatform() {
        return platform(new Platform.Options(new Distribution(Law.home()), false, List.of(),
                List.of(Law.pack("model-law-8"), Law.pack("asean")), false)
                .withProperty(Platform.BUILD_TIME_RULES, ""));
    }

    /**
     * The cache folder of {@link #cachedPlatform}: the compiled rules and test passes of the two packs, kept for the
     * Lexgap build, as the CLI keeps them in ~/.lexgap/cache.
     */
    static java.nio.file.Path cacheFolder() {
        return Law.home().resolve("../bench-cache").normalize();
    }

    /**
     * {@link #platform} with what a second CLI run finds in its cache folder ({@link #cacheFolder}): the load cache,
     * and the kept Felix bundle cache (the core bundle's embedded jars extracted by an earlier run).
     */
    static Platform cachedPlatform() {
        return platform(new Platform.Options(new Distribution(Law.home()), false, List.of(),
                List.of(Law.pack("model-law-8"), Law.pack("asean")), false)
                .withProperty("lexgap.cache.dir", cacheFolder().toString())
                .withProperty(Platform.FELIX_CACHE, cacheFolder().toString()));
    }

    private static Platform platform(Platform.Options options) {
        Platform platform = Platform.start(options);
        if (!platform.failedPacks().isEmpty()) {
            platform.close();
            throw new IllegalStateException("packs refused: " + platform.failedPacks());
        }
        return platform;
    }
}
