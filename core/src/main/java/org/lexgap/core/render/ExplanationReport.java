package org.lexgap.core.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lexgap.api.model.Evidence;
import org.lexgap.api.model.Explanation;

/** {@code lexgap explain}: the trace behind one verdict, readable or as JSON. */
final class ExplanationReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExplanationReport() {
    }

    static String text(Explanation e) {
        StringBuilder out = new StringBuilder();
        out.append(e.name()).append(" (").append(e.jurisdiction()).append("), criterion ").append(e.criterion())
                .append(", edition ").append(e.edition()).append(", law as of ").append(e.asOf()).append('\n');
        out.append("  ").append(e.question()).append('\n');
        out.append("Verdict: ").append(e.assessment().status()).append(" (").append(e.assessment().basis())
                .append(e.assessment().rule() == null ? "" : ", " + e.assessment().rule()).append(")\n");
        if (e.assessment().whatIf() != null) {
            out.append(Hypotheticals.BANNER).append(": on the recorded law the verdict is ")
                    .append(e.assessment().whatIf().baseline()).append('\n');
        }
        out.append('\n');
        out.append("1. Provisions in force and the elements they state\n");
        if (e.inForce().isEmpty()) {
            out.append("   none\n");
        }
        for (Explanation.ProvisionTrace p : e.inForce()) {
            out.append("   ").append(p.provision()).append("  ").append(p.citation()).append(", in force ")
                    .append(p.inForce()).append(p.verified() ? "" : " [unverified]")
                    .append(p.hypothetical() == null ? "" : " [hypothetical: " + p.hypothetical().ref() + "]")
                    .append('\n');
            p.elements().forEach(el -> out.append("       ").append(el).append('\n'));
        }
        out.append("\n2. Rules fired, in order (* = concluded something about ").append(e.criterion()).append(")\n");
        for (Explanation.Firing f : e.firings()) {
            out.append(f.relevant() ? "   * " : "     ").append(String.format("%3d ", f.order())).append(f.rule())
                    .append("  <- ").append(String.join(", ", f.matched())).append('\n');
        }
        out.append("\n3. Findings on ").append(e.criterion()).append('\n');
        if (e.findings().isEmpty()) {
            out.append("   none\n");
        }
        e.findings().forEach(f -> out.append("   ").append(f).append('\n'));
        if (e.assessment().interpretation() != null) {
            out.append("\n4. Interpretation applied: ").append(e.assessment().interpretation().id()).append('\n')
                    .append("   ").append(e.assessment().interpretation().reason()).append('\n')
                    .append("   source: ").append(e.assessment().interpretation().source()).append('\n');
        }
        out.append("\nWhy:\n");
        e.because().forEach(b -> out.append("   - ").append(b).append('\n'));
        if (!e.assessment().evidence().isEmpty()) {
            out.append("\nEvidence:\n");
            for (Evidence ev : e.assessment().evidence()) {
                out.append("   - ").append(ev.citation()).append(" (").append(ev.title()).append("), in force ")
                        .append(ev.inForce())
                        .append(ev.hypothetical() == null ? "" : " [hypothetical: " + ev.hypothetical().ref() + "]")
                        .append("\n     ").append(ev.source()).append('\n');
            }
        }
        return out.toString();
    }

    static String json(Explanation e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("jurisdiction", e.jurisdiction());
        root.put("name", e.name());
        root.put("criterion", e.criterion());
        root.put("question", e.question());
        root.put("edition", e.edition());
        root.put("asOf", e.asOf().toString());
        root.put("status", e.assessment().status().name());
        root.put("basis", e.assessment().basis().name());
        root.put("rule", e.assessment().rule());
        root.put("interpretation", e.assessment().interpretation() == null ? null : e.assessment().interpretation().id());
        if (e.assessment().whatIf() != null) {
            root.put("hypothetical", true);
            root.set("whatIf", Hypotheticals.whatIf(e.assessment()));
        }
        ArrayNode inForce = root.putArray("inForce");
        for (Explanation.ProvisionTrace p : e.inForce()) {
            ObjectNode n = inForce.addObject();
            n.put("provision", p.provision());
            n.put("citation", p.citation());
            n.put("inForce", p.inForce() == null ? null : p.inForce().toString());
            n.put("verified", p.verified());
            p.elements().forEach(n.putArray("elements")::add);
            if (p.hypothetical() != null) {
                n.set("hypothetical", Hypotheticals.change(p.hypothetical()));
            }
        }
        ArrayNode firings = root.putArray("firings");
        for (Explanation.Firing f : e.firings()) {
            ObjectNode n = firings.addObject();
            n.put("order", f.order());
            n.put("rule", f.rule());
            n.put("relevant", f.relevant());
            f.matched().forEach(n.putArray("matched")::add);
        }
        e.findings().forEach(root.putArray("findings")::add);
        e.because().forEach(root.putArray("because")::add);
        ArrayNode evidence = root.putArray("evidence");
        e.assessment().evidence().forEach(ev -> {
            ObjectNode n = evidence.addObject().put("citation", ev.citation())
                    .put("inForce", ev.inForce() == null ? null : ev.inForce().toString()).put("source", ev.source());
            if (ev.hypothetical() != null) {
                n.set("hypothetical", Hypotheticals.change(ev.hypothetical()));
            }
        });
        return JsonTrees.write(root);
    }
}
