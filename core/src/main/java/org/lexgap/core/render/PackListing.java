package org.lexgap.core.render;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;

/** The list of packs, with version, state, hash, signer and problems, for {@code lexgap packs} and the shell. */
final class PackListing {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PackListing() {
    }

    static String text(List<PackInfo> packs) {
        if (packs.isEmpty()) {
            return "No packs installed.\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-14s %-8s %-17s %-6s %s%n", "PACK", "VERSION", "STATE", "BUNDLE", "COVERS"));
        for (PackInfo p : packs) {
            String covers = p.jurisdictions().isEmpty() ? "model-law edition " + String.join(", ", p.editions())
                    : String.join(" ", p.jurisdictions());
            boolean none = "FAILED".equals(p.state()) || "LOADING".equals(p.state());
            out.append(String.format("%-14s %-8s %-17s %-6s %s%n", p.id(), p.version(), p.state(),
                    p.bundleId() < 0 ? "-" : String.valueOf(p.bundleId()), none ? "" : covers));
            if (!none) {
                out.append("    sha256:").append(p.sha256()).append(' ').append(signer(p.signer(), p.signerKey()))
                        .append('\n');
            }
            for (PackProblem problem : p.problems()) {
                out.append("    ").append(problem.format()).append('\n');
            }
        }
        return out.toString();
    }

    /** "signed by NAME (key FINGERPRINT)", or "UNSIGNED". */
    static String signer(String signer, String signerKey) {
        return signerKey == null ? "UNSIGNED" : "signed by " + signer + " (key " + signerKey + ")";
    }

    static String json(List<PackInfo> packs) {
        ArrayNode array = MAPPER.createArrayNode();
        for (PackInfo p : packs) {
            ObjectNode node = array.addObject();
            node.put("id", p.id());
            node.put("version", p.version());
            node.put("title", p.title());
            node.put("kind", p.kind());
            node.put("state", p.state());
            node.put("sha256", p.sha256());
            node.put("signer", p.signer());
            node.put("signerKey", p.signerKey());
            node.put("bundleId", p.bundleId());
            node.put("location", p.location());
            p.jurisdictions().forEach(node.putArray("jurisdictions")::add);
            p.editions().forEach(node.putArray("editions")::add);
            ArrayNode problems = node.putArray("problems");
            for (PackProblem problem : p.problems()) {
                ObjectNode pn = problems.addObject();
                pn.put("severity", problem.severity().name());
                pn.put("file", problem.file());
                pn.put("line", problem.line());
                pn.put("column", problem.column());
                pn.put("pointer", problem.pointer());
                pn.put("message", problem.message());
            }
        }
        return array.toPrettyString() + "\n";
    }
}
