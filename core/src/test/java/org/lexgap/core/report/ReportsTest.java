package org.lexgap.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.ReportRequest;
import org.lexgap.core.Packs;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.EvaluatorService;
import org.lexgap.core.registry.PackRegistryImpl;

class ReportsTest {
    static ReportServiceImpl reports;
    static EvaluatorService evaluator;

    @BeforeAll
    static void load() {
        Engine engine = new Engine("test");
        PackRegistryImpl registry = Packs.registry(engine);
        evaluator = new EvaluatorService(engine, registry::catalog);
        reports = new ReportServiceImpl(evaluator);
    }

    static String text(ReportRequest request) {
        return new String(reports.report(request), StandardCharsets.UTF_8);
    }

    static ReportRequest asean(String format) {
        return new ReportRequest(List.of(), "ASEAN", "8", LocalDate.of(2016, 1, 1), null, format, "en");
    }

    @Test
    void aseanAggregatesAtTheCutoffMatchAHandCountOfTheSeedTable() {
        GapAnalysis analysis = evaluator.assess(new AssessmentRequest(List.of(), "ASEAN", "8", LocalDate.of(2016, 1, 1)));
        Aggregates a = Aggregates.of(analysis);
        assertEquals(2, a.sufficient());
        assertEquals(1, a.firstFive());
        assertEquals(1, a.sufficientNotIspReporting());
        assertEquals(0, a.noSpecificLegislation());
        assertEquals(2, a.dataRetention());
        assertEquals(List.of("Brunei", "Philippines"), a.names().sufficient());
        assertEquals(10, a.withSpecificLegislation());
        assertEquals(7, a.noDefinition());
        assertEquals(2, a.noComputerFacilitated());
        assertEquals(6, a.noSimplePossession());
    }

    @Test
    void malaysiaTodayComparedWithTheCutoffNamesThe2017Act() {
        String md = text(new ReportRequest(List.of("MY"), null, "8", LocalDate.of(2026, 11, 22), LocalDate.of(2016, 1, 1), "md", "en"));
        assertTrue(md.contains("Sexual Offences Against Children Act 2017"), md);
        assertTrue(md.contains("| Malaysia | 4. Simple possession | Not met | Met |"), md);
    }

    @Test
    void everyFormatRendersTheSameReportIdentically() {
        for (String format : reports.formats()) {
            byte[] first = reports.report(asean(format));
            assertTrue(first.length > 500, format);
            assertArrayEquals(first, reports.report(asean(format)), format + " differs between two runs");
        }
    }

    @Test
    void readyingARendererAheadLeavesTheReportsAsTheyWere() {
        Map<String, byte[]> before = new java.util.TreeMap<>();
        for (String format : reports.formats()) {
            before.put(format, reports.report(asean(format)));
        }
        RendererWarmUp.FORMATS.forEach(RendererWarmUp::prepare);
        for (String format : reports.formats()) {
            assertArrayEquals(before.get(format), reports.report(asean(format)), format + " changed after the warm-up");
        }
    }

    @Test
    void theJsonReportValidatesAgainstItsPublishedSchema() throws Exception {
        for (ReportRequest request : List.of(asean("json"),
                new ReportRequest(List.of("MY"), null, "8", LocalDate.of(2026, 1, 1), LocalDate.of(2016, 1, 1), "json", "en"))) {
            org.lexgap.core.pack.Problems problems = new org.lexgap.core.pack.Problems("report");
            org.lexgap.core.pack.LocatedJson json = org.lexgap.core.pack.LocatedJson.parse("report.json", reports.report(request));
            org.lexgap.core.pack.SchemaCheck.check(org.lexgap.core.pack.SchemaCheck.Kind.REPORT, json, problems);
            assertEquals(List.of(), problems.list());
        }
    }

