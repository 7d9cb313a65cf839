package org.lexgap.launcher.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.lexgap.launcher.Main;
import org.lexgap.launcher.Platform;
import org.lexgap.launcher.TrainerServer;

/**
 * The trainer page in real headless Chromium against 'lexgap serve' in real Felix with the shipped packs, used as a
 * trainer uses it: read the ASEAN matrix, open a cell, move the date, switch edition and language, try amendments,
 * download the reports. Nothing here changes a pack (TrainerPacksIT does), so the tests share one server.
 */
class TrainerPageIT {
    static final Path REPO = Path.of(System.getProperty("lexgap.repo", ".."));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TrainerServer server;

    @BeforeAll
    static void start() {
        if (!Browser.installed()) {
            return; // each test is then skipped, naming the install command (check)
        }
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
    }

    /** The page's labels for the verdicts, in English, mapped to the CSV's words. */
    private static final Map<String, String> CSV_WORD = Map.of("Met", "yes", "Not met", "no", "No data", "unknown");

    @Test
    void theAseanMatrixAt2016IsTheCliCsvMatrix() {
        StringWriter out = new StringWriter();
        int exit = Main.run(new String[] {"matrix", "--region", "ASEAN", "--edition", "8", "--as-of", "2016-01-01",
                "--format", "csv"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, exit);
        List<String> expected = out.toString().lines().skip(1).filter(l -> !l.isBlank()).toList();

        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            assertEquals("region:ASEAN", new Select(browser.byId("scope")).getFirstSelectedOption().getAttribute("value"));
            assertEquals("2016-01-01", browser.byId("asOf").getAttribute("value"));
            assertEquals("8", new Select(browser.byId("edition")).getFirstSelectedOption().getAttribute("value"));
            List<String> shown = new ArrayList<>();
            for (List<String> row : browser.matrix()) {
                StringBuilder line = new StringBuilder(row.get(0)).append(',').append(row.get(1));
                row.subList(2, row.size()).forEach(label -> line.append(',').append(CSV_WORD.get(label)));
                shown.add(line.toString());
            }
            assertEquals(expected, shown, "the page's matrix is the CLI's CSV matrix");
            assertEquals("10", browser.driver.findElement(By.cssSelector("[data-count='jurisdictions'] .value")).getText());
            long met = expected.stream().flatMap(l -> List.of(l.split(",")).stream()).filter("yes"::equals).count();
            assertEquals(String.valueOf(met),
                    browser.driver.findElement(By.cssSelector("[data-count='met'] .value")).getText());
            assertEquals(10, browser.driver.findElements(By.cssSelector("#chart svg rect")).size(), "a bar per country");
            assertTrue(browser.byId("hypothetical-banner").getAttribute("class").contains("hidden"));
            browser.screenshot("trainer-matrix", null);
            assertEquals(List.of(), browser.consoleErrors(), "no script error, no CSP violation, nothing missing");
        }
    }

