package org.lexgap.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.ReportRequest;
import org.lexgap.api.model.Status;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.EvaluatorService;
import org.lexgap.core.pack.PackReader;
import org.lexgap.core.registry.PackLoader;
import org.lexgap.core.registry.PackRegistryImpl;
import org.lexgap.core.report.ReportServiceImpl;

/**
 * ISO 3166-2 subdivision codes ({@code AU-NSW}, {@code US-CA}) load, assess and report like country codes, sort
 * after their country, and malformed codes are refused at their line wherever a code is written.
 */
class SubnationalCodesTest {
    static final Path SUBNATIONAL = Path.of("src/test/resources/packs/subnational");
    static final LocalDate CUTOFF = LocalDate.of(2016, 1, 1);
    static final List<String> MALFORMED = List.of("us-ca", "USA", "US-", "US-CAXX", "U-CA", "US_CA");

    static PackRegistryImpl registry;
    static EvaluatorService evaluator;
    static ReportServiceImpl reports;

    @BeforeAll
    static void load() {
        Engine engine = new Engine("test");
        registry = Packs.registry(engine);
        PackLoader.Attempt attempt = registry.load(3, "subnational", Packs.read(SUBNATIONAL));
        assertTrue(attempt.ok(), () -> "the subnational test pack must load: " + attempt.problems());
        // Loading runs the pack's fixtures as a gate: a failing or skipped case would be a problem here.
        assertTrue(attempt.problems().stream().noneMatch(p -> p.message().startsWith("test ")), () -> "fixtures: "
                + attempt.problems());
        evaluator = new EvaluatorService(engine, registry::catalog);
        reports = new ReportServiceImpl(evaluator);
    }

    @Test
    void theCodeShapeIsAlpha2OrAlpha2HyphenOneToThreeAlphanumerics() {
        for (String good : List.of("PH", "US-CA", "AU-NSW", "GB-ENG", "FR-75", "ES-M", "XA-001")) {
            assertTrue(Jurisdiction.isCode(good), good);
        }
        for (String bad : MALFORMED) {
            assertFalse(Jurisdiction.isCode(bad), bad);
            assertTrue(Jurisdiction.codeProblem(bad).contains("not an ISO 3166 jurisdiction code"), bad);
        }
        assertNull(Jurisdiction.codeProblem("AU-NSW"));
        assertEquals("AU", Jurisdiction.country("AU-NSW"));
        assertEquals("AU", Jurisdiction.country("AU"));
    }

    @Test
    void aCountryComesStraightBeforeItsSubdivisionsAndThoseBeforeTheNextCountry() {
        List<String> codes = new ArrayList<>(List.of("US-CA", "AZ", "AU-VIC", "US", "AU", "AU-NSW", "AU-2", "UY"));
        codes.sort(Jurisdiction.CODE_ORDER);
        assertEquals(List.of("AU", "AU-2", "AU-NSW", "AU-VIC", "AZ", "US", "US-CA", "UY"), codes);
        // The catalog, and so every listing, uses that order.
        List<String> loaded = new ArrayList<>(registry.catalog().jurisdictions().keySet());
        assertEquals(List.of("AU-NSW", "AU-VIC", "BN"), loaded.subList(0, 3));
        assertEquals("US-CA", loaded.get(loaded.size() - 2));
        assertEquals("VN", loaded.get(loaded.size() - 1));
    }

    @Test
    void subdivisionsAreAssessedByCodeAndByRegionInTheRegionsOrder() {
        GapAnalysis region = evaluator.assess(new AssessmentRequest(List.of(), "TEST-SUBNATIONAL", "8", CUTOFF));
        assertEquals(List.of("US-CA", "AU-NSW", "AU-VIC"), region.jurisdictions().stream()
                .map(JurisdictionResult::code).toList());
        JurisdictionResult nsw = evaluator.assess(new AssessmentRequest(List.of("au-nsw"), null, "8", CUTOFF))
                .jurisdictions().get(0);
        assertEquals("AU-NSW", nsw.code());
        assertEquals(Status.MET, status(nsw, "simple_possession"));
        assertEquals("AU-NSW-TEST-ACT-s2", nsw.criteria().stream().filter(a -> a.criterion().equals("simple_possession"))
                .findFirst().orElseThrow().evidence().get(0).provision());
        JurisdictionResult vicLater = evaluator.assess(new AssessmentRequest(List.of("AU-VIC"), null, "8",
                LocalDate.of(2021, 1, 1))).jurisdictions().get(0);
        assertEquals(Status.MET, status(vicLater, "computer_facilitated"));
    }

