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
class TestCacheTest {
    @TempDir
    Path cache;

    @AfterEach
    void off() {
        PackLoader.cacheIn(null, null);
    }

    @Test
    void anEntryIsTrustedOnlyWhenItsHmacIsOurs() throws IOException {
        TestCache tests = TestCache.open(cache).orElseThrow();
        String key = TestCache.key("a", "b");
        assertFalse(tests.passed(key));
        tests.recordPass(key);
        assertTrue(tests.passed(key));
        assertNotEquals(key, TestCache.key("a", "b", ""), "every part is in the key");
        assertNotEquals(key, TestCache.key("ab"), "parts are separated");

        byte[] entry = Files.readAllBytes(tests.entry(key));
        Files.write(tests.entry(key), java.util.Arrays.copyOf(entry, entry.length - 1));
        assertFalse(tests.passed(key), "a truncated entry");
        entry[0] ^= 1;
        Files.write(tests.entry(key), entry);
        assertFalse(tests.passed(key), "a corrupt entry");

        Path elsewhere = Files.createTempDirectory(cache, "other");
        TestCache other = TestCache.open(elsewhere).orElseThrow();
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
}
