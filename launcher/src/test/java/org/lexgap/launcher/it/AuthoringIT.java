package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.PackInfo;
import org.lexgap.launcher.Platform;
import org.lexgap.launcher.PackWatching;

/** The analyst's loop through the real CLI and the real platform. */
class AuthoringIT {
    static final Path BROKEN = Path.of("src/test/resources/broken-packs");

    @Test
    void scaffoldThenValidateThenTestPassAsGenerated(@TempDir Path tmp) {
        Path pack = tmp.resolve("japan");
        Cli created = Cli.run("pack", "new", "--id", "japan", "--jurisdiction", "JP", "--dir", pack.toString());
        assertEquals(0, created.exit(), created.toString());
        Cli validated = Cli.run("pack", "validate", pack.toString());
        assertEquals(0, validated.exit(), validated.toString());
        assertTrue(validated.out().contains("0 error(s)"), validated.toString());
        assertTrue(validated.out().contains("placeholder from 'lexgap pack new'"), "placeholders are flagged");
        Cli tested = Cli.run("pack", "test", pack.toString());
        assertEquals(0, tested.exit(), tested.toString());
        assertTrue(tested.out().contains("\n1 passed, 0 failed\n"), tested.toString());
        Cli explained = Cli.run("explain", "--packs", pack.toString(), "-j", "JP", "-c", "simple_possession",
                "--as-of", "2016-01-01", "--format", "json");
        assertEquals(0, explained.exit(), explained.toString());
        assertTrue(explained.out().contains("\"status\" : \"MET\""), explained.toString());
        assertTrue(explained.out().contains("\"rule\" : \"model-law-8: Simple possession"), explained.toString());
    }

    @Test
    void everyBrokenPackIsReportedAtItsFileAndLineWithANonZeroExit() throws Exception {
        Properties expected = new Properties();
        try (InputStream in = java.nio.file.Files.newInputStream(BROKEN.resolve("expected.properties"))) {
            expected.load(in);
        }
        assertEquals(8, expected.size());
        for (String name : expected.stringPropertyNames()) {
            Path dir = BROKEN.resolve(name);
            Cli result = Cli.run("pack", "test", dir.toString());
            assertEquals(5, result.exit(), name + ": " + result);
            assertTrue(result.out().contains(dir.resolve(expected.getProperty(name).split(":")[0]) + ":")
                    || result.out().contains(expected.getProperty(name)), name + ": " + result);
            assertTrue(result.out().contains(expected.getProperty(name)), name + ": " + result);
        }
    }

    @Test
    void brokenPacksInstalledBesideTheShippedOnesFailAloneAndTheOthersKeepAnswering() {
        try (Platform platform = Platform.start(Platform.Options.defaults())) {
            List<PackInfo> installed = new ArrayList<>();
            for (String name : List.of("bad-json", "schema-violation", "drl-syntax", "loop", "missing-instrument",
                    "dangling-criterion", "forbidden-code")) {
                installed.add(platform.installer().install(BROKEN.resolve(name)));
            }
            installed.forEach(p -> assertEquals("FAILED", p.state(), p.id() + " " + p.problems()));
            assertEquals(6, platform.evaluator().assess(new AssessmentRequest(List.of("PH"), null, "8",
                    LocalDate.of(2016, 1, 1))).jurisdictions().get(0).metCount());
        }
    }

    @Test
    void aSavedChangeIsReloadedAndABreakingChangeKeepsTheLastGoodVersion(@TempDir Path tmp) throws Exception {
        Path pack = tmp.resolve("japan");
        assertEquals(0, Cli.run("pack", "new", "--id", "japan", "--jurisdiction", "JP", "--dir", pack.toString()).exit());
        try (Platform platform = Platform.start(Platform.Options.defaults())) {
            platform.installer().install(pack);
            BlockingQueue<PackInfo> reloads = new LinkedBlockingQueue<>();
            try (AutoCloseable watcher = PackWatching.watch(platform, pack, "japan", reloads::add)) {
                TestPacks.replace(pack.resolve("pack.json"), "\"version\": \"0.1.0\"", "\"version\": \"0.2.0\"");
                PackInfo reloaded = reloads.poll(20, TimeUnit.SECONDS);
                assertEquals("0.2.0", reloaded.version(), String.valueOf(reloaded));
                assertEquals("SERVING", reloaded.state());

                TestPacks.write(pack.resolve("rules/broken.drl"), "rule \"x\"\nwhen\n    Finding(\nthen\nend\n");
                PackInfo refused = reloads.poll(20, TimeUnit.SECONDS);
                assertEquals("SERVING_PREVIOUS", refused.state(), String.valueOf(refused));
                assertEquals("0.2.0", refused.version());
                assertTrue(refused.problems().stream().anyMatch(p -> "rules/broken.drl".equals(p.file())));
                assertEquals(3, platform.evaluator().assess(new AssessmentRequest(List.of("JP"), null, "8",
                        LocalDate.of(2016, 1, 1))).jurisdictions().get(0).metCount());
            }
        }
    }
}
