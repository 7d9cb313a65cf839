package org.lexgap.core.render;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lexgap.api.model.AmendmentChange;
import org.lexgap.api.model.AmendmentRef;
import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.WhatIf;

/** How every terminal format marks what rests on what-if amendments: the same words and the same JSON shape. */
public final class Hypotheticals {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The banner a hypothetical result opens with. */
    public static final String BANNER = "HYPOTHETICAL: the amended verdicts apply what-if amendments that are not law";

    private Hypotheticals() {
    }

    /** {@code my.json ("Title")}, the amendments one after another. */
    public static String files(List<AmendmentRef> amendments) {
        return amendments.stream().map(a -> a.file() + " (\"" + a.title() + "\", " + a.jurisdiction() + ")")
                .collect(Collectors.joining("; "));
    }

    /** {@code file#id (title)} for each change. */
    public static String changes(List<AmendmentChange> changes) {
        return changes.stream().map(c -> c.ref() + " (" + c.title() + ")").collect(Collectors.joining("; "));
    }

    /** The JSON of one amendment change, as reports and {@code assess --format json} print it. */
    public static ObjectNode change(AmendmentChange c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("file", c.file());
        n.put("id", c.id());
        n.put("kind", c.kind());
        n.put("target", c.target());
        n.put("from", c.from().toString());
        n.put("title", c.title());
        n.put("note", c.note());
        return n;
    }

    /** The JSON of an assessment's what-if: the recorded-law verdict and the changes behind the difference. */
    public static ObjectNode whatIf(Assessment a) {
        WhatIf w = a.whatIf();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("baseline", w.baseline().name());
        n.put("baselineBasis", w.baselineBasis().name());
        n.put("baselineReason", w.baselineReason());
        n.put("changed", a.changedByAmendment());
        ArrayNode changes = n.putArray("changes");
        w.changes().forEach(c -> changes.add(change(c)));
        return n;
    }

    /** The JSON of the amendments in a result's provenance. */
    public static ArrayNode amendments(List<AmendmentRef> amendments) {
        ArrayNode out = MAPPER.createArrayNode();
        for (AmendmentRef a : amendments) {
            ObjectNode n = out.addObject();
            n.put("file", a.file());
            n.put("title", a.title());
            n.put("sha256", a.sha256());
            n.put("jurisdiction", a.jurisdiction());
            n.put("note", a.note());
            ArrayNode changes = n.putArray("changes");
            a.changes().forEach(c -> changes.add(change(c)));
        }
        return out;
    }
}
