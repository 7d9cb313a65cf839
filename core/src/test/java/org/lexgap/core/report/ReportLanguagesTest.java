package org.lexgap.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.ReportRequest;
import org.lexgap.core.Packs;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.EvaluatorService;
import org.lexgap.core.registry.PackRegistryImpl;

/**
 * The report's own wording in every language it ships (report/messages_*.properties): the files agree key for key,
 * and a Spanish report carries Spanish labels and none of the English ones, with the same verdicts in its cells.
 */
class ReportLanguagesTest {
    static ReportServiceImpl reports;
    static EvaluatorService evaluator;

    /**
     * English wording the English ASEAN report shows and a Spanish one must not. Pack texts stay English, so a label
     * that also occurs in them is pinned to its context ("in force from" and an ISO date, not a pack's own words).
     */
    static final List<String> ENGLISH = List.of("Regional gap analysis", "Against the ICMEC model legislation",
            "Law as of", "jurisdictions assessed", "Country-by-criterion matrix", "Criteria met",
            "Headline counts", "Legislation sufficient to combat", "Do not criminalise simple possession",
            "Country by country", "criteria met.", "Decided by", "Evidence", "Not met", "in force from 20",
            "The model law recommends", "Provenance", "Computed by Lexgap", "Signer", "not legal advice");

    static final List<String> SPANISH = List.of("Análisis regional de brechas normativas",
            "Según la legislación modelo del ICMEC sobre material de abuso sexual infantil", "Legislación vigente al",
            "Matriz por país y criterio", "Cifras principales",
            "Legislación suficiente para combatir el material de abuso sexual infantil",
            "No penalizan la posesión simple", "No tipifican delitos facilitados por computadora", "País por país",
            "Decidido por", "Fundamento normativo", "No cumple", "vigente desde", "La legislación modelo recomienda",
            "Procedencia", "Firmante", "no constituye asesoramiento jurídico");

    @BeforeAll
    static void load() {
        Engine engine = new Engine("test");
        PackRegistryImpl registry = Packs.all(engine);
        evaluator = new EvaluatorService(engine, registry::catalog);
        reports = new ReportServiceImpl(evaluator);
    }

    static ReportRequest asean(String format, String lang) {
        return new ReportRequest(List.of(), "ASEAN", "8", LocalDate.of(2016, 1, 1), null, format, lang);
    }

    static String text(ReportRequest request) {
        return new String(reports.report(request), StandardCharsets.UTF_8);
    }

    static Properties messages(String lang) {
        Properties p = new Properties();
        try (InputStream in = ReportLanguagesTest.class.getClassLoader()
                .getResourceAsStream("report/messages_" + lang + ".properties")) {
            assertNotNull(in, "report/messages_" + lang + ".properties");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Set<String> placeholders(String value) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyLanguageHasEveryKeyWithAValueAndTheSamePlaceholders() {
        assertEquals(List.of("en", "es"), reports.languages());
        Properties en = messages("en");
        for (String lang : reports.languages()) {
            Properties other = messages(lang);
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                    "messages_" + lang + " has the keys of messages_en, no more and no fewer");
            for (String key : other.stringPropertyNames()) {
                assertFalse(other.getProperty(key).isBlank(), lang + ": " + key + " is empty");
                // The CSV note may say what an in-force basis is in words ({basisLabel}) instead of its code ({basis}).
                if (!key.equals("csv.inForceBasis")) {
                    assertEquals(placeholders(en.getProperty(key)), placeholders(other.getProperty(key)),
                            lang + ": " + key + " fills other placeholders than English");
                }
            }
        }
        assertEquals("Página", messages("es").getProperty("page"), "the properties are read as UTF-8");
    }

    @Test
    void aSpanishAseanReportHasSpanishLabelsAndNoEnglishOnes() {
        for (String format : List.of("html", "md")) {
            String english = text(asean(format, "en"));
            String spanish = text(asean(format, "es"));
            int shown = 0;
            for (String label : ENGLISH) {
                // The HTML shows every label; the Markdown leaves a few out (no summary section, say).
                assertTrue(english.contains(label) || format.equals("md"), format + ": the English report says \""
                        + label + "\"");
                shown += english.contains(label) ? 1 : 0;
                assertFalse(spanish.contains(label), format + ": the Spanish report still says \"" + label + "\"");
            }
            assertTrue(shown >= ENGLISH.size() - 3, format + ": only " + shown + " of the English labels shown");
            for (String label : SPANISH) {
                assertTrue(spanish.contains(label), format + ": the Spanish report lacks \"" + label + "\"");
            }
        }
        String html = text(asean("html", "es"));
        assertTrue(html.contains("<h2>Criterios cumplidos por país</h2>"), "the chart's heading");
        assertTrue(html.contains("aria-label=\"Criterios cumplidos por país\""), "the chart's own label");
        assertTrue(html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"es\">"), html.substring(0, 200));
        assertTrue(html.contains("content: \"Página \" counter(page) \" de \" counter(pages)"), "the PDF footer");
    }

