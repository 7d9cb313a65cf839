package org.lexgap.core.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Web Signatures in the compact serialization (RFC 7515), algorithm {@code EdDSA} with Ed25519 keys (RFC 8037),
 * built on the JDK's own Ed25519 and Jackson. Only what Lexgap signs is accepted: the protected header must say
 * {@code "alg":"EdDSA"} and name the key by {@code kid}; any other algorithm (including {@code none}), a {@code crit}
 * header, or a key carried in the header itself ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) is refused,
 * since a signature must be checked with a key the trust store holds, never one the signed data brings.
 */
public final class Jws {
    static final String ALGORITHM = "EdDSA";
    static final String CONTENT_TYPE = "lexgap-pack-manifest+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A compact JWS taken apart; {@link #verify} says whether its signature holds for a key. */
    public record Parsed(String keyId, String contentType, byte[] payload, byte[] signingInput, byte[] signature) {
    }

    /** Thrown for a signature that is not a well-formed Lexgap JWS. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private Jws() {
    }

    /** Signs {@code payload}: {@code BASE64URL(header) . BASE64URL(payload) . BASE64URL(Ed25519 signature)}. */
    public static String sign(byte[] payload, KeyPair key) {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("alg", ALGORITHM);
        header.put("kid", Keys.fingerprint(key.getPublic()));
        header.put("cty", CONTENT_TYPE);
        try {
            String input = base64url(MAPPER.writeValueAsBytes(header)) + "." + base64url(payload);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64url(signer.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    public static Parsed parse(String compact) throws Malformed {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            throw new Malformed("not a JWS in compact form (three base64url parts separated by dots)");
        }
        JsonNode header;
        try {
            header = MAPPER.readTree(decode(parts[0]));
        } catch (java.io.IOException e) {
            throw new Malformed("the signature's header is not JSON");
        }
        if (header == null || !header.isObject()) {
            throw new Malformed("the signature's header is not a JSON object");
        }
        if (!ALGORITHM.equals(header.path("alg").asText(null))) {
            throw new Malformed("the signature's algorithm is \"" + header.path("alg").asText("") + "\"; only "
                    + ALGORITHM + " (Ed25519) is accepted");
        }
        for (String refused : new String[] {"crit", "jwk", "jku", "x5u", "x5c"}) {
            if (header.has(refused)) {
                throw new Malformed("the signature's header carries \"" + refused + "\", which is not accepted");
            }
        }
        String kid = header.path("kid").asText(null);
        if (kid == null || !kid.matches("[A-Za-z0-9_-]{43}")) {
            throw new Malformed("the signature's header does not name its key (kid)");
        }
        byte[] signature = decode(parts[2]);
        if (signature.length != 64) {
            throw new Malformed("the signature is not an Ed25519 signature");
        }
        return new Parsed(kid, header.path("cty").asText(null), decode(parts[1]),
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
    }

    /** Whether {@code key} made this signature. */
    public static boolean verify(Parsed parsed, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(parsed.signingInput());
            return verifier.verify(parsed.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String part) throws Malformed {
        if (!part.matches("[A-Za-z0-9_-]*")) {
            throw new Malformed("not a JWS in compact form (a part is not base64url)");
        }
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Malformed("not a JWS in compact form (a part is not base64url)");
        }
    }
}
