package org.lexgap.core.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import org.lexgap.core.pack.Urls;

/**
 * The report templates (core/src/main/resources/report/templates), rendered with Pebble: HTML with automatic
 * escaping, Markdown with the {@code md} filter for table cells. The {@code links} filter (HTML) and
 * {@code mdlinks} filter (Markdown) turn each http or https address in a source into a link and escape the rest.
 */
final class Templates {
    private static final Map<String, String> STATUS_CLASSES = Map.of("MET", "met", "NOT_MET", "not-met",
            "UNKNOWN", "unknown");
    private static final PebbleEngine HTML = engine(true);
    private static final PebbleEngine MARKDOWN = engine(false);

    private Templates() {
    }

    static String html(ReportModel model) {
        return render(HTML, "report/templates/html/" + model.kind() + ".peb", model);
    }

    /** Compiles the html report templates into the engine's cache (on a warm-up thread, ahead of a report). */
    static void prepareHtml() {
        for (String kind : ReportModel.KINDS) {
            HTML.getTemplate("report/templates/html/" + kind + ".peb");
        }
    }

    static String markdown(ReportModel model) {
        return render(MARKDOWN, "report/templates/md/" + model.kind() + ".peb", model);
    }

    private static String render(PebbleEngine engine, String name, ReportModel model) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            PebbleTemplate template = engine.getTemplate(name);
            Map<String, Object> context = new HashMap<>();
            context.put("model", model);
            context.put("t", model.text());
            context.put("cls", STATUS_CLASSES);
            StringWriter out = new StringWriter();
            template.evaluate(out, context);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static PebbleEngine engine(boolean html) {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        // The report's language comes from its messages, never from the machine's locale (the lower filter).
        return new PebbleEngine.Builder().loader(loader).autoEscaping(html).strictVariables(false)
                .newLineTrimming(false).defaultLocale(java.util.Locale.ROOT).extension(new MarkdownExtension()).build();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A source as HTML: addresses become {@code <a href>} links, everything is escaped. */
    static String htmlLinks(String text) {
        StringBuilder out = new StringBuilder();
        for (Urls.Part p : Urls.split(text)) {
            out.append(p.url() ? "<a href=\"" + html(p.text()) + "\">" + html(p.text()) + "</a>" : html(p.text()));
        }
        return out.toString();
    }

    /** Makes text safe inside a Markdown table cell. */
    static String mdCell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /**
     * A source as Markdown for a table cell: each address becomes {@code [address](<address>)}; the text between is
     * escaped for a table cell, and the link text for Markdown's own punctuation.
     */
    static String mdLinks(String text) {
        StringBuilder out = new StringBuilder();
        for (Urls.Part p : Urls.split(text)) {
            if (p.url()) {
                String label = p.text().replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
                String target = p.text().replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
                        .replace(" ", "%20");
                out.append('[').append(label).append("](<").append(target).append(">)");
            } else {
                out.append(mdCell(p.text()));
            }
        }
        return out.toString();
    }

    /** The report's own filters. */
    private static final class MarkdownExtension extends AbstractExtension {
        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("md", filter(input -> mdCell(input)), "mdlinks", filter(Templates::mdLinks),
                    "links", new Filter() {
                        @Override
                        public List<String> getArgumentNames() {
                            return null;
                        }

                        @Override
                        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                            EvaluationContext context, int lineNumber) {
                            return new SafeString(input == null ? "" : htmlLinks(input.toString()));
                        }
                    });
        }

        private static Filter filter(java.util.function.UnaryOperator<String> f) {
            return new Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return null;
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                    EvaluationContext context, int lineNumber) {
                    return input == null ? "" : f.apply(input.toString());
                }
            };
        }
    }
}
