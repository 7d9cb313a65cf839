package org.lexgap.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;
import org.lexgap.core.Packs;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.trust.Keys;
import org.lexgap.core.trust.Signatures;
import org.lexgap.core.trust.TrustStore;

/** The succession rules with signed packs: who may take a pack id from whom. */
class TrustRulesTest {
    /** The shipped ASEAN pack's version, as its pack.json says. */
    static final String ASEAN_VERSION = Packs.read(Packs.ASEAN).text("pack.json")
            .replaceAll("(?s).*?\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");

    KeyPair shipped;
    KeyPair office;
    TrustStore trust;
    Engine engine;

    @BeforeEach
    void keys(@TempDir Path tmp) throws IOException {
        shipped = Keys.generate();
        office = Keys.generate();
        Files.writeString(tmp.resolve("shipped.pem"), Keys.publicPem(shipped.getPublic()));
        Files.writeString(tmp.resolve("office.pem"), Keys.publicPem(office.getPublic()));
        trust = TrustStore.load(List.of(new TrustStore.Source(tmp, "distribution")));
        engine = new Engine("t");
    }

    static PackFiles signed(PackFiles files, KeyPair key) {
        return files.withSignature(Signatures.sign(files, key).getBytes(StandardCharsets.US_ASCII));
    }

    static PackFiles withVersion(PackFiles files, String version) {
        Map<String, byte[]> out = new TreeMap<>();
        files.paths().forEach(p -> out.put(p, files.bytes(p)));
        out.put("pack.json", files.text("pack.json").replaceFirst("\"version\"\\s*:\\s*\"[^\"]+\"",
                "\"version\": \"" + version + "\"").getBytes(StandardCharsets.UTF_8));
        return new PackFiles(files.origin(), out);
    }

    /** The shipped model law and ASEAN, signed with the shipped key, as bundles 1 and 2. */
    PackRegistryImpl registry(boolean requireSigned) {
        PackRegistryImpl registry = new PackRegistryImpl(engine, () -> trust, requireSigned);
        assertTrue(registry.load(1, "model-law-8", signed(Packs.read(Packs.MODEL_LAW_8), shipped)).ok());
        assertTrue(registry.load(2, "asean", signed(Packs.read(Packs.ASEAN), shipped)).ok());
        return registry;
    }

    static PackInfo at(PackRegistryImpl registry, String location) {
        return registry.packs().stream().filter(p -> p.location().equals(location)).findFirst().orElseThrow();
    }

    static String error(PackInfo info) {
        return info.problems().stream().filter(p -> p.severity() == PackProblem.Severity.ERROR)
                .map(PackProblem::message).findFirst().orElse("(no error)");
    }

