package org.lexgap.core.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds every {@code source} written in one pack file, with what carries it. Used by the checker (every source is
 * read by {@link SourceForm}) and by the source listing, so both see the same sources. It reads the JSON tree
 * tolerantly: a file that fails its schema still lists whatever sources it has.
 */
public final class SourceFields {
    /**
     * One source field.
     *
     * @param pointer   JSON pointer of the source value
     * @param kind      instrument, provision, interpretation, region, edition, criterion or global-results
     * @param item      the id of what carries it
     * @param source    the text
     * @param verified  the item's effective verified flag (a provision's own, else its instrument's or inserting
     *                  instrument's), or {@code null} when the item carries none
     * @param retrieved the item's retrieval date as written, or {@code null}
     */
    public record Field(String pointer, String kind, String item, String source, Boolean verified, String retrieved) {
    }

    private SourceFields() {
    }

    /** The source fields of {@code json}, whose path inside the pack is {@code file}, in document order. */
    public static List<Field> of(String file, JsonNode root) {
        List<Field> out = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return out;
        }
        if (file.equals(PackReader.DESCRIPTOR)) {
            JsonNode regions = root.path("regions");
            for (int i = 0; i < regions.size(); i++) {
                add(out, regions.get(i), "/regions/" + i, "region", text(regions.get(i), "id"), null, "source");
            }
        } else if (PackReader.isEditionFile(file)) {
            add(out, root, "", "edition", text(root, "edition"), null, "source");
            JsonNode criteria = root.path("criteria");
            for (int i = 0; i < criteria.size(); i++) {
                add(out, criteria.get(i), "/criteria/" + i, "criterion", text(criteria.get(i), "id"), null,
                        "recommendationSource");
            }
            JsonNode global = root.path("globalResults");
            if (global.isObject()) {
                add(out, global, "/globalResults", "global-results", text(root, "edition"), flag(global), "source");
            }
        } else if (file.startsWith("jurisdictions/")) {
            jurisdiction(root, out);
        }
        return out;
    }

    private static void jurisdiction(JsonNode root, List<Field> out) {
        JsonNode instruments = root.path("instruments");
        Map<String, Boolean> verifiedById = new HashMap<>();
        for (JsonNode in : instruments) {
            if (in.hasNonNull("id")) {
                verifiedById.put(in.get("id").asText(), flag(in));
            }
        }
        for (int i = 0; i < instruments.size(); i++) {
            JsonNode in = instruments.get(i);
            String at = "/instruments/" + i;
            add(out, in, at, "instrument", text(in, "id"), flag(in), "source");
            JsonNode provisions = in.path("provisions");
            for (int j = 0; j < provisions.size(); j++) {
                JsonNode p = provisions.get(j);
                Boolean verified = flag(p);
                if (verified == null) {
                    String insertedBy = text(p, "insertedBy");
                    verified = insertedBy != null && verifiedById.containsKey(insertedBy) ? verifiedById.get(insertedBy)
                            : flag(in);
                }
                add(out, p, at + "/provisions/" + j, "provision", text(p, "id"), verified, "source");
            }
        }
        JsonNode interpretations = root.path("interpretations");
        for (int i = 0; i < interpretations.size(); i++) {
            JsonNode in = interpretations.get(i);
            add(out, in, "/interpretations/" + i, "interpretation", text(in, "id"), flag(in), "source");
        }
    }

    private static void add(List<Field> out, JsonNode node, String at, String kind, String item, Boolean verified,
                            String field) {
        JsonNode source = node.get(field);
        if (source != null && source.isTextual()) {
            out.add(new Field(at + "/" + field, kind, item == null ? "" : item, source.asText(), verified,
                    text(node, "retrieved")));
        }
    }

    private static Boolean flag(JsonNode node) {
        JsonNode value = node.get("verified");
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
