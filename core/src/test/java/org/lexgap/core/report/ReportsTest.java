package org.lexgap.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

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
        assertTrue(e.getMessage().contains("[en]"), e.getMessage());
    }
}
