package org.lexgap.core.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.ReportRequest;
import org.lexgap.api.service.Evaluator;
import org.lexgap.api.service.ReportService;
import org.lexgap.core.internal.Timeline;

/**
 * The {@link ReportService}: assesses (on one or two dates, with and without what-if amendments, or under two
 * editions), builds the report model, renders one format.
 */
public final class ReportServiceImpl implements ReportService {
    private static final List<String> FORMATS = List.of("html", "pdf", "md", "csv", "json");
    /** Languages with a messages_xx.properties in report/; English is the fallback for any missing key. */
    private static final List<String> LANGUAGES = List.of("en", "es");

    private final Evaluator evaluator;
    private final Map<String, Map<String, String>> texts = new ConcurrentHashMap<>();

    public ReportServiceImpl(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public List<String> formats() {
        return FORMATS;
    }

    @Override
    public List<String> languages() {
        return LANGUAGES;
    }

    @Override
    public byte[] report(ReportRequest request) {
        if (!FORMATS.contains(request.format())) {
            throw new IllegalArgumentException("unknown report format \"" + request.format() + "\"; expected one of " + FORMATS);
        }
        if (!LANGUAGES.contains(request.lang())) {
            throw new IllegalArgumentException("no report wording in language \"" + request.lang() + "\"; available: " + LANGUAGES);
        }
        boolean what = !request.amendments().isEmpty();
        if (what && (request.compareWith() != null || request.compareEdition() != null)
                || request.compareWith() != null && request.compareEdition() != null) {
            throw new IllegalArgumentException("a report compares one thing: a date (compareWith), an edition"
                    + " (compareEdition) or amendments, not several at once");
        }
        if (request.edition().equals(request.compareEdition())) {
            throw new IllegalArgumentException("compareEdition is the edition being reported; name another one");
        }
        boolean country = request.region() == null && request.jurisdictions().size() == 1;
        AssessmentRequest now = new AssessmentRequest(request.jurisdictions(), request.region(), request.edition(),
                request.asOf(), request.amendments());
        GapAnalysis analysis = evaluator.assess(now);
        GapAnalysis before = request.compareWith() == null ? null : evaluator.assess(new AssessmentRequest(
                request.jurisdictions(), request.region(), request.edition(), request.compareWith()));
        // Assessed again on the recorded law alone: the same compiled rules, only the facts differ.
        GapAnalysis baseline = what ? evaluator.assess(now.withoutAmendments()) : null;
        GapAnalysis other = request.compareEdition() == null ? null : evaluator.assess(new AssessmentRequest(
                request.jurisdictions(), request.region(), request.compareEdition(), request.asOf()));
        Timeline.mark("report assessed");
        ReportModel model = ReportModel.build(country ? "country" : "region", request, text(request.lang()), analysis,
                before, baseline, other);
        Timeline.mark("report model built");
        return switch (request.format()) {
            case "html" -> Templates.html(model).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> {
                String html = Templates.html(model);
                Timeline.mark("report html rendered, laying out the pdf");
                yield Pdf.render(html, model.title());
            }
            case "md" -> Templates.markdown(model).getBytes(StandardCharsets.UTF_8);
            case "csv" -> ReportCsv.render(model).getBytes(StandardCharsets.UTF_8);
            default -> ReportJson.render(model).getBytes(StandardCharsets.UTF_8);
        };
    }

    private Map<String, String> text(String lang) {
        return texts.computeIfAbsent(lang, l -> {
            Map<String, String> out = new TreeMap<>();
            ResourceBundle english = bundle(Locale.ENGLISH);
            english.keySet().forEach(k -> out.put(k, english.getString(k)));
            ResourceBundle wanted = bundle(Locale.forLanguageTag(l));
            wanted.keySet().forEach(k -> out.put(k, wanted.getString(k)));
            return Map.copyOf(out);
        });
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle("report.messages", locale, ReportServiceImpl.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("report wording missing from the core bundle: " + e.getMessage(), e);
        }
    }
}
