package org.lexgap.api.model;

/**
 * Identifies exactly which pack content produced a result, and who vouches for it.
 *
 * @param id        pack id
 * @param version   the version its pack.json declares
 * @param sha256    SHA-256 over the pack's files (path and content, in path order), hex
 * @param signer    the name the trust store gives the key that signed this content, or {@link #UNSIGNED}
 * @param signerKey that key's fingerprint (its RFC 7638 JWK thumbprint, SHA-256, base64url), or {@code null} when
 *                  the content is unsigned
 */
public record PackRef(String id, String version, String sha256, String signer, String signerKey) {
    /** The signer of content that carries no verified signature. */
    public static final String UNSIGNED = "UNSIGNED";

    public PackRef {
        if (signer == null) {
            signer = UNSIGNED;
        }
    }

    /** An unsigned pack (the 1.0 form). */
    public PackRef(String id, String version, String sha256) {
        this(id, version, sha256, UNSIGNED, null);
    }

    /** Whether a key in the trust store signed exactly this content. */
    public boolean signed() {
        return signerKey != null;
    }
}
