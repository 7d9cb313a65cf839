package org.lexgap.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which shipped packs a command loads: never fewer than could hold what it asks for. */
class PackSelectionTest {
    @TempDir
    Path dir;

    Path ml8;
    Path ml9;
    Path asean;
    Path europe;
    List<Path> all;

    @BeforeEach
    void packs() throws IOException {
        ml8 = jar("ml8", Map.of("pack.json", descriptor("model-law-8", "model-law", "8", ""), "edition.json",
                "{\"edition\": \"8\"}"));
        ml9 = jar("ml9", Map.of("pack.json", descriptor("model-law-9", "model-law", "9", ""), "edition.json",
                "{\"edition\": \"9\"}"));
        asean = jar("asean", Map.of("pack.json", descriptor("asean", "jurisdictions", "8",
                        ", \"regions\": [{\"id\": \"ASEAN\", \"members\": [\"PH\", \"SG\"]}]"),
                "jurisdictions/PH.json", jurisdiction("PH"), "jurisdictions/SG.json", jurisdiction("SG")));
        europe = jar("europe", Map.of("pack.json", descriptor("europe", "jurisdictions", "8", ""),
                "jurisdictions/FR.json", jurisdiction("FR")));
        all = List.of(ml8, ml9, asean, europe);
    }

    @Test
    void aJurisdictionNeedsItsPackAndTheEditionsModelLawOnly() {
        assertEquals(List.of(ml8, asean), PackSelection.select(all, need(Set.of("PH"), null, "8")));
    }

    @Test
    void aJurisdictionsPackBringsEveryEditionItNames() {
        // europe names edition 8: its unassessed criteria and fixtures are checked against it, even under the 9th.
        assertEquals(List.of(ml8, ml9, europe), PackSelection.select(all, need(Set.of("FR"), null, "9")));
    }

    @Test
    void aRegionNeedsThePackDeclaringItAndEveryPackHoldingAMember() throws IOException {
        Path rival = jar("rival", Map.of("pack.json", descriptor("rival", "jurisdictions", "8", ""),
                "jurisdictions/SG.json", jurisdiction("SG")));
        List<Path> packs = List.of(ml8, ml9, asean, europe, rival);
        assertEquals(List.of(ml8, asean, rival), PackSelection.select(packs, need(Set.of(), "ASEAN", "8")));
    }

    @Test
    void everyPackThatClaimsTheJurisdictionLoadsSoTheDoubleClaimIsStillRefused() throws IOException {
        // The file name hides the claim; the code inside it does not.
        Path twin = jar("twin", Map.of("pack.json", descriptor("twin", "jurisdictions", "8", ""),
                "jurisdictions/XX.json", jurisdiction("PH")));
        List<Path> packs = List.of(ml8, ml9, asean, europe, twin);
        assertEquals(List.of(ml8, asean, twin), PackSelection.select(packs, need(Set.of("PH"), null, "8")));
    }

    @Test
    void aPackWhoseTextIsNotPlainAlwaysLoads() throws IOException {
        Path escaped = jar("escaped", Map.of("pack.json", descriptor("escaped", "jurisdictions", "8", ""),
                "jurisdictions/XX.json", "{\"code\": \"P\\u0048\"}"));
        Path utf16 = dir.resolve("utf16.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(utf16))) {
            zip.putNextEntry(new ZipEntry("pack.json"));
            zip.write(descriptor("utf16", "jurisdictions", "8", "").getBytes(StandardCharsets.UTF_16));
            zip.putNextEntry(new ZipEntry("jurisdictions/XX.json"));
            zip.write(jurisdiction("PH").getBytes(StandardCharsets.UTF_16));
        }
        Path broken = dir.resolve("broken.jar");
        Files.writeString(broken, "not a jar");
        List<Path> packs = List.of(ml8, ml9, asean, europe, escaped, utf16, broken);
        // And since such a pack may name any edition, every model-law pack loads with it.
        assertEquals(List.of(ml8, ml9, asean, escaped, utf16, broken),
                PackSelection.select(packs, need(Set.of("PH"), null, "8")));
    }

    @Test
    void anUnknownNameLoadsEveryPackSoTheAnswerIsTheUsualOne() {
        assertEquals(all, PackSelection.select(all, need(Set.of("ZZ"), null, "8")));
        assertEquals(all, PackSelection.select(all, need(Set.of(), "NOWHERE", "8")));
        assertEquals(all, PackSelection.select(all, need(Set.of("PH"), null, "42")));
    }

    private static PackSelection.Need need(Set<String> codes, String region, String edition) {
        return new PackSelection.Need(codes, region, Set.of(edition));
    }

    private static String descriptor(String id, String kind, String edition, String more) {
        return "{\"id\": \"" + id + "\", \"version\": \"1.0.0\", \"kind\": \"" + kind + "\", \"editions\": [\""
                + edition + "\"], \"description\": \"" + "a long description ".repeat(30) + "\"" + more + "}";
    }

    private static String jurisdiction(String code) {
        return "{\n  \"code\" : \"" + code + "\",\n  \"name\": \"Somewhere \\\"quoted\\\"\"\n}";
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }
}
