package org.lexgap.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The legal-element vocabulary: the attributes a {@code LegalElement} has and the values each may take. Read from
 * the published jurisdiction schema so that the schema, the loader and the DRL checks can never disagree.
 */
public final class Vocabulary {
    private static final Map<String, Set<String>> VALUES = load();

    private Vocabulary() {
    }

    /** Attribute name to its allowed values, for the enumerated attributes ({@code type}, {@code conduct}, ...). */
    public static Map<String, Set<String>> values() {
        return VALUES;
    }

    private static Map<String, Set<String>> load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream("/schema/jurisdiction.schema.json")) {
            JsonNode properties = new ObjectMapper().readTree(in).at("/$defs/element/properties");
            Map<String, Set<String>> out = new LinkedHashMap<>();
            properties.fields().forEachRemaining(field -> {
                JsonNode values = field.getValue().get("enum");
                if (values != null) {
                    Set<String> set = new TreeSet<>();
                    values.forEach(v -> set.add(v.asText()));
                    out.put(field.getKey(), Collections.unmodifiableSet(set));
                }
            });
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For messages: the allowed values of {@code attribute}. */
    public static List<String> allowed(String attribute) {
        return List.copyOf(VALUES.getOrDefault(attribute, Set.of()));
    }
}
