package org.lexgap.core.render;

import org.lexgap.api.model.GapAnalysis;

/** The JSON form of a gap analysis, for {@code assess --format json}. */
final class JsonReport {
    private JsonReport() {
    }

    static String render(GapAnalysis analysis) {
        return JsonTrees.write(JsonTrees.analysis(analysis));
    }
}
