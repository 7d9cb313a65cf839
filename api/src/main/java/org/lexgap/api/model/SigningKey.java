package org.lexgap.api.model;

/**
 * An Ed25519 public key: one the platform trusts, or one just made or used to sign.
 *
 * @param name        a readable name (the key file's name without {@code .pem})
 * @param fingerprint its RFC 7638 JWK thumbprint (SHA-256, base64url): what signatures name it by
 * @param file        the file the key was read from or written to
 * @param origin      {@code distribution} (shipped with Lexgap), {@code user} (added with {@code trust add}),
 *                    {@code option} (a {@code --trust} folder) or {@code new} (just made)
 */
public record SigningKey(String name, String fingerprint, String file, String origin) {
}
