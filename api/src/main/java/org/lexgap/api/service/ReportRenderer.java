package org.lexgap.api.service;

import java.util.List;

import org.lexgap.api.model.Explanation;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.PackInfo;

/** Renders a gap analysis. The same analysis always renders to the same bytes. */
public interface ReportRenderer {

    /** The formats {@link #render} accepts, for example {@code text}, {@code json}, {@code csv}. */
    List<String> formats();

    /**
     * Renders {@code analysis} in {@code format}.
     *
     * @throws IllegalArgumentException for a format not in {@link #formats()}
     */
    String render(GapAnalysis analysis, String format);

    /** Lists packs with their state and problems, as {@code text} or {@code json}. */
    String renderPacks(List<PackInfo> packs, String format);

    /** Renders the trace behind one verdict, as {@code text} or {@code json}. */
    String renderExplanation(Explanation explanation, String format);
}