    @Test
    void unknownFormatOrLanguageIsRefusedWithTheChoices() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> reports.report(new ReportRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1), null, "html", "xx")));
        assertTrue(e.getMessage().contains("[en, es]"), e.getMessage());
    }

    @Test
    void sourcesAreLinksInHtmlAndMarkdownAndOnlyHttpAddressesAreLinked() {
        String html = text(asean("html"));
        // '&' in an address is escaped inside the attribute and the text
        String mekong = "https://mekongmigration.org/labourlaw/index.php?option=com_content&amp;view=article&amp;id=100:burma-myanmar-&amp;catid=50:section-7&amp;Itemid=89";
        assertTrue(html.contains("<a href=\"" + mekong + "\">" + mekong + "</a>"), "Myanmar Child Law link");
        assertTrue(html.contains("<a href=\"https://inhope.org/EN/articles/cambodian-deep-dive-challenges-in-legislation\">"), "INHOPE link");
        assertTrue(!html.contains("href=\"file:") && !html.contains("href=\"javascript:"), "only http and https become links");
        assertEquals("x &lt;b&gt; javascript:alert(1) <a href=\"https://a.org/?q=&lt;script&gt;\">https://a.org/?q=&lt;script&gt;</a>",
                Templates.htmlLinks("x <b> javascript:alert(1) https://a.org/?q=<script>"));
        String md = text(asean("md"));
        assertTrue(md.contains("[https://inhope.org/EN/articles/cambodian\\-deep\\-dive\\-challenges\\-in\\-legislation]".replace("\\-", "-")
                + "(<https://inhope.org/EN/articles/cambodian-deep-dive-challenges-in-legislation>)"), "Markdown link");
        assertEquals("see [https://a.org/x\\_y](<https://a.org/x_y>) \\| next", Templates.mdLinks("see https://a.org/x_y | next"));
    }

    @Test
    void anInForceDateThatIsNotAStatedStartSaysWhatItIs() {
        String md = text(new ReportRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1), null, "md", "en"));
        assertTrue(md.contains("in force from 2009-11-17 (approval date; commencement not verified)"), md);
        String html = text(new ReportRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1), null, "html", "en"));
        assertTrue(html.contains("in force from 2009-11-17 (approval date; commencement not verified)"), "html");
        String csv = text(new ReportRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1), null, "csv", "en"));
        assertTrue(csv.contains("Republic Act No. 9775, s. 4(l) [in force 2009-11-17: approval date] [not verified]"), csv);
    }

    @Test
    void verdictsRestingOnUnverifiedFactsAreFlaggedInTheMatrixAndTheCsv() {
        String md = text(asean("md"));
        // Brunei's verdicts rest only on ss. 293A-293D and 377B-377K, read in the Attorney General's Chambers' statement
        assertTrue(md.contains("| Brunei | Met † | Met † | Met † | Met † | Not met | Not met | 4/6 |"), md);
        // Thailand's rest on verified provisions, and its definition on a verified interpretation
        assertTrue(md.contains("| Thailand | Met | Not met | Met | Met | Not met | Met | 4/6 |"), md);
        assertTrue(md.contains("† rests on a fact not yet verified"), "legend");
        String csv = text(asean("csv"));
        assertTrue(csv.startsWith("country,iso3166_alpha2,number,criterion,status_2016-01-01,basis,decided_by,citations,rests_on_unverified,sources\n"), csv);
        assertTrue(csv.contains("Brunei,BN,2,definition,MET,RULES,"), csv);
    }

    @Test
    void theEditionsGlobalCountsStandBesideTheRegionalAggregates() {
        String md = text(asean("md"));
        assertTrue(md.contains("| Legislation sufficient to combat child sexual abuse material (criteria 1-4 met) | 2 | Brunei, Philippines | 82 |"), md);
        assertTrue(md.contains("Global Review, edition 8 (all 196 countries)"), md);
        assertTrue(md.contains("Global figures as published: ICMEC, Child Pornography: Model Legislation & Global Review, 8th ed. (2016)"), md);
        String html = text(asean("html"));
        assertTrue(html.contains("<td class=\"num\">79</td>"), "global data retention count");
        String json = text(asean("json"));
        assertTrue(json.contains("\"globalResults\" : {\n    \"countriesReviewed\" : 196,"), json.substring(0, 800));
    }

    @Test
    void thePdfCarriesTheSourcesAsLinkAnnotations() {
        byte[] pdf = reports.report(new ReportRequest(List.of("KH"), null, "8", LocalDate.of(2016, 1, 1), null, "pdf", "en"));
        java.util.List<String> uris = new java.util.ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
                            && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(uris.contains("https://inhope.org/EN/articles/cambodian-deep-dive-challenges-in-legislation"), uris.toString());
    }
}
