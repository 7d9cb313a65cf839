package org.lexgap.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;

import org.lexgap.api.model.AmendmentFile;

/**
 * The parameters of one request: the query string, and for a POST the JSON body's fields over it. A body's
 * {@code amendments} are kept as the text they were sent as, so that problems are located by line in them as the
 * CLI locates them in a file; each is named {@code amendment[i]} in messages.
 */
final class Query {
    private final Map<String, String> values;
    private final List<AmendmentFile> amendments;

    private Query(Map<String, String> values, List<AmendmentFile> amendments) {
        this.values = values;
        this.amendments = List.copyOf(amendments);
    }

    static Query of(HttpServletRequest request) throws IOException {
        Map<String, String> values = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> values.put(k, v.length == 0 ? "" : v[v.length - 1]));
        List<AmendmentFile> amendments = new ArrayList<>();
        if ("POST".equals(request.getMethod())) {
            String body = new String(Http.body(request, Http.MAX_JSON), StandardCharsets.UTF_8);
            if (!body.isBlank()) {
                readBody(body, values, amendments);
            }
        }
        return new Query(values, amendments);
    }

    private static void readBody(String body, Map<String, String> values, List<AmendmentFile> amendments) {
        JsonNode root;
        try {
            root = Http.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object, for example {\"region\": \"ASEAN\"}");
        }
        root.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("amendments")) {
                JsonNode value = field.getValue();
                if (value.isValueNode() && !value.isNull()) {
                    values.put(field.getKey(), value.asText());
                } else if (!value.isNull()) {
                    throw ApiError.badRequest("\"" + field.getKey() + "\" must be a string or a number");
                }
            }
        });
        JsonNode list = root.get("amendments");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiError.badRequest("\"amendments\" must be an array of amendment documents");
            }
            amendments.addAll(rawAmendments(body));
        }
    }

    /** Each element of the top-level "amendments" array as its own text (an object), or a string's content. */
    private static List<AmendmentFile> rawAmendments(String body) {
        List<AmendmentFile> out = new ArrayList<>();
        try (JsonParser parser = Http.JSON.getFactory().createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!name.equals("amendments") || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String path = "amendment[" + out.size() + "]";
                    if (parser.currentToken() == JsonToken.VALUE_STRING) {
                        out.add(new AmendmentFile(path, parser.getText().getBytes(StandardCharsets.UTF_8)));
                    } else if (parser.currentToken() == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getCharOffset();
                        out.add(new AmendmentFile(path, body.substring(start, end).getBytes(StandardCharsets.UTF_8)));
                    } else {
                        throw ApiError.badRequest(path + " must be an amendment document (a JSON object) or the"
                                + " text of an amendment file (a string)");
                    }
                }
            }
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON");
        }
        return out;
    }

    String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw ApiError.badRequest("name the parameter " + name);
        }
        return value;
    }

    LocalDate date(String name, LocalDate fallback) {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("today")) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be a date YYYY-MM-DD, not \"" + value + "\"");
        }
    }

    /** The jurisdiction codes (comma-separated, upper-cased), or empty. */
    List<String> jurisdictions() {
        String value = get("jurisdiction");
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    /** Requires exactly one of jurisdiction and region, as the CLI does. */
    void requireScope() {
        boolean none = jurisdictions().isEmpty() && get("region") == null;
        boolean both = !jurisdictions().isEmpty() && get("region") != null;
        if (none || both) {
            throw ApiError.badRequest("name either jurisdiction=CODE or region=NAME");
        }
    }

    List<AmendmentFile> amendments() {
        return amendments;
    }
}