    @Test
    void aCellOpensItsVerdictRuleProvisionsAndSources() throws Exception {
        JsonNode brunei = criterion(assess("region=ASEAN&edition=8&asOf=2016-01-01"), "BN", "specific_legislation");
        JsonNode evidence = brunei.get("evidence").get(0);
        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            browser.cell("BN", "specific_legislation").findElement(By.tagName("button")).click();
            WebElement panel = browser.waitFor(d -> {
                WebElement p = d.findElement(By.id("drilldown"));
                return p.isDisplayed() ? p : null;
            });
            assertEquals("Brunei (BN), criterion 1", browser.text("drilldown-title"));
            assertEquals("✓ Met", panel.findElement(By.cssSelector("[data-field='verdict']")).getText());
            assertEquals(brunei.get("rule").asText(), panel.findElement(By.cssSelector("[data-field='rule']")).getText());
            WebElement provision = panel.findElement(By.cssSelector("li[data-provision='"
                    + evidence.get("provision").asText() + "']"));
            assertEquals(evidence.get("citation").asText(), provision.findElement(By.className("citation")).getText());
            assertTrue(provision.getText().contains("in force from " + evidence.get("inForce").asText()), provision.getText());
            Matcher url = Pattern.compile("https?://\\S+").matcher(evidence.get("source").asText());
            assertTrue(url.find());
            WebElement link = provision.findElement(By.cssSelector(".source a"));
            assertEquals(url.group(), link.getAttribute("href"), "the URL source is a link");
            assertEquals(!evidence.get("verified").asBoolean(),
                    !provision.findElements(By.cssSelector("[data-field='unverified']")).isEmpty(), "unverified flagged");

            // A verdict decided by a recorded interpretation names it, with its source. Opened from the keyboard.
            JsonNode indonesia = criterion(assess("region=ASEAN&edition=8&asOf=2016-01-01"), "ID", "simple_possession");
            assertEquals("INTERPRETATION", indonesia.get("basis").asText());
            WebElement button = browser.cell("ID", "simple_possession").findElement(By.tagName("button"));
            button.sendKeys(Keys.ENTER);
            browser.waitFor(d -> d.findElement(By.id("drilldown-title")).getText().startsWith("Indonesia"));
            String basis = panel.findElement(By.cssSelector("[data-field='basis']")).getText();
            assertTrue(basis.contains("Recorded interpretation: " + indonesia.get("interpretation").get("id").asText()), basis);
            assertTrue(basis.contains(indonesia.get("interpretation").get("source").asText()), basis);
            assertTrue(browser.cell("ID", "simple_possession").getAttribute("class").contains("selected"));
            browser.screenshot("trainer-drilldown", panel);
        }
    }

    @Test
    void movingTheDateShowsMalaysiasPossessionOffenceComingIntoForce() {
        // rulepacks/asean: Malaysia's Sexual Offences Against Children Act 2017 (Act 792), s. 10, in force 2017-07-10.
        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            assertEquals("Not met", browser.cellLabel("MY", "simple_possession"));
            browser.typeDate("asOf", LocalDate.parse("2017-07-09"));
            browser.waitFor(d -> d.findElement(By.id("matrix-caption")).getText().contains("2017-07-09"));
            assertEquals("Not met", browser.cellLabel("MY", "simple_possession"));
            browser.typeDate("asOf", LocalDate.parse("2017-07-10"));
            browser.waitFor(d -> browser.cellLabel("MY", "simple_possession").equals("Met"));
            assertTrue(browser.text("status").contains("2017-07-10"), "the live region says what is shown");
        }
    }

    @Test
    void theEditionSwitchRedrawsTheMatrixWithThatEditionsCriteria() {
        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            List<String> editions = new Select(browser.byId("edition")).getOptions().stream()
                    .map(o -> o.getAttribute("value")).toList();
            assertTrue(editions.containsAll(List.of("8", "9")), editions.toString());
            assertEquals(6, browser.driver.findElements(By.cssSelector("#matrix thead th[data-criterion]")).size());
            browser.choose("edition", "9");
            browser.waitFor(d -> d.findElements(By.cssSelector("#matrix thead th[data-criterion]")).size() == 5);
            assertTrue(browser.text("matrix-caption").contains("edition 9"));
            assertTrue(browser.driver.findElements(By.cssSelector("#matrix td[data-criterion='data_retention']")).isEmpty());
        }
    }

    @Test
    void anAddedProvisionMarksTheChangedCellHypotheticalAndTheReportsSayIt() throws Exception {
        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            assertEquals("Not met", browser.cellLabel("MY", "simple_possession"));
            browser.choose("add-jurisdiction", "MY");
            browser.byId("add-title").sendKeys("Child Sexual Abuse Material (Possession) Bill");
            browser.byId("add-section").sendKeys("s. 1");
            browser.byId("add-summary").sendKeys("Knowingly possessing child sexual abuse material is an offence.");
            browser.choose("element-type", "offence");
            browser.choose("element-subject", "csam");
            browser.choose("element-conduct", "possess");
            browser.choose("element-intent", "none");
            browser.choose("element-medium", "any");
            browser.driver.findElement(By.cssSelector("#add-form button[type=submit]")).click();

            browser.waitFor(d -> "true".equals(browser.cell("MY", "simple_possession").getAttribute("data-hypothetical")));
            WebElement changed = browser.cell("MY", "simple_possession");
            assertEquals("Met", browser.cellLabel("MY", "simple_possession"));
            assertTrue(changed.getText().contains("hypothetical"), changed.getText());
            assertTrue(changed.getAttribute("class").contains("changed"));
            assertEquals(1, browser.driver.findElements(By.cssSelector("#matrix td[data-hypothetical]")).size(),
                    "only the changed cell is marked");
            WebElement banner = browser.byId("hypothetical-banner");
            assertTrue(banner.isDisplayed());
            assertTrue(banner.getText().startsWith("HYPOTHETICAL"), banner.getText());
            assertEquals("1", browser.driver.findElement(By.cssSelector("[data-count='hypothetical'] .value")).getText());
            assertTrue(browser.text("active-amendments").contains("Child Sexual Abuse Material (Possession) Bill"));
            changed.findElement(By.tagName("button")).click();
            WebElement panel = browser.byId("drilldown");
            browser.waitFor(d -> panel.getText().contains("Hypothetical: on the recorded law the verdict is Not met"));
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2500));
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("trainer-amendment", null);

            // The reports of what is on screen: the same amendment, marked hypothetical.
            browser.byId("report-html").click();
            String html = Files.readString(browser.download(".html"));
            assertTrue(html.contains("What-if"), "a what-if report");
            assertTrue(html.contains("Child Sexual Abuse Material (Possession) Bill (hypothetical)"));
            assertTrue(html.contains("2016-01-01"));
            browser.byId("report-pdf").click();
            try (PDDocument pdf = Loader.loadPDF(browser.download(".pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertTrue(text.contains("Malaysia"), "the region report");
                assertTrue(text.toLowerCase().contains("hypothetical"), "marked hypothetical");
            }

            assertEquals(List.of(), browser.consoleErrors());
            browser.byId("amend-clear").click();
            browser.waitFor(d -> browser.cellLabel("MY", "simple_possession").equals("Not met"));
            assertTrue(browser.driver.findElements(By.cssSelector("#matrix td[data-hypothetical]")).isEmpty());
            assertFalse(browser.byId("hypothetical-banner").isDisplayed());
        }
    }

    @Test
    void turningOffARecordedProvisionRepealsItFromTheDateShown() {
        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            browser.typeDate("asOf", LocalDate.parse("2018-01-01"));
            browser.waitFor(d -> browser.cellLabel("MY", "simple_possession").equals("Met"));
            browser.choose("repeal-jurisdiction", "MY");
            WebElement s10 = browser.waitFor(d -> d.findElement(By.cssSelector("#provisions input[data-provision='MY-ACT792-s10']")));
            assertTrue(s10.isSelected(), "a recorded provision in force starts ticked");
            s10.click();
            browser.waitFor(d -> "true".equals(browser.cell("MY", "simple_possession").getAttribute("data-hypothetical")));
            assertEquals("Not met", browser.cellLabel("MY", "simple_possession"));
            assertTrue(browser.text("active-amendments").contains("repealed from 2018-01-01"), browser.text("active-amendments"));
        }
    }

    @Test
    void aLoadedAmendmentFileIsApplied() throws IOException {
        // The amendment file of docs/what-if.md, as an adviser would save it.
        String guide = Files.readString(REPO.resolve("docs/what-if.md"));
        Matcher file = Pattern.compile("```json file=what-if/my-possession.json\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(file.find());
        Path dir = Files.createTempDirectory("lexgap-amendment-");
        Path amendment = Files.writeString(dir.resolve("my-possession.json"), file.group(1));
        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            browser.byId("amend-file").sendKeys(amendment.toString());
            browser.waitFor(d -> "true".equals(browser.cell("MY", "simple_possession").getAttribute("data-hypothetical")));
            assertEquals("Met", browser.cellLabel("MY", "simple_possession"));
            assertTrue(browser.text("active-amendments").contains("my-possession.json"));
        } finally {
            Browser.deleteQuietly(dir);
        }
    }

    @Test
    void everyLabelIsInSpanishAfterTheSwitchAndForASpanishBrowser() throws IOException {
        JsonNode es = JSON.readTree(REPO.resolve("server/src/main/resources/web/i18n/es.json").toFile());
        JsonNode en = JSON.readTree(REPO.resolve("server/src/main/resources/web/i18n/en.json").toFile());
        List<String> enKeys = new ArrayList<>();
        en.fieldNames().forEachRemaining(enKeys::add);
        List<String> esKeys = new ArrayList<>();
        es.fieldNames().forEachRemaining(esKeys::add);
        assertEquals(enKeys, esKeys, "en.json and es.json have the same labels");

        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            assertEquals("Matrix", browser.text("matrix-title"));
            browser.choose("lang", "es");
            browser.waitFor(d -> d.findElement(By.id("matrix-title")).getText().equals("Matriz"));
            assertSpanish(browser, es);
            browser.screenshot("trainer-spanish", null);
            // The report buttons ask for the page's language; a server without Spanish report wording gives the
            // English report and the page says so.
            browser.byId("report-html").click();
            String html = Files.readString(browser.download(".html"));
            String status = browser.waitFor(d -> {
                String text = d.findElement(By.id("status")).getText();
                return text.startsWith("Informe listo") || text.startsWith("El servidor") ? text : null;
            });
            assertTrue(html.contains("lang=\"es\"") || status.startsWith("El servidor aún no tiene"), status);
        }
        try (Browser browser = Browser.open("es-ES")) {
            browser.load(server.url());
            assertEquals("es", new Select(browser.byId("lang")).getFirstSelectedOption().getAttribute("value"));
            assertSpanish(browser, es);
        }
    }

    private static void assertSpanish(Browser browser, JsonNode es) {
        assertEquals("es", browser.script("return document.documentElement.lang"));
        for (WebElement labelled : browser.driver.findElements(By.cssSelector("[data-i18n]"))) {
            String key = labelled.getAttribute("data-i18n");
            assertEquals(es.get(key).asText(), labelled.getAttribute("textContent"), key);
        }
        assertEquals("No cumple", browser.cellLabel("MY", "simple_possession"));
        assertEquals("Cumple", browser.cellLabel("BN", "specific_legislation"));
        assertEquals("Jurisdicción", browser.driver.findElement(By.cssSelector("#matrix thead th")).getText());
        assertEquals("Regiones", browser.driver.findElement(By.cssSelector("#scope optgroup")).getAttribute("label"));
        assertTrue(browser.text("matrix-caption").contains("derecho vigente al 2016-01-01"));
        assertEquals("Subir", browser.driver.findElement(By.cssSelector("#upload-form button")).getText());
        assertTrue(browser.text("status").startsWith("Se muestra"), "the live region too: " + browser.text("status"));
    }

    @Test
    void theElementVocabularyOfferedIsTheSchemas() throws IOException {
        JsonNode element = JSON.readTree(REPO.resolve("docs/schema/jurisdiction.schema.json").toFile())
                .get("$defs").get("element").get("properties");
        try (Browser browser = Browser.open("en-US")) {
            browser.load(server.url());
            assertEquals(enums(element.get("type")), options(browser, "element-type"));
            Map<String, List<String>> offered = new TreeMap<>();
            for (String type : enums(element.get("type"))) {
                browser.choose("element-type", type);
                for (WebElement select : browser.driver.findElements(By.cssSelector("#element-fields select"))) {
                    String attribute = select.getAttribute("data-attribute");
                    if (!attribute.equals("type") && !attribute.equals("ageLimit")) {
                        offered.put(attribute, options(browser, select.getAttribute("id")));
                    }
                }
            }
            for (Iterator<String> names = element.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("type") && !name.equals("ageLimit")) {
                    assertEquals(enums(element.get(name)), offered.get(name), name);
                }
            }
        }
    }

    private static List<String> enums(JsonNode property) {
        List<String> out = new ArrayList<>();
        property.get("enum").forEach(v -> out.add(v.asText()));
        return out.stream().sorted().toList();
    }

    private static List<String> options(Browser browser, String selectId) {
        return new Select(browser.byId(selectId)).getOptions().stream().map(o -> o.getAttribute("value"))
                .filter(v -> !v.isEmpty()).sorted().toList();
    }

    static JsonNode assess(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.url().resolve("api/assess?" + query)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    static JsonNode criterion(JsonNode result, String code, String criterion) {
        for (JsonNode j : result.get("jurisdictions")) {
            if (j.get("code").asText().equals(code)) {
                for (JsonNode c : j.get("criteria")) {
                    if (c.get("id").asText().equals(criterion)) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError(code + " " + criterion + " not in the result");
    }

    static URI url() {
        return server.url();
    }
}
