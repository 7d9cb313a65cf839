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
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * The report templates (core/src/main/resources/report/templates), rendered with Pebble: HTML with automatic
 * escaping, Markdown with the {@code md} filter for table cells.
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
        return new PebbleEngine.Builder().loader(loader).autoEscaping(html).strictVariables(false)
                .newLineTrimming(false).extension(new MarkdownExtension()).build();
    }

    /** {@code md}: makes text safe inside a Markdown table cell. */
    private static final class MarkdownExtension extends AbstractExtension {
        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("md", new Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return null;
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                    EvaluationContext context, int lineNumber) {
                    return input == null ? "" : input.toString().replace("|", "\\|").replace("\n", " ");
                }
            });
        }
    }
}
