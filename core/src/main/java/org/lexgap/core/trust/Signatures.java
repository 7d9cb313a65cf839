package org.lexgap.core.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lexgap.core.pack.PackFiles;

/**
 * A pack's signature: a JWS ({@link Jws}) whose payload is the pack's manifest, the list of its files with the
 * SHA-256 of each, plus the id, version and kind its pack.json declares. The signature is detached from the files
 * it covers (it is the file {@value PackFiles#SIGNATURE}, itself not covered), so signing changes no pack file and
 * no pack hash. It holds when a trusted key made it and the pack has exactly the files it lists, each unchanged.
 */
public final class Signatures {
    static final String FORMAT = "lexgap-pack-manifest/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a pack's signature says about it. */
    public record Verdict(Status status, TrustedKey key, String message) {
        public enum Status { SIGNED, UNSIGNED, INVALID }

        public static final Verdict UNSIGNED = new Verdict(Status.UNSIGNED, null, "the pack carries no signature ("
                + PackFiles.SIGNATURE + ")");

        public boolean signed() {
            return status == Status.SIGNED;
        }
    }

    /** The identity pack.json declares, read loosely (the loader validates it properly). */
    public record Identity(String id, String version, String kind) {
    }

    private Signatures() {
    }

    /** The manifest a signature covers, as the bytes that are signed (deterministic: the same files give the same bytes). */
    static byte[] manifest(PackFiles files) {
        Identity identity = identity(files);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode pack = root.putObject("pack");
        pack.put("id", identity.id());
        pack.put("version", identity.version());
        pack.put("kind", identity.kind());
        ArrayNode list = root.putArray("files");
        files.digests().forEach((path, sha) -> list.addObject().put("path", path).put("sha256", sha));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the pack's files; returns the content of {@value PackFiles#SIGNATURE}. */
    public static String sign(PackFiles files, KeyPair key) {
        return Jws.sign(manifest(files), key) + "\n";
    }

    /** Checks the pack's signature, if any, against the trust store. */
    public static Verdict verify(PackFiles files, TrustStore trust) {
        if (files.signature().isEmpty()) {
            return Verdict.UNSIGNED;
        }
        Jws.Parsed parsed;
        try {
            parsed = Jws.parse(new String(files.signature().get(), StandardCharsets.US_ASCII));
        } catch (Jws.Malformed e) {
            return invalid(e.getMessage());
        }
        TrustedKey key = trust.byFingerprint(parsed.keyId()).orElse(null);
        if (key == null) {
            return invalid("signed by key " + parsed.keyId() + ", which is not in the trust store (add its public key"
                    + " with 'lexgap trust add KEY.pem', or name its folder with --trust DIR)");
        }
        if (!Jws.verify(parsed, key.key())) {
            return new Verdict(Verdict.Status.INVALID, null, "the signature does not verify with key " + key.label()
                    + ": it was not made by that key or was altered");
        }
        SortedMap<String, String> signed;
        try {
            signed = signedFiles(parsed.payload());
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        List<String> differences = new ArrayList<>();
        SortedMap<String, String> actual = files.digests();
        for (Map.Entry<String, String> file : actual.entrySet()) {
            String expected = signed.get(file.getKey());
            if (expected == null) {
                differences.add(file.getKey() + " was added after signing");
            } else if (!expected.equals(file.getValue())) {
                differences.add(file.getKey() + " was changed after signing");
            }
        }
        signed.keySet().stream().filter(path -> !actual.containsKey(path))
                .forEach(path -> differences.add(path + " was removed after signing"));
        if (!differences.isEmpty()) {
            return invalid("the pack's files differ from what " + key.label() + " signed: " + differences.get(0)
                    + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more)" : "")
                    + "; sign it again or restore the files");
        }
        return new Verdict(Verdict.Status.SIGNED, key, "signed by " + key.label() + "; all " + actual.size()
                + " files match");
    }

    /** The id, version and kind pack.json declares, or placeholders when it cannot be read. */
    public static Identity identity(PackFiles files) {
        JsonNode node = null;
        if (files.contains("pack.json")) {
            try {
                node = MAPPER.readTree(files.bytes("pack.json"));
            } catch (IOException e) {
                node = null;
            }
        }
        if (node == null || !node.isObject()) {
            return new Identity(null, null, null);
        }
        return new Identity(node.path("id").asText(null), node.path("version").asText(null),
                node.path("kind").asText(null));
    }

    private static SortedMap<String, String> signedFiles(byte[] payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the signed manifest is not JSON");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText(null)) || !root.path("files").isArray()) {
            throw new IllegalArgumentException("the signed content is not a Lexgap pack manifest (" + FORMAT + ")");
        }
        SortedMap<String, String> out = new TreeMap<>();
        for (JsonNode file : root.path("files")) {
            String path = file.path("path").asText(null);
            String sha = file.path("sha256").asText(null);
            if (path == null || sha == null || out.put(path, sha) != null) {
                throw new IllegalArgumentException("the signed manifest lists a file twice or without its hash");
            }
        }
        return out;
    }

    private static Verdict invalid(String message) {
        return new Verdict(Verdict.Status.INVALID, null, message);
    }
}