    @Test
    void everyReportFormatCarriesTheSubdivisionCodesAndIsRepeatable() {
        for (String format : reports.formats()) {
            for (ReportRequest request : List.of(
                    new ReportRequest(List.of(), "TEST-SUBNATIONAL", "8", CUTOFF, null, format, "en"),
                    new ReportRequest(List.of("US-CA"), null, "8", CUTOFF, null, format, "en"))) {
                byte[] first = reports.report(request);
                assertArrayEquals(first, reports.report(request), format + " differs between two runs");
                // The data formats carry codes; the documents name the jurisdictions.
                String text = new String(first, StandardCharsets.UTF_8);
                if (format.equals("csv") || format.equals("json")) {
                    assertTrue(text.contains("US-CA"), format);
                } else if (!format.equals("pdf")) {
                    assertTrue(text.contains("Test-only California"), format);
                }
            }
        }
        String csv = new String(reports.report(new ReportRequest(List.of(), "TEST-SUBNATIONAL", "8", CUTOFF, null,
                "csv", "en")), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\nTest-only New South Wales,AU-NSW,"), csv);
    }

    @Test
    void anAmendmentOfASubdivisionIsReadAndApplied() {
        String amendment = """
                {
                  "title": "Test: a reporting duty for AU-NSW",
                  "jurisdiction": "AU-NSW",
                  "note": "Test fixture, not law.",
                  "changes": [{"id": "duty", "kind": "add-provision", "title": "A reporting duty", "note": "test",
                    "from": "2015-01-01", "to": "AU-NSW-TEST-ACT",
                    "provision": {"id": "AU-NSW-TEST-ACT-s9", "section": "s. 9", "summary": "test: ISPs must report",
                      "elements": [{"type": "duty", "bearer": "isp", "action": "report"}]}}]
                }
                """;
        AmendmentFile file = new AmendmentFile("nsw.json", amendment.getBytes(StandardCharsets.UTF_8));
        JurisdictionResult amended = evaluator.assess(new AssessmentRequest(List.of("AU-NSW"), null, "8", CUTOFF,
                List.of(file))).jurisdictions().get(0);
        assertEquals(Status.MET, status(amended, "isp_reporting"));
        for (String bad : MALFORMED) {
            AmendmentFile broken = new AmendmentFile("bad.json", amendment.replace("\"jurisdiction\": \"AU-NSW\"",
                    "\"jurisdiction\": \"" + bad + "\"").getBytes(StandardCharsets.UTF_8));
            List<PackProblem> problems = Engine.readAmendments(List.of(broken), registry.catalog()).problems();
            expect(problems, "bad.json", 3, bad);
        }
    }

    @Test
    void malformedCodesAreRefusedAtTheirLineInJurisdictionsTestsAndRegions() {
        for (String bad : MALFORMED) {
            Map<String, String> files = new HashMap<>();
            files.put("pack.json", """
                    {
                      "id": "tt", "version": "1.0.0", "title": "t", "kind": "jurisdictions", "editions": ["8"],
                      "regions": [{"id": "R", "name": "r", "source": "test fixture",
                        "members": ["AU-NSW", "%s"]}]
                    }
                    """.formatted(bad));
            files.put("jurisdictions/" + bad + ".json", """
                    {
                      "code": "%s",
                      "name": "Test",
                      "instruments": []
                    }
                    """.formatted(bad));
            files.put("tests/t.json", """
                    {"cases": [
                      {"name": "n", "edition": "8", "asOf": "2016-01-01", "expect": {"definition": "MET"},
                       "jurisdiction": "%s"}
                    ]}
                    """.formatted(bad));
            PackReader.Result result = PackReader.read(Packs.of("t", files), Map.of());
            assertNull(result.content(), bad);
            expect(result.problems(), "jurisdictions/" + bad + ".json", 2, bad);
            expect(result.problems(), "tests/t.json", 3, bad);
            expect(result.problems(), "pack.json", 4, bad);
        }
    }

    static void expect(List<PackProblem> problems, String file, int line, String code) {
        assertTrue(problems.stream().anyMatch(p -> p.severity() == PackProblem.Severity.ERROR && file.equals(p.file())
                        && p.line() == line && p.message().contains("\"" + code + "\" is not an ISO 3166 jurisdiction code")),
                () -> "expected " + file + ":" + line + " to refuse " + code + " in "
                        + problems.stream().map(PackProblem::format).toList());
    }

    static Status status(JurisdictionResult result, String criterion) {
        return result.criteria().stream().filter(a -> a.criterion().equals(criterion)).findFirst().orElseThrow().status();
    }
}
