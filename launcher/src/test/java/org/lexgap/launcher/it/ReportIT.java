package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.lexgap.api.model.ReportRequest;
import org.lexgap.launcher.Platform;

/** Reports produced inside the real platform, in every format, read back as a reader's tools would. */
class ReportIT {
    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.start(Platform.Options.defaults());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static ReportRequest ph(String format) {
        return new ReportRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1), null, format, "en");
    }

    static ReportRequest asean(String format) {
        return new ReportRequest(List.of(), "ASEAN", "8", LocalDate.of(2016, 1, 1), null, format, "en");
    }

    @Test
    void everyFormatForPhilippinesAndAseanIsProducedAndRepeatable() {
        for (String format : platform.reports().formats()) {
            for (ReportRequest request : List.of(ph(format), asean(format))) {
                byte[] first = platform.reports().report(request);
                assertTrue(first.length > 1000, format);
                assertArrayEquals(first, platform.reports().report(request), format + " not byte-identical");
            }
        }
    }

    @Test
    void thePdfIsA4WithPageNumbersAndReadsBackWithCountriesAndStatuses() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(platform.reports().report(asean("pdf")))) {
            assertTrue(pdf.getNumberOfPages() > 1);
            assertEquals(595, Math.round(pdf.getPage(0).getMediaBox().getWidth()));
            assertEquals(842, Math.round(pdf.getPage(0).getMediaBox().getHeight()));
            String text = new PDFTextStripper().getText(pdf);
            for (String country : List.of("Brunei", "Cambodia", "Indonesia", "Laos", "Malaysia", "Myanmar",
                    "Philippines", "Singapore", "Thailand", "Vietnam")) {
                assertTrue(text.contains(country), country);
            }
            assertTrue(text.contains("Not met") && text.contains("Met"));
            assertTrue(text.contains("Page 1 of " + pdf.getNumberOfPages()), "page numbers");
        }
        try (PDDocument pdf = Loader.loadPDF(platform.reports().report(ph("pdf")))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Gap analysis: Philippines"), text);
            assertTrue(text.contains("6 of 6 criteria met"), text);
            assertTrue(text.contains("Republic Act No. 9775"), text);
        }
    }

    @Test
    void theHtmlIsWellFormed() throws Exception {
        for (ReportRequest request : List.of(ph("html"), asean("html"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(platform.reports().report(request)));
            assertEquals("html", document.getDocumentElement().getLocalName());
        }
        String html = new String(platform.reports().report(asean("html")), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg"), "the regional report carries its chart");
    }

    @Test
    void aComparisonNamesTheInstrumentsBehindEachChange() {
        String csv = new String(platform.reports().report(new ReportRequest(List.of("MY"), null, "8",
                LocalDate.of(2026, 11, 22), LocalDate.of(2016, 1, 1), "json", "en")), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"criterion\" : \"simple_possession\""), csv);
        assertTrue(csv.contains("Act 792, s. 10 (Sexual Offences Against Children Act 2017), in force 2017-07-10"), csv);
    }
}
