package org.lexgap.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.core.Packs;
import org.lexgap.core.engine.Catalog;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.pack.PackFiles;

/**
 * Rules compiled at build time serve exactly the rules, context and build they were compiled for: any other pack
 * (one byte of its rules changed, a hostile rule added) is allow-listed and compiled as always.
 */
class BuildTimeRulesTest {
    private static final String POSSESSION = "intent in ( \"none\", \"sexual-purpose\" )";

    @TempDir
    Path shipped;

    private final Engine engine = new Engine("t");

    @AfterEach
    void off() {
        PackLoader.buildTimeRulesIn(null, false);
        PackLoader.cacheIn(null, null);
    }

    @Test
    void theBuildsStepRecordsAndACommandReadsWithoutWriting() throws IOException {
        PackLoader.cacheIn(null, "build-1");
        PackLoader.buildTimeRulesIn(shipped, true);
        load(Packs.read(Packs.MODEL_LAW_8));
        assertEquals(1, entries().size(), "the build's step recorded the compiled rules");

        PackLoader.buildTimeRulesIn(shipped, false);
        load(narrowed());
        assertEquals(1, entries().size(), "a command never writes to the distribution's folder");
    }

    @Test
    void anEntryServesItsOwnKeyOnlyAndAChangedRuleIsCompiledAfresh() throws IOException {
        PackLoader.cacheIn(null, "build-1");
        PackLoader.buildTimeRulesIn(shipped, true);
        load(narrowed());
        byte[] narrowedRules = Files.readAllBytes(entries().get(0));
        Files.delete(entries().get(0));
        load(Packs.read(Packs.MODEL_LAW_8));
        Path entry = entries().get(0);
        PackLoader.buildTimeRulesIn(shipped, false);
        assertEquals("MET", possession(load(Packs.read(Packs.MODEL_LAW_8))));
        assertEquals("NOT_MET", possession(load(narrowed())),
                "a changed rule is compiled from its own text, not served the shipped pack's entry");

        // The entry is what serves its key: the narrowed rules put under the shipped rules' key decide...
        Files.write(entry, narrowedRules);
        assertEquals("NOT_MET", possession(load(Packs.read(Packs.MODEL_LAW_8))),
                "the entry under the pack's key was read, not compiled anew");
        // ... for the build that made it only.
        PackLoader.cacheIn(null, "build-2");
        assertEquals("MET", possession(load(Packs.read(Packs.MODEL_LAW_8))), "another build's entry is never read");

        PackLoader.cacheIn(null, "build-1");
        Files.write(entry, new byte[] {1, 2, 3});
        assertEquals("MET", possession(load(Packs.read(Packs.MODEL_LAW_8))),
                "a damaged entry is not decoded: the rules are compiled");
    }

    @Test
    void aHostileRuleIsAllowListedThoughTheShippedRulesAreAtHand() throws IOException {
        PackLoader.cacheIn(null, "build-1");
        PackLoader.buildTimeRulesIn(shipped, true);
        load(Packs.read(Packs.MODEL_LAW_8));
        PackLoader.buildTimeRulesIn(shipped, false);
        String hostile = drl().replace("insert( new Finding( $e.jurisdiction(), \"simple_possession\"",
                "System.exit( 3 ); insert( new Finding( $e.jurisdiction(), \"simple_possession\"");
        assertFalse(drl().equals(hostile));
        PackLoader.Attempt attempt = PackLoader.load(Packs.edit(Packs.MODEL_LAW_8,
                Map.of("rules/criteria.drl", hostile)), Catalog.EMPTY, engine, PackLoader.Tests.GATE);
        assertFalse(attempt.ok(), "refused");
        assertTrue(attempt.problems().stream().anyMatch(p -> p.file().equals("rules/criteria.drl") && p.line() > 0),
                attempt.problems().toString());
        assertEquals(1, entries().size());
    }

    private LoadedPack load(PackFiles files) {
        PackLoader.Attempt attempt = PackLoader.load(files, Catalog.EMPTY, engine, PackLoader.Tests.SKIP);
        assertTrue(attempt.ok(), attempt.problems().toString());
        return attempt.pack();
    }

    private PackFiles narrowed() {
        assertTrue(drl().contains(POSSESSION));
        return Packs.edit(Packs.MODEL_LAW_8, Map.of("rules/criteria.drl",
                drl().replace(POSSESSION, "intent in ( \"sexual-purpose\" )")));
    }

    private static String drl() {
        return new String(Packs.read(Packs.MODEL_LAW_8).bytes("rules/criteria.drl"), StandardCharsets.UTF_8);
    }

    /** As {@link LoadCacheTest#possession}, by a new engine (an engine keeps the rule base of a pack's content). */
    private static String possession(LoadedPack modelLaw) {
        return LoadCacheTest.possession(modelLaw, new Engine("t"));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(shipped)) {
            return files.filter(p -> p.toString().endsWith(".rules")).sorted().toList();
        }
    }
}