    long philippinesMet(PackRegistryImpl registry) {
        GapAnalysis a = engine.assess(new AssessmentRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1)),
                registry.catalog());
        return a.jurisdictions().get(0).metCount();
    }

    @Test
    void anUnsignedNewerVersionCannotTakeASignedPacksId() {
        PackRegistryImpl registry = registry(false);
        registry.load(3, "evil", withVersion(Packs.read(Packs.ASEAN), "9.9.9"));
        PackInfo evil = at(registry, "evil");
        assertEquals("FAILED", evil.state());
        assertTrue(error(evil).startsWith("pack asean is held by a pack signed by shipped (key "), error(evil));
        assertTrue(error(evil).endsWith("only a newer version signed by the same key may replace it, and this one is"
                + " unsigned"), error(evil));
        assertEquals(ASEAN_VERSION, registry.catalog().jurisdiction("PH").orElseThrow().pack().version());
        assertEquals(6L, philippinesMet(registry));
    }

    @Test
    void aNewerVersionSignedByAnotherTrustedKeyIsRefusedAndBySameKeyAccepted() {
        PackRegistryImpl registry = registry(false);
        registry.load(3, "office", signed(withVersion(Packs.read(Packs.ASEAN), "7.0.1"), office));
        assertTrue(error(at(registry, "office")).endsWith("and this one is signed by office (key "
                + Keys.fingerprint(office.getPublic()) + ")"), error(at(registry, "office")));
        registry.load(4, "update", signed(withVersion(Packs.read(Packs.ASEAN), "7.0.1"), shipped));
        assertEquals("SERVING", at(registry, "update").state(), at(registry, "update").problems().toString());
        assertEquals("shipped", at(registry, "update").signer());
        assertEquals("SUPERSEDED", at(registry, "asean").state());
        assertEquals("7.0.1", registry.catalog().jurisdiction("PH").orElseThrow().pack().version());
    }

    @Test
    void aJurisdictionsPackCannotTakeTheModelLawsId() {
        PackRegistryImpl registry = registry(false);
        registry.load(3, "fake-law", Packs.of("fake-law", Map.of("pack.json", "{\"id\": \"model-law-8\", \"version\":"
                + " \"9.0.0\", \"title\": \"t\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}",
                "jurisdictions/ZZ.json", RegistryTest.ZZ)));
        assertEquals("pack id model-law-8 belongs to a model-law pack (serving from model-law-8); a jurisdictions pack"
                + " cannot take it (a pack's kind is part of its identity)", error(at(registry, "fake-law")));
        assertTrue(registry.catalog().edition("8").isPresent());
    }

    @Test
    void theSameIdAndVersionTwiceIsADuplicate() {
        PackRegistryImpl registry = registry(false);
        registry.load(3, "a", Packs.of("a", RegistryTest.pack("zz", "1.0.0", "")));
        registry.load(4, "b", Packs.of("b", RegistryTest.pack("zz", "1.0.0", "// another copy\n")));
        assertEquals("duplicate id and version: zz 1.0.0 is already installed from a", error(at(registry, "b")));
        assertEquals("SERVING", at(registry, "a").state());
    }

    @Test
    void aSignedPackUpdatedInPlaceKeepsItsKeyAndMovesForward() {
        PackRegistryImpl registry = registry(false);
        registry.load(2, "asean", withVersion(Packs.read(Packs.ASEAN), "7.0.1"));
        assertTrue(error(at(registry, "asean")).endsWith("an update must be signed by the same key, and this one is"
                + " unsigned"), error(at(registry, "asean")));
        assertEquals("SERVING_PREVIOUS", at(registry, "asean").state());
        PackFiles shippedFiles = Packs.read(Packs.ASEAN);
        Map<String, byte[]> readme = new TreeMap<>();
        shippedFiles.paths().forEach(p -> readme.put(p, shippedFiles.bytes(p)));
        readme.put("README.md", "changed".getBytes(StandardCharsets.UTF_8));
        PackFiles sameVersion = new PackFiles("asean", readme);
        registry.load(2, "asean", signed(sameVersion, shipped));
        assertTrue(error(at(registry, "asean")).startsWith("pack asean " + ASEAN_VERSION
                + " is signed; changed content must come as a newer version"), error(at(registry, "asean")));
        registry.load(2, "asean", signed(withVersion(Packs.read(Packs.ASEAN), "7.0.0"), shipped));
        assertEquals("SERVING", at(registry, "asean").state());
        assertEquals("7.0.0", at(registry, "asean").version());
    }

    @Test
    void alteredSignedFilesAndUnsignedPacksUnderRequireSignedAreRefused() {
        PackRegistryImpl registry = registry(true);
        PackFiles files = signed(Packs.read(Packs.ASEAN), shipped);
        Map<String, byte[]> altered = new TreeMap<>();
        files.paths().forEach(p -> altered.put(p, files.bytes(p)));
        altered.put("jurisdictions/PH.json", "{}".getBytes(StandardCharsets.UTF_8));
        registry.load(3, "altered", new PackFiles("altered", altered, files.signature().orElseThrow()));
        assertTrue(error(at(registry, "altered")).startsWith("signature refused: the pack's files differ from what"
                + " shipped (key "), error(at(registry, "altered")));
        registry.load(4, "zz", Packs.of("zz", RegistryTest.pack("zz", "1.0.0", "")));
        assertEquals("unsigned: --require-signed accepts only packs signed by a trusted key", error(at(registry, "zz")));
        assertEquals(6L, philippinesMet(registry));
    }
}
