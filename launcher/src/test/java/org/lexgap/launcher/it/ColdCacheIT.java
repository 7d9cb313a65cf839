package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import org.lexgap.launcher.Distribution;
import org.lexgap.launcher.Platform;

/**
 * The cold-path caches in real Felix: a kept bundle cache never brings back a pack the run did not load, a pack's
 * cached test pass or its stored compiled rules never let a changed (hostile) pack skip the allow-list, and {@code packs} lists every shipped
 * pack though single-jurisdiction commands load fewer.
 */
class ColdCacheIT {
    @TempDir
    Path dir;

    @Test
    void aKeptBundleCacheStartsNothingOfTheLastRunButThePlatform() throws Exception {
        Path cache = dir.resolve("cache");
        Platform.Options kept = Platform.Options.defaults().withProperty(Platform.FELIX_CACHE, cache.toString());
        try (Platform first = Platform.start(kept)) {
            assertTrue(first.registry().packs().stream().anyMatch(p -> p.id().equals("asean")));
        }
        try (Platform second = Platform.start(kept.withoutShipped("asean"))) {
            assertFalse(second.registry().packs().stream().anyMatch(p -> p.id().equals("asean")),
                    "the last run's asean bundle must not come back from the kept cache");
            for (Bundle bundle : second.context().getBundles()) {
                assertFalse(bundle.getLocation().contains("asean"), bundle.getLocation());
            }
            assertTrue(second.registry().packs().stream().anyMatch(p -> p.id().equals("model-law-8")
                    && p.state().equals("SERVING")));
        }
        try (Stream<Path> folders = Files.list(cache)) {
            assertEquals(1, folders.filter(p -> p.getFileName().toString().startsWith("felix-")
                    && Files.isDirectory(p)).count(), "one bundle cache per build, reused");
        }
    }

    @Test
    void cachedTestsAndCompiledRulesNeverLetAChangedPackSkipTheAllowList() {
        String cache = dir.resolve("cli-cache").toString();
        Path asean = TestPacks.copy(TestPacks.ASEAN, dir.resolve("asean"));
        Path modelLaw = TestPacks.copy(TestPacks.MODEL_LAW_8, dir.resolve("model-law-8"));
        String previous = System.getProperty("lexgap.cache.dir");
        System.setProperty("lexgap.cache.dir", cache);
        try {
            String[] assess = {"assess", "-j", "PH", "--no-shipped-packs", "--packs", modelLaw.toString(),
                    "--packs", asean.toString()};
            Cli first = Cli.run(assess);
            assertEquals(0, first.exit(), first.toString());
            Cli cached = Cli.run(assess);
            assertEquals(first.out(), cached.out(), "the cached pass gives the same answer");
            assertTrue(Files.isDirectory(Path.of(cache, "tests")), "the pass was recorded");
            try (Stream<Path> rules = Files.list(Path.of(cache, "rules"))) {
                assertEquals(2, rules.filter(p -> p.toString().endsWith(".rules")).count(),
                        "both packs' checked and compiled rules were stored");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            TestPacks.write(asean.resolve("rules/attack.drl"), "rule \"leave\"\nwhen\n    Jurisdiction( )\nthen\n"
                    + "    System.exit( 3 );\nend\n");
            Cli hostile = Cli.run(assess);
            assertTrue(hostile.err().contains("asean") && hostile.err().contains("refused"), hostile.toString());
            assertTrue(hostile.err().contains("rules/attack.drl:5"), "refused by the allow-list, at the line: "
                    + hostile);
            assertFalse(hostile.out().contains("Philippines") && hostile.exit() == 0, hostile.toString());
        } finally {
            if (previous == null) {
                System.clearProperty("lexgap.cache.dir");
            } else {
                System.setProperty("lexgap.cache.dir", previous);
            }
        }
    }

    @Test
    void packsListsEveryShippedPackAfterACommandThatLoadedFewer() {
        Cli assess = Cli.run("assess", "-j", "PH");
        assertEquals(0, assess.exit(), assess.toString());
        Cli packs = Cli.run("packs");
        assertEquals(0, packs.exit(), packs.toString());
        List<Path> shipped = Distribution.locate().packs();
        assertTrue(shipped.size() > 2, shipped.toString());
        for (Path jar : shipped) {
            String id = jar.getFileName().toString().replaceFirst("^lexgap-pack-", "").replaceFirst("\\.jar$", "");
            assertTrue(packs.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + " in:\n" + packs.out());
        }
    }
}
