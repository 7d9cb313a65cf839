package org.lexgap.launcher.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.lexgap.launcher.Main;
import org.lexgap.launcher.Platform;
import org.lexgap.launcher.TrainerServer;

/**
 * Packs changed from the page while another page watches: a new unsigned pack (allowed for a new id) appears in a
 * second window without a reload, its new version changes a cell there, the refusal of an unsigned replacement of a
 * signed shipped pack is shown with its reason, a pack's text holding markup shows as text, and removal needs the
 * token. Its own server, since it changes the packs.
 */
class TrainerPacksIT {
    private static TrainerServer server;
    private static Path work;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.installed()) {
            return; // each test is then skipped, naming the install command (check)
        }
        work = Files.createTempDirectory("lexgap-trainer-packs-");
        server = TrainerServer.start(Platform.Options.defaults(), "127.0.0.1", 0, TrainerServer.newToken());
    }

    /** Without Chromium, every test is reported skipped with the command that installs it. */
    @BeforeEach
    void check() {
        Browser.assumeInstalled();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        Browser.deleteQuietly(work);
    }

    /**
     * A test pack for an imaginary jurisdiction XL, made with 'lexgap pack new' and left unverified: one offence,
     * possession with intent to distribute in version 0.1.0 (simple possession not met), without that intent in 0.2.0
     * (met). Its summary holds markup, which the page must show as text.
     */
    private static Path testPack(String version, boolean simplePossession) {
        Path dir = work.resolve("lexland-" + version + "/lexland");
        StringWriter out = new StringWriter();
        int exit = Main.run(new String[] {"pack", "new", "--id", "lexland", "--jurisdiction", "XL", "--dir",
                dir.toString()}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, exit, out.toString());
        edit(dir.resolve("pack.json"), "\"version\": \"0.1.0\"", "\"version\": \"" + version + "\"");
        edit(dir.resolve("jurisdictions/XL.json"), "\"name\": \"", "\"name\": \"Lexland (test) \u2013 ");
        edit(dir.resolve("jurisdictions/XL.json"), "\"summary\": \"EXAMPLE:",
                "\"summary\": \"<script>window.lexgapInjected = true</script><b>EXAMPLE</b>:");
        if (!simplePossession) {
            edit(dir.resolve("jurisdictions/XL.json"), "\"intent\": \"none\"", "\"intent\": \"distribution\"");
            edit(dir.resolve("tests/XL.json"), "\"simple_possession\": \"MET\"", "\"simple_possession\": \"NOT_MET\"");
            edit(dir.resolve("tests/XL.json"), ",\n      \"expectEvidence\": {\"simple_possession\": [\"JP-EXAMPLE-ACT-s1\"]}", "");
            edit(dir.resolve("tests/XL.json"), ",\n      \"expectEvidence\": {\"simple_possession\": [\"XL-EXAMPLE-ACT-s1\"]}", "");
        }
        return zip(dir.getParent(), work.resolve("lexland-" + version + ".zip"));
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zips every file under root, as 'zip -r' does from root. */
    private static Path zip(Path root, Path target) {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static String packCell(Browser browser, String id, int column) {
        return browser.driver.findElement(By.cssSelector("#packs tr[data-pack='" + id + "']"))
                .findElements(By.cssSelector("th, td")).get(column).getText();
    }

    private static void upload(Browser browser, Path pack, String token) {
        browser.byId("token").clear();
        if (token != null) {
            browser.byId("token").sendKeys(token);
        }
        browser.byId("pack-file").sendKeys(pack.toString());
        browser.driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
    }

    @Test
    void packChangesMadeInOneWindowShowInAnotherWithoutReload() throws IOException {
        Path v1 = testPack("0.1.0", false);
        Path v2 = testPack("0.2.0", true);
        try (Browser trainer = Browser.open("en-US"); Browser audience = Browser.open("en-US")) {
            trainer.load(server.url());
            audience.load(server.url());
            audience.waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            audience.script("window.lexgapNotReloaded = true");
            String aseanVersion = packCell(audience, "asean", 1);

            // Without the token: refused, nothing installed.
            upload(trainer, v1, null);
            trainer.waitFor(d -> d.findElement(By.id("packs-result")).getText().startsWith("Refused: this change needs the token"));
            assertTrue(trainer.driver.findElements(By.cssSelector("#packs tr[data-pack='lexland']")).isEmpty());

            // A new unsigned pack: installed, and the other window shows it by itself.
            upload(trainer, v1, server.token());
            trainer.waitFor(d -> d.findElement(By.id("packs-result")).getText().equals("Installed lexland 0.1.0."));
            audience.waitFor(d -> !d.findElements(By.cssSelector("#packs tr[data-pack='lexland']")).isEmpty());
            assertEquals("UNSIGNED", packCell(audience, "lexland", 3));
            assertEquals("0.1.0", packCell(audience, "lexland", 1));
            audience.waitFor(d -> !d.findElements(By.cssSelector("#scope option[value='jurisdiction:XL']")).isEmpty());
            audience.choose("scope", "jurisdiction:XL");
            audience.waitFor(d -> !d.findElements(By.cssSelector("#matrix td[data-jurisdiction='XL']")).isEmpty());
            assertEquals("Not met", audience.cellLabel("XL", "simple_possession"));

            // Its summary holds markup: shown as text, never run.
            audience.cell("XL", "specific_legislation").findElement(By.tagName("button")).click();
            WebElement summary = audience.waitFor(d -> d.findElement(By.cssSelector("#drilldown .summary")));
            assertTrue(summary.getText().startsWith("<script>window.lexgapInjected = true</script><b>EXAMPLE</b>:"),
                    summary.getText());
            assertEquals(0L, audience.script("return document.querySelectorAll('#drilldown script, #drilldown b').length"));
            assertEquals(null, audience.script("return window.lexgapInjected === undefined ? null : true"));

            // A new version, uploaded in the trainer's window: the audience's cell changes, with no reload.
            upload(trainer, v2, server.token());
            trainer.waitFor(d -> d.findElement(By.id("packs-result")).getText().equals("Updated lexland from 0.1.0 to 0.2.0."));
            audience.waitFor(d -> audience.cellLabel("XL", "simple_possession").equals("Met"));
            audience.waitFor(d -> packCell(audience, "lexland", 1).equals("0.2.0"));
            assertEquals(Boolean.TRUE, audience.script("return window.lexgapNotReloaded === true"), "not reloaded");
            assertTrue(audience.text("status").contains("lexland"), audience.text("status"));
            assertEquals(aseanVersion, packCell(audience, "asean", 1), "the other packs are untouched");

            // Removal needs the token too; with it, the pack leaves both windows.
            trainer.byId("token").clear();
            trainer.byId("token").sendKeys("not-the-token");
            trainer.driver.findElement(By.cssSelector("#packs tr[data-pack='lexland'] button")).click();
            trainer.waitFor(d -> d.findElement(By.id("packs-result")).getText().startsWith("Refused: this change needs the token"));
            trainer.byId("token").clear();
            trainer.byId("token").sendKeys(server.token());
            trainer.driver.findElement(By.cssSelector("#packs tr[data-pack='lexland'] button")).click();
            trainer.waitFor(d -> d.findElement(By.id("packs-result")).getText().equals("Removed lexland 0.2.0."));
            audience.waitFor(d -> d.findElements(By.cssSelector("#packs tr[data-pack='lexland']")).isEmpty());
            audience.waitFor(d -> d.findElements(By.cssSelector("#scope option[value='jurisdiction:XL']")).isEmpty());
        }
    }

    @Test
    void anUnsignedReplacementOfASignedShippedPackIsRefusedWithItsReason() throws IOException {
        // docs/pack-format.md#signing-and-trust: only a newer version signed by the same key takes over a signed pack.
        Path copy = work.resolve("asean-unsigned/asean");
        Path source = Path.of(System.getProperty("lexgap.repo", "..")).resolve("rulepacks/asean/src/main/pack");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(source.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        String packJson = Files.readString(copy.resolve("pack.json"));
        Files.writeString(copy.resolve("pack.json"), packJson.replaceFirst("\"version\": \"[^\"]+\"", "\"version\": \"99.0.0\""),
                StandardCharsets.UTF_8);
        Path zip = zip(copy.getParent(), work.resolve("asean-unsigned.zip"));
        try (Browser trainer = Browser.open("en-US")) {
            trainer.load(server.url());
            String version = packCell(trainer, "asean", 1);
            String signer = packCell(trainer, "asean", 3);
            List<List<String>> before = trainer.matrix();
            upload(trainer, zip, server.token());
            String result = trainer.waitFor(d -> {
                String text = d.findElement(By.id("packs-result")).getText();
                return text.startsWith("Refused:") ? text : null;
            });
            assertTrue(result.contains("asean") && result.contains("99.0.0"), result);
            assertTrue(result.toLowerCase().contains("sign"), "the reason names the signature: " + result);
            assertTrue(result.contains("keeps serving"), result);
            assertEquals(version, packCell(trainer, "asean", 1));
            assertEquals(signer, packCell(trainer, "asean", 3));
            assertEquals(before, trainer.matrix(), "the matrix is unchanged");
            trainer.screenshot("trainer-packs-refused", trainer.driver.findElement(By.cssSelector("section.packs")));
        }
    }
}
