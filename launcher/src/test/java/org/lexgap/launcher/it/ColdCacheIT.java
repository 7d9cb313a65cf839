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
 * cached test pass or its stored compiled rules never let a changed (hostile) pack skip the allow-list, nor do the
 * shipped packs' rules compiled at build time, which serve a first start with the same answers; and {@code packs}
 * lists every shipped pack though single-jurisdiction commands load fewer.
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
        // Not the shipped packs' exact rules (those were compiled when the distribution was built): this run's cache
        // is what is under test.
        for (Path rules : List.of(asean.resolve("rules/asean.drl"), modelLaw.resolve("rules/criteria.drl"))) {
            TestPacks.write(rules, TestPacks.read(rules) + "\n// a copy\n");
        }
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
    void aFirstStartServesTheShippedPacksRulesAsCompiledAtBuildTimeWithTheSameAnswers() throws Exception {
        Path shipped = Distribution.locate().buildTimeRules();
        Path copy = Files.createDirectories(dir.resolve("build-time"));
        try (Stream<Path> entries = Files.list(shipped)) {
            for (Path entry : entries.toList()) {
                Files.copy(entry, copy.resolve(entry.getFileName().toString()));
            }
        }
        List<String> before = names(copy);
        assertTrue(before.size() >= 8, "the build compiled every shipped pack's rules: " + before);
        // Recording writes only what a run compiles: with the build's entries, a start of every shipped pack
        // compiles nothing; with none, it compiles (and writes) each pack's rules.
        String withBuildTime;
        try (Platform platform = Platform.start(Platform.Options.defaults()
                .withProperty(Platform.BUILD_TIME_RULES, copy.toString()).withProperty("lexgap.rules.record", "true"))) {
            assertTrue(platform.failedPacks().isEmpty(), platform.failedPacks().toString());
            withBuildTime = platform.evaluator().assess(ASEAN).toString();
        }
        assertEquals(before, names(copy), "nothing was compiled: every shipped pack's rules were found");
        Path empty = Files.createDirectories(dir.resolve("none"));
        String compiled;
        try (Platform platform = Platform.start(Platform.Options.defaults()
                .withProperty(Platform.BUILD_TIME_RULES, empty.toString()).withProperty("lexgap.rules.record", "true"))) {
            compiled = platform.evaluator().assess(ASEAN).toString();
        }
        assertEquals(before.size(), names(empty).size(), "without them, every pack's rules are compiled");
        assertEquals(compiled, withBuildTime, "the same answers either way");
    }

    @Test
    void aHostileCopyOfAShippedPackIsAllowListedThoughItsBuildTimeRulesAreAtHand() {
        Path modelLaw = TestPacks.copy(TestPacks.MODEL_LAW_8, dir.resolve("model-law-8"));
        TestPacks.replace(modelLaw.resolve("pack.json"), "\"id\": \"model-law-8\"", "\"id\": \"model-law-8-copy\"");
        TestPacks.write(modelLaw.resolve("rules/attack.drl"), "rule \"leave\"\nwhen\n    Jurisdiction( )\nthen\n"
                + "    System.exit( 3 );\nend\n");
        try (Platform platform = Platform.start(Platform.Options.defaults().withPacks(List.of(modelLaw.getParent())))) {
            assertTrue(platform.failedPacks().stream().anyMatch(p -> p.problems().stream()
                    .anyMatch(q -> q.file().equals("rules/attack.drl") && q.line() == 5)), platform.failedPacks().toString());
            assertEquals("Philippines", platform.evaluator().assess(PH).jurisdictions().get(0).name(),
                    "the shipped packs keep answering");
        }
    }

    private static final org.lexgap.api.model.AssessmentRequest ASEAN = new org.lexgap.api.model.AssessmentRequest(
            List.of(), "ASEAN", "8", java.time.LocalDate.of(2016, 1, 1));
    private static final org.lexgap.api.model.AssessmentRequest PH = new org.lexgap.api.model.AssessmentRequest(
            List.of("PH"), null, "8", java.time.LocalDate.of(2016, 1, 1));

    private static List<String> names(Path folder) throws java.io.IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rules")).sorted().toList();
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
