package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.PackInfo;
import org.lexgap.launcher.Distribution;
import org.lexgap.launcher.Platform;

/** A trainer's session: regions swapped in one running platform, no restart. */
class RegionSwapIT {
    static final Path REFERENCE = TestPacks.REPO.resolve("../shared/reference/asean-8th-edition.csv");

    static Path shipped(String name) {
        return Distribution.locate().packs().stream().filter(p -> p.getFileName().toString().contains(name)).findFirst()
                .orElseThrow();
    }

    static String matrix(Platform p, String region) {
        return p.renderer().render(p.evaluator().assess(new AssessmentRequest(List.of(), region, "8",
                LocalDate.parse("2016-01-01"))), "csv");
    }

    @Test
    void swapAseanForApacAndBackThenRefuseABrokenVersion(@TempDir Path tmp) throws Exception {
        try (Platform p = Platform.start(Platform.Options.defaults().withoutShippedPacks()
                .withPacks(List.of(shipped("model-law-8"), shipped("asean"))))) {
            String asean = matrix(p, "ASEAN");
            if (Files.exists(REFERENCE)) {
                assertEquals(Files.readString(REFERENCE), asean);
            }
            assertThrows(IllegalArgumentException.class, () -> matrix(p, "APAC"));

            p.installer().uninstall("asean");
            p.installer().install(shipped("apac"));
            String apac = matrix(p, "APAC");
            assertTrue(apac.startsWith("country,iso3166_alpha2,specific_legislation"), apac);
            assertTrue(apac.contains("\nAustralia,AU,yes,yes,yes,unknown,yes,unknown\n"), apac);
            IllegalArgumentException gone = assertThrows(IllegalArgumentException.class, () -> matrix(p, "ASEAN"));
            assertTrue(gone.getMessage().contains("unknown region"), gone.getMessage());

            p.installer().uninstall("apac");
            p.installer().install(shipped("asean"));
            assertEquals(asean, matrix(p, "ASEAN"));

            Path broken = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean-broken"));
            TestPacks.setVersion(broken, "7.0.0");
            TestPacks.replace(broken.resolve("jurisdictions/MY.json"), "\"code\": \"MY\",", "\"code\": \"MY\"");
            // Signed by the shipped pack's own key, so that what refuses it is the broken file, not its signer.
            TestPacks.sign(broken, TestPacks.BUILD_KEY);
            PackInfo refused = p.installer().update("asean", broken);
            assertEquals("SERVING_PREVIOUS", refused.state());
            assertEquals(TestPacks.version(TestPacks.ASEAN), refused.version());
            assertTrue(refused.problems().stream().anyMatch(x -> "jurisdictions/MY.json".equals(x.file()) && x.line() == 4),
                    refused.problems().toString());
            assertEquals(asean, matrix(p, "ASEAN"));
        }
    }
}
