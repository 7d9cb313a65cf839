package org.lexgap.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Readies a report format's renderer ahead of the report, on a warm-up thread while the packs load. For pdf, the
 * html templates are compiled and a small fixed document (report/warm-up.xhtml, with what the reports' layout uses)
 * is laid out once and thrown away: the PDF renderer's first use in a JVM costs more than a second of processor
 * time, and none of it depends on the packs. Nothing is kept but Pebble's cache of compiled templates, which holds
 * what the report would compile itself; a report's bytes are the same with or without it.
 */
public final class RendererWarmUp {
    /** The formats there is something to ready for. */
    public static final Set<String> FORMATS = Set.of("pdf");

    private RendererWarmUp() {
    }

    /** Readies the renderer of {@code format}; does nothing for a format not in {@link #FORMATS}. */
    public static void prepare(String format) {
        if (format.equals("pdf")) {
            Templates.prepareHtml();
            Pdf.render(warmUpDocument(), "Warm-up");
        }
    }

    private static String warmUpDocument() {
        try (InputStream in = RendererWarmUp.class.getClassLoader().getResourceAsStream("report/warm-up.xhtml")) {
            if (in == null) {
                throw new IllegalStateException("report/warm-up.xhtml is missing from the core bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
