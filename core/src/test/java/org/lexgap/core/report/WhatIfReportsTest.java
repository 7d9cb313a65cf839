package org.lexgap.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.ReportRequest;
import org.lexgap.core.Packs;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.EvaluatorService;
import org.lexgap.core.pack.LocatedJson;
import org.lexgap.core.pack.Problems;
import org.lexgap.core.pack.SchemaCheck;
import org.lexgap.core.registry.PackRegistryImpl;

/** Reports with what-if amendments (side by side, hypothetical everywhere) and reports comparing two editions. */
class WhatIfReportsTest {
    static ReportServiceImpl reports;

    static final AmendmentFile POSSESSION = new AmendmentFile("x/my-possession.json", """
            {
              "title": "A possession offence for Malaysia",
              "jurisdiction": "MY",
              "note": "Hypothetical, for tests.",
              "changes": [
                {
                  "id": "possession-offence",
                  "kind": "add-instrument",
                  "title": "Possession without intent to distribute",
                  "note": "Hypothetical.",
                  "from": "2016-01-01",
                  "instrument": {
                    "id": "MY-HYP",
                    "title": "Possession Bill (hypothetical)",
                    "citation": "Bill (hypothetical)",
                    "provisions": [{"id": "MY-HYP-s1", "section": "s. 1", "summary": "Possession is an offence.",
                      "elements": [{"type": "offence", "subject": "csam", "conduct": "possess", "intent": "none", "medium": "any"}]}]
                  }
                }
              ]
            }
            """.getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void load() {
        Engine engine = new Engine("test");
        PackRegistryImpl registry = Packs.all(engine);
        reports = new ReportServiceImpl(new EvaluatorService(engine, registry::catalog));
    }

    static ReportRequest whatIf(String format, String region) {
        return new ReportRequest(region == null ? List.of("MY") : List.of(), region, "8", LocalDate.of(2016, 1, 1),
                null, format, "en", List.of(POSSESSION), null);
    }

    static ReportRequest editions(String format, String region, String edition, String other) {
        return new ReportRequest(region == null ? List.of("SG") : List.of(), region, edition, LocalDate.of(2016, 1, 1),
                null, format, "en", List.of(), other);
    }

    static String text(ReportRequest request) {
        return new String(reports.report(request), StandardCharsets.UTF_8);
    }

    static void validates(ReportRequest request) throws Exception {
        Problems problems = new Problems("report");
        SchemaCheck.check(SchemaCheck.Kind.REPORT, LocatedJson.parse("report.json", reports.report(request)), problems);
        assertEquals(List.of(), problems.list(), request.toString());
    }

    @Test
    void criterion4TurnsMetInEveryFormatBesideTheRecordedVerdictAndNamesTheAmendment() throws Exception {
        String html = text(whatIf("html", null));
        assertTrue(html.contains("<h1>What-if gap analysis: Malaysia (hypothetical)</h1>"), html);
        assertTrue(html.contains("@top-center { content: \"HYPOTHETICAL"), "every PDF page says so");
        assertTrue(html.contains("my-possession.json#possession-offence"));
        assertTrue(html.contains(sha(POSSESSION)), "amendment hash in provenance");
        assertTrue(html.contains("<td class=\"status met changed\">"), "the changed verdict is marked");

        String md = text(whatIf("md", null));
        assertTrue(md.contains("| 4 | Is simple possession of child pornography criminalized? | Not met | **Met** \\* | "
                + "`my-possession.json#possession-offence`"), md);
        assertTrue(md.contains("> **Hypothetical."), md);

        String csv = text(whatIf("csv", null));
        assertTrue(csv.startsWith("country,iso3166_alpha2,number,criterion,status_recorded_law,status_hypothetical,"), csv);
        assertTrue(csv.contains("Malaysia,MY,4,simple_possession,NOT_MET,MET,RULES,"), csv);
        assertTrue(csv.contains("[hypothetical: my-possession.json#possession-offence]"), csv);

        JsonNode json = new ObjectMapper().readTree(reports.report(whatIf("json", null)));
        assertTrue(json.get("hypothetical").asBoolean());
        assertEquals("my-possession.json", json.at("/amendments/0/file").asText());
        assertEquals(sha(POSSESSION), json.at("/amendments/0/sha256").asText());
        JsonNode row = json.get("whatIf").get(3);
        assertEquals("simple_possession", row.get("criterion").asText());
        assertEquals("NOT_MET", row.get("recordedLaw").asText());
        assertEquals("MET", row.get("hypothetical").asText());
        assertTrue(row.get("changed").asBoolean());
        assertEquals("NOT_MET", json.at("/assessmentRecordedLaw/jurisdictions/0/criteria/3/status").asText());
        assertEquals("MET", json.at("/assessment/jurisdictions/0/criteria/3/status").asText());
        validates(whatIf("json", null));
        validates(whatIf("json", "ASEAN"));

        try (PDDocument pdf = Loader.loadPDF(reports.report(whatIf("pdf", null)))) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertTrue(stripper.getText(pdf).contains("HYPOTHETICAL"), "page " + page + " does not say so");
            }
            assertTrue(new PDFTextStripper().getText(pdf).contains("my-possession.json"));
        }
    }

    @Test
    void theRegionalWhatIfListsOnlyTheChangedVerdictsAndStaysDeterministic() {
        String md = text(whatIf("md", "ASEAN"));
        assertTrue(md.contains("| Malaysia | 4 | Is simple possession of child pornography criminalized? | Not met | **Met** \\*"), md);
        assertTrue(md.contains("| Malaysia | Met | Not met | Not met | Met \\* |"), md);
        for (String format : reports.formats()) {
            assertArrayEquals(reports.report(whatIf(format, "ASEAN")), reports.report(whatIf(format, "ASEAN")), format);
        }
    }

    @Test
    void reportsWithoutAmendmentsSayNothingHypothetical() {
        for (String format : List.of("html", "md", "csv", "json")) {
            String report = text(new ReportRequest(List.of(), "ASEAN", "8", LocalDate.of(2016, 1, 1), null, format, "en"));
            assertFalse(report.toLowerCase().contains("hypothetical"), format);
            assertFalse(report.contains("What-if"), format);
        }
        assertTrue(text(new ReportRequest(List.of("MY"), null, "8", LocalDate.of(2016, 1, 1), null, "md", "en"))
                .contains("## The six criteria"));
    }

    @Test
    void editionsComparedShowTheCriteriaOfOneEditionOnlyAndTheVerdictsThatDifferWithWhy() throws Exception {
        String md = text(editions("md", null, "8", "9"));
        assertTrue(md.contains("# Gap analysis: Singapore, editions 8 and 9 compared"), md);
        assertTrue(md.contains("| data_retention | 6. Are there data retention provisions"), md);
        assertTrue(md.contains("| only in edition 8 |"), md);
        assertTrue(md.contains("4. Does national legislation criminalize the knowing possession of CSAM, regardless of"
                + " the intent to distribute? | reworded |"), md);
        assertTrue(md.contains("| Singapore | specific_legislation | Met | No data | edition 8: MET by interpretation"
                + " SG-gr8-specific_legislation (recorded for edition 8 only); edition 9: UNKNOWN"), md);
        assertTrue(md.contains("### Packs used for edition 9"), md);

        String csv = text(editions("csv", "ASEAN", "8", "9"));
        assertTrue(csv.startsWith("country,iso3166_alpha2,criterion,number_edition_8,status_edition_8,number_edition_9,"
                + "status_edition_9,differs,why\n"), csv);
        assertTrue(csv.contains("Malaysia,MY,data_retention,6,NOT_MET,,,yes,only in edition 8"), csv);

        validates(editions("json", null, "8", "9"));
        validates(editions("json", "ASEAN", "9", "1"));
        validates(new ReportRequest(List.of(), "ASEAN", "9", LocalDate.of(2020, 1, 1), null, "json", "en"));
        String nine = text(new ReportRequest(List.of("PH"), null, "9", LocalDate.of(2016, 1, 1), null, "md", "en"));
        assertTrue(nine.contains("## The five criteria"), nine);
        assertTrue(nine.contains("Does national legislation criminalize technology-facilitated CSAM offenses?"), nine);
        String region9 = text(new ReportRequest(List.of(), "ASEAN", "9", LocalDate.of(2016, 1, 1), null, "md", "en"));
        assertTrue(region9.contains("| Meet all five criteria |"), "headline counts for a five-criterion edition");
        assertFalse(region9.contains("Data retention provisions"), region9);
    }

    @Test
    void aReportComparesOneThingAtATime() {
        assertThrows(IllegalArgumentException.class, () -> reports.report(new ReportRequest(List.of("MY"), null, "8",
                LocalDate.of(2016, 1, 1), LocalDate.of(2010, 1, 1), "md", "en", List.of(POSSESSION), null)));
        assertThrows(IllegalArgumentException.class, () -> reports.report(editions("md", null, "8", "8")));
    }

    static String sha(AmendmentFile file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(file.content()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
