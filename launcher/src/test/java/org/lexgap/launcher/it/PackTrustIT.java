package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackRef;
import org.lexgap.launcher.Platform;

/**
 * Hostile and careless packs against the real platform with the real shipped packs (signed at build time): each
 * is refused with its one-line reason, none starts code, replaces a signed pack or stops the platform, and the
 * shipped packs keep answering (the Philippines: 6 of 6 criteria met on 2016-01-01, 8th edition).
 */
class PackTrustIT {
    /** The shipped ASEAN pack's version, as its pack.json says. */
    static final String ASEAN_VERSION = TestPacks.version(TestPacks.ASEAN);

    @TempDir
    static Path tmp;
    static Path officeTrust;
    static Path officeKey;
    static Platform platform;

    @BeforeAll
    static void start() {
        officeTrust = tmp.resolve("office-trust");
        Cli made = Cli.run("pack", "keygen", "--name", "office", "--out", tmp.resolve("office-keys").toString());
        assertEquals(0, made.exit(), made.toString());
        officeKey = tmp.resolve("office-keys/office.key.pem");
        TestPacks.write(officeTrust.resolve("office.pem"), TestPacks.read(tmp.resolve("office-keys/office.pem")));
        platform = Platform.start(Platform.Options.defaults().withTrust(List.of(officeTrust)));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The shipped packs answer, unchanged and signed by the build key. */
    static void shippedPacksAnswer(Platform p) {
        GapAnalysis analysis = p.evaluator().assess(new AssessmentRequest(List.of("PH"), null, "8",
                LocalDate.parse("2016-01-01")));
        JurisdictionResult ph = analysis.jurisdictions().get(0);
        assertEquals(6, ph.metCount(), "PH 6 of 6 MET at 2016-01-01");
        assertEquals("8", analysis.provenance().edition());
        for (PackRef ref : analysis.provenance().packs()) {
            assertEquals(TestPacks.version(TestPacks.REPO.resolve("rulepacks/" + ref.id() + "/src/main/pack")), ref.version(),
                    ref.toString());
            assertEquals("lexgap-build", ref.signer(), ref.toString());
            assertTrue(ref.signed());
        }
        assertEquals(List.of("asean", "model-law-8"), analysis.provenance().packs().stream().map(PackRef::id).toList());
    }

    /** Installs {@code pack}, expects it refused with exactly one error, containing {@code reason}; removes it. */
    static String refused(Path pack, String reason) {
        return refused(pack, reason, true);
    }

    static String refused(Path pack, String reason, boolean remove) {
        PackInfo info = platform.installer().install(pack);
        try {
            assertEquals("FAILED", info.state(), info.toString());
            List<PackProblem> errors = info.problems().stream()
                    .filter(p -> p.severity() == PackProblem.Severity.ERROR).toList();
            assertEquals(1, errors.size(), errors.toString());
            String line = errors.get(0).format();
            assertFalse(line.contains("\n"), "one line: " + line);
            assertTrue(line.contains(reason), line);
            assertEquals(-1, info.bundleId(), "a refused pack never reaches the framework");
            shippedPacksAnswer(platform);
            return line;
        } finally {
            // A refused claim on a shipped pack's id is left listed: removing "asean" would remove the shipped one.
            if (remove && !List.of("asean", "model-law-8", "apac").contains(info.id())) {
                platform.installer().uninstall(info.id());
            }
        }
    }

    static Path tinyPack(Path dir, String id, String version, String code) {
        TestPacks.write(dir.resolve("pack.json"), "{\"id\": \"" + id + "\", \"version\": \"" + version
                + "\", \"title\": \"Test\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}");
        TestPacks.write(dir.resolve("jurisdictions/" + code + ".json"), "{\"code\": \"" + code
                + "\", \"name\": \"Test-only\", \"instruments\": []}");
        return dir;
    }

    static Path jar(Path file, Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    static Map<String, byte[]> packFiles(String id, String code) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pack.json", ("{\"id\": \"" + id + "\", \"version\": \"1.0.0\", \"title\": \"Test\", \"kind\":"
                + " \"jurisdictions\", \"editions\": [\"8\"]}").getBytes(StandardCharsets.UTF_8));
        files.put("jurisdictions/" + code + ".json", ("{\"code\": \"" + code + "\", \"name\": \"Test-only\","
                + " \"instruments\": []}").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** A class that writes {@code marker} when the framework starts it: what a hostile pack jar would carry. */
    static byte[] activatorClass(Path marker) throws IOException, URISyntaxException {
        Path src = tmp.resolve("src/org/example/evil/Evil.java");
        TestPacks.write(src, "package org.example.evil;\n"
                + "public class Evil implements org.osgi.framework.BundleActivator {\n"
                + "  public void start(org.osgi.framework.BundleContext c) throws Exception {\n"
                + "    java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"pack code ran\");\n"
                + "  }\n"
                + "  public void stop(org.osgi.framework.BundleContext c) {}\n"
                + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String osgi = Path.of(BundleActivator.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, javac.run(null, null, null, "-cp", osgi, "-d", classes.toString(), src.toString()));
        return Files.readAllBytes(classes.resolve("org/example/evil/Evil.class"));
    }

    @Test
    void aJarWithABundleActivatorIsRefusedAndItsCodeNeverRuns() throws Exception {
        Path marker = tmp.resolve("activator-ran");
        Map<String, byte[]> entries = packFiles("evil", "ZZ");
        entries.put("org/example/evil/Evil.class", activatorClass(marker));
        Path evil = jar(tmp.resolve("evil.jar"), Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "evil",
                "Bundle-Activator", "org.example.evil.Evil", "Import-Package", "org.osgi.framework",
                "Lexgap-Pack", "evil"), entries);
        refused(evil, "META-INF/MANIFEST.MF: Bundle-Activator org.example.evil.Evil refused: a pack is data, and the"
                + " loader never starts a pack's code");
        assertFalse(Files.exists(marker), "the activator never ran");

        // The same jar given to the framework directly does run: that is the road Lexgap's loader closes. The
        // extender still refuses to serve it.
        Bundle direct = platform.context().installBundle(evil.toUri().toString());
        try {
            direct.start();
            assertTrue(Files.exists(marker), "control: the framework itself starts the activator");
            PackInfo listed = platform.registry().packs().stream().filter(p -> "evil".equals(p.id())).findFirst()
                    .orElseThrow();
            assertEquals("FAILED", listed.state());
            assertTrue(listed.problems().get(0).message().startsWith("installed into the framework directly"));
            shippedPacksAnswer(platform);
        } finally {
            direct.uninstall();
        }
    }

    @Test
    void aJarThatIsNotAZipIsRefused() throws IOException {
        Path bad = Files.writeString(tmp.resolve("not-a-zip.jar"), "this is not a zip archive\n");
        refused(bad, "not a zip archive: not-a-zip.jar");
    }

    @Test
    void aJarWithAnUnresolvableImportIsRefusedBeforeTheFrameworkSeesIt() throws IOException {
        Path importing = jar(tmp.resolve("importing.jar"), Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                "importing", "Import-Package", "com.example.missing;version=\"[1,2)\"", "Lexgap-Pack", "importing"),
                packFiles("importing", "ZY"));
        refused(importing, "META-INF/MANIFEST.MF: requirement Import-Package: com.example.missing;version=\"[1,2)\""
                + " refused: a pack declares no requirements");
    }

    @Test
    void twoFoldersWithTheSameIdAndVersion() {
        Path first = tinyPack(tmp.resolve("twin-a"), "twin", "1.0.0", "ZX");
        Path second = tinyPack(tmp.resolve("twin-b"), "twin", "1.0.0", "ZX");
        PackInfo serving = platform.installer().install(first);
        try {
            assertEquals("SERVING", serving.state(), serving.toString());
            refused(second, "duplicate id and version: twin 1.0.0 is already installed from " + first, false);
            assertTrue(platform.registry().packs().stream().anyMatch(p -> p.id().equals("twin")
                    && p.state().equals("SERVING") && p.location().endsWith("twin-a")), "the first stays serving");
        } finally {
            platform.installer().uninstall("twin");
            platform.installer().uninstall("twin");
        }
    }

    @Test
    void aFolderCarryingItsOwnManifestIsRefused() {
        Path withManifest = tinyPack(tmp.resolve("with-manifest"), "with-manifest", "1.0.0", "ZW");
        TestPacks.write(withManifest.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-Activator: x.Y\n");
        refused(withManifest, "META-INF: a pack folder may not carry META-INF (found META-INF/MANIFEST.MF): the loader"
                + " writes the manifest itself; delete the folder");
    }

    @Test
    void aHugeSparseFileIsRefusedFromItsSize() throws IOException {
        Path huge = tinyPack(tmp.resolve("huge"), "huge", "1.0.0", "ZV");
        try (RandomAccessFile file = new RandomAccessFile(huge.resolve("jurisdictions/ZV.json").toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        refused(huge, "jurisdictions/ZV.json: file over the size limit: jurisdictions/ZV.json is 3 GiB (limit 4 MiB a file)");
    }

    @Test
    void symbolicLinksAreRefusedWithoutReadingOrEchoingTheirTarget() throws IOException {
        Path toPasswd = tinyPack(tmp.resolve("link-passwd"), "link-passwd", "1.0.0", "ZU");
        Files.delete(toPasswd.resolve("jurisdictions/ZU.json"));
        Files.createSymbolicLink(toPasswd.resolve("jurisdictions/ZU.json"), Path.of("/etc/passwd"));
        String line = refused(toPasswd, "symbolic link: jurisdictions/ZU.json (links are not followed");
        assertFalse(line.contains("root"), "the target's content is never echoed: " + line);

        Path outsideFile = Files.writeString(tmp.resolve("outside.drl"), "rule \"outside\" when then end\n");
        Path toOutside = tinyPack(tmp.resolve("link-outside"), "link-outside", "1.0.0", "ZT");
        Files.createDirectories(toOutside.resolve("rules"));
        Files.createSymbolicLink(toOutside.resolve("rules/outside.drl"), outsideFile);
        refused(toOutside, "symbolic link: rules/outside.drl");
    }

    @Test
    void anUnsignedFolderClaimingTheShippedAseanOrModelLawIsRefused() {
        Path asean = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean-999"));
        TestPacks.setVersion(asean, "9.9.9");
        TestPacks.write(asean.resolve("jurisdictions/PH.json"), "{\"code\": \"PH\", \"name\": \"Philippines\","
                + " \"instruments\": []}");
        TestPacks.write(asean.resolve("tests/PH.json"), "{\"cases\": []}");
        refused(asean, "pack asean is held by a pack signed by lexgap-build (key ");

        Path law = TestPacks.copy(TestPacks.MODEL_LAW_8, tmp.resolve("model-law-999"));
        TestPacks.setVersion(law, "9.9.9");
        TestPacks.write(law.resolve("rules/everything-met.drl"), "rule \"everything met\"\nwhen\n"
                + "    $j : Jurisdiction( )\n    $c : Criterion( )\nthen\n"
                + "    insert( new Finding( $j.code(), $c.id(), Status.MET, null, \"met\" ) );\nend\n");
        String line = refused(law, "pack model-law-8 is held by a pack signed by lexgap-build (key ");
        assertTrue(line.endsWith("only a newer version signed by the same key may replace it, and this one is unsigned"),
                line);
    }

    @Test
    void aJurisdictionsPackCannotTakeTheModelLawsId() {
        Path fake = tinyPack(tmp.resolve("fake-model-law"), "model-law-8", "9.0.0", "ZS");
        refused(fake, "pack id model-law-8 belongs to a model-law pack (serving from ");
    }

    @Test
    void aNewerAseanSignedByAnotherTrustedKeyIsRefused() {
        Path asean = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean-office"));
        TestPacks.setVersion(asean, "7.0.1");
        TestPacks.sign(asean, officeKey);
        String line = refused(asean, "pack asean is held by a pack signed by lexgap-build (key ");
        assertTrue(line.contains("and this one is signed by office (key "), line);
    }

    @Test
    void aNewerAseanSignedByTheSameKeyReplacesTheShippedOneAndIsCitedSo() {
        Path asean = TestPacks.copy(TestPacks.ASEAN, tmp.resolve("asean-update"));
        TestPacks.setVersion(asean, "7.0.1");
        TestPacks.sign(asean, TestPacks.BUILD_KEY);
        try (Platform p = Platform.start(Platform.Options.defaults())) {
            PackInfo update = p.installer().install(asean);
            assertEquals("SERVING", update.state(), update.problems().toString());
            assertEquals("lexgap-build", update.signer());
            GapAnalysis analysis = p.evaluator().assess(new AssessmentRequest(List.of("PH"), null, "8",
                    LocalDate.parse("2016-01-01")));
            assertEquals(6, analysis.jurisdictions().get(0).metCount());
            PackRef cited = analysis.provenance().packs().stream().filter(r -> r.id().equals("asean")).findFirst()
                    .orElseThrow();
            assertEquals("7.0.1", cited.version());
            assertEquals("lexgap-build", cited.signer());
            assertEquals(update.sha256(), cited.sha256());
            assertEquals("SUPERSEDED", p.registry().packs().stream().filter(x -> x.id().equals("asean")
                    && x.version().equals(ASEAN_VERSION)).findFirst().orElseThrow().state());
        }
    }

    @Test
    void theShippedPacksAreSignedAtBuildTimeAndListedWithHashAndSigner() {
        Cli packs = Cli.run("packs");
        assertEquals(0, packs.exit(), packs.toString());
        for (PackInfo info : platform.registry().packs().stream().filter(p -> p.location().contains("lexgap-pack-"))
                .toList()) {
            assertEquals("lexgap-build", info.signer(), info.toString());
            assertTrue(packs.out().contains("    sha256:" + info.sha256() + " signed by lexgap-build (key "
                    + info.signerKey() + ")"), packs.out());
        }
        Cli verify = Cli.run("pack", "verify", TestPacks.REPO.resolve("launcher/target/lexgap/packs/lexgap-pack-asean.jar")
                .toString());
        assertEquals(0, verify.exit(), verify.toString());
        assertTrue(verify.out().startsWith("asean " + ASEAN_VERSION + ": SIGNED sha256:"), verify.out());
    }

    @Test
    void oneCommandWithEveryKindOfBadPackStillAnswersAndNamesEachReason() throws IOException {
        Path bad = tmp.resolve("all-bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("broken.jar"), "not a zip");
        tinyPack(bad.resolve("a-twin"), "twin2", "1.0.0", "ZR");
        tinyPack(bad.resolve("b-twin"), "twin2", "1.0.0", "ZR");
        Path manifest = tinyPack(bad.resolve("manifest"), "manifest", "1.0.0", "ZQ");
        TestPacks.write(manifest.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\n");
        Path huge = tinyPack(bad.resolve("huge"), "huge2", "1.0.0", "ZP");
        try (RandomAccessFile file = new RandomAccessFile(huge.resolve("README.md").toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        Path asean = TestPacks.copy(TestPacks.ASEAN, bad.resolve("asean"));
        TestPacks.setVersion(asean, "9.9.9");
        tinyPack(bad.resolve("fake-law"), "model-law-8", "9.0.0", "ZO");

        Cli run = Cli.run("assess", "--jurisdiction", "PH", "--as-of", "2016-01-01", "--packs", bad.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("Philippines (PH): 6 of 6 criteria met"), run.toString());
        for (String reason : List.of("pack broken.jar was refused: not a zip archive: broken.jar",
                "pack twin2 was refused: pack.json: duplicate id and version: twin2 1.0.0 is already installed from ",
                "pack manifest was refused: META-INF: a pack folder may not carry META-INF",
                "pack huge2 was refused: README.md: file over the size limit: README.md is 3 GiB",
                "pack asean was refused: pack.json: pack asean is held by a pack signed by lexgap-build",
                "pack model-law-8 was refused: pack.json: pack id model-law-8 belongs to a model-law pack")) {
            assertTrue(run.err().contains("lexgap: warning: " + reason), reason + "\n" + run);
        }
        assertTrue(run.out().contains("pack asean " + ASEAN_VERSION + " sha256:"), run.out());
        assertFalse(run.out().contains("UNSIGNED"), "only the signed shipped packs answered: " + run.out());
    }

    @Test
    void requireSignedRefusesAnUnsignedFolderThatOtherwiseServesMarkedUnsigned() {
        Path japan = tinyPack(tmp.resolve("unsigned-japan"), "unsigned-japan", "1.0.0", "JP");
        Cli loose = Cli.run("assess", "-j", "JP,PH", "--as-of", "2016-01-01", "--packs", japan.toString());
        assertEquals(0, loose.exit(), loose.toString());
        assertTrue(loose.out().contains("pack unsigned-japan 1.0.0 sha256:"), loose.out());
        assertTrue(loose.out().contains("WARNING: UNSIGNED pack(s) used: unsigned-japan."), loose.out());
        assertTrue(loose.err().contains("pack unsigned-japan 1.0.0 is UNSIGNED"), loose.err());

        Cli strict = Cli.run("assess", "-j", "PH", "--as-of", "2016-01-01", "--packs", japan.toString(), "--require-signed");
        assertEquals(0, strict.exit(), strict.toString());
        assertTrue(strict.err().contains("lexgap: warning: pack unsigned-japan was refused: unsigned: --require-signed"
                + " accepts only packs signed by a trusted key"), strict.toString());
        assertTrue(strict.out().contains("Philippines (PH): 6 of 6 criteria met"), strict.out());
        Cli japanStrict = Cli.run("report", "-j", "JP", "--as-of", "2016-01-01", "--format", "md", "--packs",
                japan.toString(), "--require-signed");
        assertEquals(3, japanStrict.exit(), japanStrict.toString());
        assertTrue(japanStrict.err().contains("unknown jurisdiction \"JP\""), japanStrict.err());

        Cli report = Cli.run("report", "-j", "JP", "--as-of", "2016-01-01", "--format", "html", "-o",
                tmp.resolve("jp.html").toString(), "--packs", japan.toString());
        assertEquals(0, report.exit(), report.toString());
        String html = TestPacks.read(tmp.resolve("jp.html"));
        assertTrue(html.contains("UNSIGNED packs used: unsigned-japan."), "the report says so loudly");
        assertTrue(html.contains("<strong style=\"color: #b00020;\">UNSIGNED</strong>"), "in its provenance table");
    }
}
