package org.lexgap.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.core.Packs;
import org.lexgap.core.engine.Catalog;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.LoadedPack;

/** The cache of passed load-time tests never stands in for tests of content it did not see. */
class LoadCacheTest {
    @TempDir
    Path cache;

    @AfterEach
    void off() {
        PackLoader.cacheIn(null, null);
    }

    @Test
    void anEntryIsTrustedOnlyWhenItsHmacIsOurs() throws IOException {
        LoadCache tests = LoadCache.open(cache).orElseThrow();
        String key = LoadCache.key("a", "b");
        assertFalse(tests.passed(key));
        tests.recordPass(key);
        assertTrue(tests.passed(key));
        assertNotEquals(key, LoadCache.key("a", "b", ""), "every part is in the key");
        assertNotEquals(key, LoadCache.key("ab"), "parts are separated");

        byte[] entry = Files.readAllBytes(tests.entry(key));
        Files.write(tests.entry(key), java.util.Arrays.copyOf(entry, entry.length - 1));
        assertFalse(tests.passed(key), "a truncated entry");
        entry[0] ^= 1;
        Files.write(tests.entry(key), entry);
        assertFalse(tests.passed(key), "a corrupt entry");

        Path elsewhere = Files.createTempDirectory(cache, "other");
        LoadCache other = LoadCache.open(elsewhere).orElseThrow();
        other.recordPass(key);
        Files.copy(other.entry(key), tests.entry(key), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertFalse(tests.passed(key), "an entry made under another secret");
    }

    @Test
    void aChangedPackIsTestedAgainAndItsNewResultCounts() throws IOException {
        Engine engine = new Engine("t");
        LoadedPack modelLaw = PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE).pack();
        Catalog catalog = new Catalog(List.of(modelLaw));
        PackLoader.cacheIn(cache, "build-1");

        PackLoader.Attempt first = PackLoader.load(Packs.read(Packs.ASEAN), catalog, engine, PackLoader.Tests.GATE);
        assertTrue(first.ok(), first.problems().toString());
        assertFalse(first.tests().isEmpty(), "the first load runs the tests");
        PackLoader.Attempt again = PackLoader.load(Packs.read(Packs.ASEAN), catalog, engine, PackLoader.Tests.GATE);
        assertTrue(again.ok());
        assertTrue(again.tests().isEmpty(), "the identical pack's clean pass is remembered");

        // One expectation changed: new content, so the tests run and the failure refuses the pack.
        String ph = Files.readString(Packs.ASEAN.resolve("tests/PH.json"));
        String changed = ph.replaceFirst("\"specific_legislation\": \"MET\"", "\"specific_legislation\": \"NOT_MET\"");
        assertNotEquals(ph, changed);
        Path copy = cache.resolve("asean-edited");
        try (Stream<Path> walk = Files.walk(Packs.ASEAN)) {
            for (Path from : walk.toList()) {
                Path to = copy.resolve(Packs.ASEAN.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.writeString(copy.resolve("tests/PH.json"), changed);
        PackLoader.Attempt edited = PackLoader.load(Packs.read(copy), catalog, engine, PackLoader.Tests.GATE);
        assertFalse(edited.ok(), "the changed pack was tested, not served from the cache");
        assertTrue(edited.problems().stream().anyMatch(p -> p.message().contains("failed")), edited.problems().toString());

        // A changed pack beside it (here: no model-law pack) is a new key too.
        PackLoader.Attempt alone = PackLoader.load(Packs.read(Packs.ASEAN), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE);
        assertFalse(alone.tests().isEmpty());

        // Another build does not reuse this build's passes.
        PackLoader.cacheIn(cache, "build-2");
        assertFalse(PackLoader.load(Packs.read(Packs.ASEAN), catalog, engine, PackLoader.Tests.GATE).tests().isEmpty());
    }

    @Test
    void aCorruptEntryIsIgnoredAndTheTestsRunAndRewriteIt() throws IOException {
        Engine engine = new Engine("t");
        Catalog catalog = new Catalog(List.of(PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE).pack()));
        PackLoader.cacheIn(cache, "build-1");
        PackLoader.load(Packs.read(Packs.ASEAN), catalog, engine, PackLoader.Tests.GATE);
        List<Path> entries;
        try (Stream<Path> files = Files.list(cache.resolve("tests"))) {
            entries = files.toList();
        }
        assertEquals(1, entries.size());
        Files.write(entries.get(0), new byte[] {1, 2, 3});
        PackLoader.Attempt rerun = PackLoader.load(Packs.read(Packs.ASEAN), catalog, engine, PackLoader.Tests.GATE);
        assertTrue(rerun.ok());
        assertFalse(rerun.tests().isEmpty(), "a corrupt entry is not trusted");
        assertTrue(PackLoader.load(Packs.read(Packs.ASEAN), catalog, engine, PackLoader.Tests.GATE).tests().isEmpty(),
                "the rerun wrote a good entry again");
    }

    private static final String POSSESSION = "intent in ( \"none\", \"sexual-purpose\" )";

    @Test
    void compiledRulesAreReusedForTheIdenticalRulesOnlyAndAChangedRuleIsCompiledAfresh() throws IOException {
        Engine engine = new Engine("t");
        PackLoader.cacheIn(cache, "build-1");
        LoadedPack fresh = PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE).pack();
        assertEquals(1, entries("rules").size(), "the checked and compiled rules are stored");
        LoadedPack cached = PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE).pack();
        assertEquals(1, entries("rules").size(), "the identical rules are read back, not stored again");
        assertEquals(possession(fresh, engine), possession(cached, engine), "the same verdicts either way");
        int stored = entries("rules").size(); // and the ASEAN pack's, loaded beside them
        assertEquals("MET", possession(cached, engine));

        // One condition narrowed: new rules text, so a new key; the change is served, never the stored rules.
        String drl = new String(Packs.read(Packs.MODEL_LAW_8).bytes("rules/criteria.drl"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(drl.contains(POSSESSION));
        java.util.Map<String, String> narrowed = java.util.Map.of("rules/criteria.drl",
                drl.replace(POSSESSION, "intent in ( \"sexual-purpose\" )"));
        LoadedPack edited = PackLoader.load(Packs.edit(Packs.MODEL_LAW_8, narrowed), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE).pack();
        assertEquals("NOT_MET", possession(edited, engine), "the changed rule decides, not a stale cache entry");
        assertEquals(stored + 1, entries("rules").size());

        // Another build compiles afresh too.
        PackLoader.cacheIn(cache, "build-2");
        PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine, PackLoader.Tests.GATE);
        assertEquals(stored + 2, entries("rules").size());
    }

    @Test
    void aDamagedOrForeignRulesEntryIsIgnoredAndRewritten() throws IOException {
        Engine engine = new Engine("t");
        PackLoader.cacheIn(cache, "build-1");
        PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine, PackLoader.Tests.GATE);
        Path entry = entries("rules").get(0);
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(entry, flipped);
        LoadedPack afterCorrupt = PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE).pack();
        assertEquals("MET", possession(afterCorrupt, engine), "a corrupt entry is not read: the rules are compiled");
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(entry)), "and the good entry is written again");

        // The stored rules of a narrowed rule, under another secret, put in place of this pack's entry: not ours, so
        // not read, although it is a well-formed entry.
        Path elsewhere = Files.createTempDirectory(cache, "other");
        PackLoader.cacheIn(elsewhere, "build-1");
        String drl = new String(Packs.read(Packs.MODEL_LAW_8).bytes("rules/criteria.drl"),
                java.nio.charset.StandardCharsets.UTF_8);
        PackLoader.load(Packs.edit(Packs.MODEL_LAW_8, java.util.Map.of("rules/criteria.drl",
                drl.replace(POSSESSION, "intent in ( \"sexual-purpose\" )"))), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE);
        List<Path> foreign;
        try (Stream<Path> files = Files.list(elsewhere.resolve("rules"))) {
            foreign = files.toList();
        }
        Files.copy(foreign.get(0), entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PackLoader.cacheIn(cache, "build-1");
        LoadedPack afterForeign = PackLoader.load(Packs.read(Packs.MODEL_LAW_8), Catalog.EMPTY, engine,
                PackLoader.Tests.GATE).pack();
        assertEquals("MET", possession(afterForeign, engine), "an entry made under another secret is not read");
    }

    @Test
    void refusedRulesAreNeverStored() throws IOException {
        Engine engine = new Engine("t");
        PackLoader.cacheIn(cache, "build-1");
        String drl = new String(Packs.read(Packs.MODEL_LAW_8).bytes("rules/criteria.drl"),
                java.nio.charset.StandardCharsets.UTF_8);
        String hostile = drl.replace("insert( new Finding( $e.jurisdiction(), \"simple_possession\"",
                "System.exit( 3 ); insert( new Finding( $e.jurisdiction(), \"simple_possession\"");
        assertNotEquals(drl, hostile);
        for (int i = 0; i < 2; i++) {
            PackLoader.Attempt refused = PackLoader.load(Packs.edit(Packs.MODEL_LAW_8,
                    java.util.Map.of("rules/criteria.drl", hostile)), Catalog.EMPTY, engine, PackLoader.Tests.GATE);
            assertFalse(refused.ok(), "refused on every load, cache or not");
            assertTrue(refused.problems().stream().anyMatch(p -> p.file().equals("rules/criteria.drl")),
                    refused.problems().toString());
        }
        assertTrue(entries("rules").isEmpty());
    }

    private List<Path> entries(String kind) throws IOException {
        if (!Files.isDirectory(cache.resolve(kind))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache.resolve(kind))) {
            return files.filter(p -> p.toString().endsWith("." + kind)).toList();
        }
    }

    /** Simple possession for PH under these model-law rules, the ASEAN pack beside them, assessed by {@code engine}. */
    static String possession(LoadedPack modelLaw, Engine engine) {
        Catalog catalog = new Catalog(List.of(modelLaw));
        LoadedPack asean = PackLoader.load(Packs.read(Packs.ASEAN), catalog, engine, PackLoader.Tests.SKIP).pack();
        var analysis = engine.assess(new org.lexgap.api.model.AssessmentRequest(List.of("PH"), null, "8",
                java.time.LocalDate.of(2016, 1, 1)), new Catalog(List.of(modelLaw, asean)));
        return analysis.jurisdictions().get(0).criteria().stream()
                .filter(a -> a.criterion().equals("simple_possession")).findFirst().orElseThrow().status().name();
    }
}
