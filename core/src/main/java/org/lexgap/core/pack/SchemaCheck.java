package org.lexgap.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates pack files against the published JSON Schemas (docs/schema, shipped inside the core bundle), so that
 * the loader and any editor using the schemas agree on what a valid pack is.
 */
public final class SchemaCheck {
    /** The schema of each kind of pack file. */
    public enum Kind {
        PACK("pack.schema.json"), EDITION("edition.schema.json"), JURISDICTION("jurisdiction.schema.json"),
        TESTS("tests.schema.json"), REPORT("report.schema.json"), AMENDMENT("amendment.schema.json");

        final String resource;

        Kind(String resource) {
            this.resource = resource;
        }
    }

    private static final Map<Kind, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    /** The $id prefix of the published schemas. */
    private static final String BASE = "https://lexgap.org/schema/";

    private SchemaCheck() {
    }

    /** Reports every schema violation in {@code json} into {@code problems}; returns true if there were none. */
    public static boolean check(Kind kind, LocatedJson json, Problems problems) {
        List<ValidationMessage> messages = schema(kind).validate(json.root()).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
        for (ValidationMessage message : messages) {
            String pointer = message.getInstanceLocation().toString();
            problems.error(json, pointer, isCodePattern(message) ? "does not match the schema: "
                    + org.lexgap.api.model.Jurisdiction.codeProblem(json.root().at(pointer).asText())
                    : describe(message, pointer));
        }
        return messages.isEmpty();
    }

    /** The schemas' pattern for a jurisdiction code (ISO 3166 alpha-2 or 3166-2), explained in words when broken. */
    static final String CODE_PATTERN = "^" + org.lexgap.api.model.Jurisdiction.CODE_PATTERN + "$";

    private static boolean isCodePattern(ValidationMessage message) {
        return "pattern".equals(message.getType()) && message.getMessage().contains(CODE_PATTERN);
    }

    /** networknt prefixes messages with the pointer; we report the pointer separately, so strip it. */
    private static String describe(ValidationMessage message, String pointer) {
        String text = message.getMessage();
        if (text.startsWith(pointer + ": ")) {
            text = text.substring(pointer.length() + 2);
        } else if (text.startsWith(": ")) {
            text = text.substring(2);
        }
        return "does not match the schema: " + text;
    }

    /** Builds the schemas of {@code kinds} now, so that a later first check does not wait for it. */
    public static void prepare(Kind... kinds) {
        for (Kind kind : kinds) {
            schema(kind);
        }
    }

    private static JsonSchema schema(Kind kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                    .build();
            // A schema may $ref another of ours by its $id (the amendment schema reuses the element definition of
            // the jurisdiction schema); those are served from the bundle, never fetched.
            JsonSchemaFactory factory = JsonSchemaFactory.builder(
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                    .schemaLoaders(loaders -> loaders.add(iri -> {
                        String uri = iri.toString();
                        if (!uri.startsWith(BASE)) {
                            return null;
                        }
                        String name = uri.substring(BASE.length());
                        return () -> {
                            InputStream own = SchemaCheck.class.getResourceAsStream("/schema/" + name);
                            if (own == null) {
                                throw new IOException("no schema " + name + " in the core bundle");
                            }
                            return own;
                        };
                    })).build();
            try (InputStream in = SchemaCheck.class.getResourceAsStream("/schema/" + k.resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema missing from the core bundle: " + k.resource);
                }
                return factory.getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
