package org.lexgap.core.pack;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON document read into a tree, with the line and column where each value starts, keyed by JSON pointer, so
 * that a problem found in the tree can be reported at its place in the file.
 */
public final class LocatedJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> locations;

    private LocatedJson(String file, JsonNode root, Map<String, int[]> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /** Thrown for malformed JSON, with the position Jackson stopped at. */
    public static final class Malformed extends Exception {
        public final int line;
        public final int column;

        Malformed(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    public static LocatedJson parse(String file, byte[] content) throws Malformed {
        try {
            JsonNode root = MAPPER.readTree(content);
            if (root == null || root.isMissingNode()) {
                throw new Malformed("the file is empty; expected a JSON object", 1, 1);
            }
            return new LocatedJson(file, root, locate(content));
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new Malformed("malformed JSON: " + e.getOriginalMessage(), at.getLineNr(), at.getColumnNr());
        } catch (IOException e) {
            throw new Malformed("unreadable JSON: " + e.getMessage(), 0, 0);
        }
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** {line, column} of the value at {@code pointer}, or of its nearest located parent; {0, 0} if none. */
    public int[] locate(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private static Map<String, int[]> locate(byte[] content) throws IOException {
        Map<String, int[]> out = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> index = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken token;
            String pending = "";
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    pending = (path.isEmpty() ? "" : path.peek()) + "/" + escape(parser.currentName());
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    path.pop();
                    index.pop();
                    continue;
                }
                String here;
                if (path.isEmpty()) {
                    here = "";
                } else if (index.peek() >= 0) {
                    int i = index.pop();
                    index.push(i + 1);
                    here = path.peek() + "/" + i;
                } else {
                    here = pending;
                }
                JsonLocation at = parser.currentTokenLocation();
                out.put(here, new int[] {at.getLineNr(), at.getColumnNr()});
                if (token == JsonToken.START_OBJECT) {
                    path.push(here);
                    index.push(-1);
                } else if (token == JsonToken.START_ARRAY) {
                    path.push(here);
                    index.push(0);
                }
            }
        }
        return out;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
