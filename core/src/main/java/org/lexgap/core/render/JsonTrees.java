package org.lexgap.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.Criterion;
import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.Interpretation;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.PackRef;

/**
 * The JSON tree of a gap analysis, shared by {@code assess --format json} and the reports. Built node by node so
 * that field order, and therefore the bytes, never depend on reflection or map ordering.
 */
public final class JsonTrees {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonTrees() {
    }

    /** Pretty-prints with two-space indents and {@code \n} line ends on every platform, ending in a newline. */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode analysis(GapAnalysis analysis) {

        ObjectNode root = MAPPER.createObjectNode();
        root.put("edition", analysis.edition().edition());
        root.put("asOf", analysis.provenance().asOf().toString());
        if (analysis.hypothetical()) {
            root.put("hypothetical", true);
        }
        if (analysis.region() != null) {
            root.put("region", analysis.region().id());
        }
        ArrayNode criteria = root.putArray("criteriaDefinitions");
        for (Criterion c : analysis.criteria()) {
            ObjectNode node = criteria.addObject();
            node.put("id", c.id());
            node.put("number", c.number());
            node.put("question", c.question());
            node.put("recommendation", c.recommendation());
        }
        ArrayNode jurisdictions = root.putArray("jurisdictions");
        for (JurisdictionResult j : analysis.jurisdictions()) {
            jurisdictions.add(jurisdiction(j));
        }
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("lexgapVersion", analysis.provenance().lexgapVersion());
        provenance.put("edition", analysis.provenance().edition());
        provenance.put("asOf", analysis.provenance().asOf().toString());
        ArrayNode packs = provenance.putArray("packs");
        for (PackRef pack : analysis.provenance().packs()) {
            packs.addObject().put("id", pack.id()).put("version", pack.version()).put("sha256", pack.sha256())
                    .put("signer", pack.signer()).put("signerKey", pack.signerKey());
        }
        analysis.provenance().unsignedPacks().forEach(provenance.putArray("unsigned")::add);
        if (analysis.hypothetical()) {
            provenance.set("amendments", Hypotheticals.amendments(analysis.provenance().amendments()));
        }
        return root;
    }

    private static ObjectNode jurisdiction(JurisdictionResult j) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", j.code());
        node.put("name", j.name());
        node.put("pack", j.pack());
        node.put("met", j.metCount());
        if (j.hypothetical()) {
            node.put("hypothetical", true);
            node.put("metOnRecordedLaw", j.criteria().stream()
                    .filter(a -> a.whatIf().baseline() == org.lexgap.api.model.Status.MET).count());
        }
        ArrayNode criteria = node.putArray("criteria");
        for (Assessment a : j.criteria()) {
            ObjectNode c = criteria.addObject();
            c.put("id", a.criterion());
            c.put("status", a.status().name());
            c.put("basis", a.basis().name());
            c.put("rule", a.rule());
            c.put("reason", a.reason());
            ArrayNode evidence = c.putArray("evidence");
            for (Evidence e : a.evidence()) {
                ObjectNode ev = evidence.addObject();
                ev.put("provision", e.provision());
                ev.put("instrument", e.instrument());
                ev.put("title", e.title());
                ev.put("section", e.section());
                ev.put("citation", e.citation());
                ev.put("inForce", e.inForce() == null ? null : e.inForce().toString());
                ev.put("source", e.source());
                ev.put("verified", e.verified());
                ev.put("summary", e.summary());
                ev.put("inForceBasis", e.inForceBasis());
                if (e.retrieved() != null) {
                    ev.put("retrieved", e.retrieved().toString());
                }
                if (e.hypothetical() != null) {
                    ev.set("hypothetical", Hypotheticals.change(e.hypothetical()));
                }
            }
            if (a.interpretation() != null) {
                Interpretation i = a.interpretation();
                ObjectNode in = c.putObject("interpretation");
                in.put("id", i.id());
                in.put("status", i.status().name());
                in.put("reason", i.reason());
                in.put("source", i.source());
                in.put("verified", i.verified());
                ArrayNode byRules = in.putArray("rulesAlone");
                a.ruleFindings().forEach(byRules::add);
            }
            if (a.whatIf() != null) {
                c.set("whatIf", Hypotheticals.whatIf(a));
            }
        }
        ArrayNode inForce = node.putArray("instrumentsInForce");
        j.inForce().forEach(inForce::add);
        ArrayNode unverified = node.putArray("unverified");
        j.unverified().forEach(unverified::add);
        return node;
    }
}