    @Test
    void theSpanishMatrixShowsTheSameVerdictsAsTheAssessment() {
        GapAnalysis analysis = evaluator.assess(new AssessmentRequest(List.of(), "ASEAN", "8", LocalDate.of(2016, 1, 1)));
        Map<String, String> words = Map.of("MET", "Cumple", "NOT_MET", "No cumple", "UNKNOWN", "Sin datos");
        String md = text(asean("md", "es"));
        for (JurisdictionResult j : analysis.jurisdictions()) {
            StringBuilder row = new StringBuilder("| " + j.name() + " |");
            for (Assessment a : j.criteria()) {
                row.append(' ').append(words.get(a.status().name()))
                        .append(ReportModel.restsOnUnverified(a) ? " †" : "").append(" |");
            }
            row.append(' ').append(j.metCount()).append('/').append(j.criteria().size()).append(" |\n");
            assertTrue(md.contains(row), "matrix row " + row + " in\n" + md.substring(0, 3000));
        }
    }

    @Test
    void theSpanishPdfReadsBackInSpanishAndIsRepeatable() throws IOException {
        byte[] pdf = reports.report(asean("pdf", "es"));
        assertArrayEquals(pdf, reports.report(asean("pdf", "es")), "the same request gives the same bytes");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String all = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(all.contains("Página 1 de " + doc.getNumberOfPages()), all.substring(0, 2000));
            assertTrue(all.contains("Matriz por país y criterio"), "accented text is text, not lost glyphs");
            assertTrue(all.contains("No penalizan la posesión simple"), all);
            assertFalse(all.contains("Page 1 of"), "the English footer");
            assertTrue(doc.getDocumentInformation().getTitle().startsWith("Análisis regional de brechas normativas"));
        }
    }

    @Test
    void theSpanishCsvHasASpanishHeaderAndTheSameCodesInItsCells() {
        String en = text(asean("csv", "en"));
        String es = text(asean("csv", "es"));
        String header = es.substring(0, es.indexOf('\n'));
        assertEquals("país,iso3166_alfa2,número,criterio,estado_2016-01-01,base,decidido_por,citas,"
                + "basado_en_hecho_no_verificado,fuentes", header);
        List<String> enRows = List.of(en.split("\n"));
        List<String> esRows = List.of(es.split("\n"));
        assertEquals(enRows.size(), esRows.size());
        for (int i = 1; i < enRows.size(); i++) {
            // country, code, number, criterion, status, basis: the codes a spreadsheet filters on.
            assertEquals(first(enRows.get(i), 6), first(esRows.get(i), 6), "row " + i);
        }
        assertTrue(es.contains(" [no verificado]"), "cell notes follow the language");
        assertFalse(es.contains("[not verified]"));
    }

    /** The first n fields of a CSV row whose first fields hold no quotes. */
    private static List<String> first(String row, int n) {
        return List.of(row.split(",", -1)).subList(0, n);
    }

    @Test
    void theJsonKeepsItsKeysAndCodesAndOnlyItsSentencesFollowTheLanguage() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode en = mapper.readTree(reports.report(asean("json", "en")));
        JsonNode es = mapper.readTree(reports.report(asean("json", "es")));
        assertEquals("es", es.get("lang").asText());
        assertTrue(es.get("title").asText().startsWith("Análisis regional"), es.get("title").asText());
        List<String> differences = new ArrayList<>();
        compare("", en, es, differences);
        assertEquals(Set.of("/lang", "/title"), Set.copyOf(differences), "only the human sentences differ");
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> differences) {
        assertEquals(a.getNodeType(), b.getNodeType(), path);
        if (a.isObject()) {
            assertEquals(names(a), names(b), path);
            a.fieldNames().forEachRemaining(f -> compare(path + "/" + f, a.get(f), b.get(f), differences));
        } else if (a.isArray()) {
            assertEquals(a.size(), b.size(), path);
            for (int i = 0; i < a.size(); i++) {
                compare(path + "/" + i, a.get(i), b.get(i), differences);
            }
        } else if (!a.equals(b)) {
            differences.add(path);
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> i = n.fieldNames(); i.hasNext(); ) {
            out.add(i.next());
        }
        return out;
    }

    @Test
    void comparisonsAndWhatIfsExplainThemselvesInSpanish() {
        String dates = text(new ReportRequest(List.of("MY"), null, "8", LocalDate.of(2026, 11, 22),
                LocalDate.of(2016, 1, 1), "md", "es"));
        assertTrue(dates.contains("| Malaysia | 4. Posesión simple | No cumple | Cumple |"), dates);
        assertTrue(dates.contains("ahora se cita: "), dates);
        assertFalse(dates.contains("now cited: "), dates);

        String editions = text(new ReportRequest(List.of(), "ASEAN", "8", LocalDate.of(2016, 1, 1), null, "csv", "es",
                List.of(), "9"));
        assertTrue(editions.startsWith("país,iso3166_alfa2,criterio,número_edición_8,estado_edición_8,"
                + "número_edición_9,estado_edición_9,difiere,por_qué\n"), editions.substring(0, 200));
        assertTrue(editions.contains("solo en la edición 8"), editions);
        assertFalse(editions.contains("only in edition"), editions);
        assertFalse(editions.contains(",yes,"), editions);

        AmendmentFile possession = WhatIfReportsTest.POSSESSION;
        String whatIf = text(new ReportRequest(List.of("MY"), null, "8", LocalDate.of(2016, 1, 1), null, "html", "es",
                List.of(possession), null));
        for (String label : List.of("HIPOTÉTICO: las valoraciones modificadas", "Qué cambiarían las enmiendas",
                "añadir instrumento", "Enmiendas aplicadas (hipotéticas)", "Legislación registrada")) {
            assertTrue(whatIf.contains(label), label);
        }
        for (String label : List.of("HYPOTHETICAL", "What the amendments would change", "Recorded law",
                "Amendments applied")) {
            assertFalse(whatIf.contains(label), label);
        }
    }
}
