package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lexgap report --lang}: Spanish through the real CLI in the real Felix platform, and a language without
 * report wording refused as a bad argument (exit 2) naming the languages there are.
 */
class ReportLanguageIT {
    static final String[] ASEAN = {"report", "--region", "ASEAN", "--edition", "8", "--as-of", "2016-01-01"};

    static String[] with(String... more) {
        String[] out = java.util.Arrays.copyOf(ASEAN, ASEAN.length + more.length);
        System.arraycopy(more, 0, out, ASEAN.length, more.length);
        return out;
    }

    @Test
    void aLanguageWithoutReportWordingIsABadArgumentThatNamesTheLanguages() {
        Cli cli = Cli.run(with("--lang", "fr", "-f", "html"));
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("--lang fr: no report wording in that language; available: en, es"), cli.err());
        assertEquals("", cli.out(), "no report is written");
    }

    @Test
    void aSpanishPdfAndHtmlFromTheCliAreSpanishAndRepeatable(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("asean-es.pdf");
        Path second = dir.resolve("again.pdf");
        Cli one = Cli.run(with("--lang", "es", "-f", "pdf", "-o", first.toString()));
        assertEquals(0, one.exit(), one.toString());
        assertEquals(0, Cli.run(with("--lang", "es", "-f", "pdf", "-o", second.toString())).exit());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "the same bytes twice");
        try (PDDocument pdf = Loader.loadPDF(first.toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Página 1 de " + pdf.getNumberOfPages()), text.substring(0, 1500));
            assertTrue(text.contains("Matriz por país y criterio"), text.substring(0, 1500));
            assertFalse(text.contains("Page 1 of"), "the English footer");
        }

        Path es = dir.resolve("asean-es.html");
        Path en = dir.resolve("asean-en.html");
        assertEquals(0, Cli.run(with("--lang", "es", "-f", "html", "-o", es.toString())).exit());
        assertEquals(0, Cli.run(with("-f", "html", "-o", en.toString())).exit());
        String spanish = Files.readString(es);
        String english = Files.readString(en);
        assertTrue(spanish.contains("lang=\"es\""), spanish.substring(0, 300));
        assertTrue(spanish.contains("Legislación suficiente para combatir el material de abuso sexual infantil"));
        assertTrue(english.contains("lang=\"en\"") && english.contains("Criteria met per country"),
                "English stays the default");
    }
}
