package org.lexgap.core.trust;

import java.nio.file.Path;
import java.security.PublicKey;

import org.lexgap.api.model.SigningKey;

/** A public key the platform trusts, with the name people know it by and where it was found. */
public record TrustedKey(String name, String fingerprint, PublicKey key, Path file, String origin) {

    public SigningKey describe() {
        return new SigningKey(name, fingerprint, file.toString(), origin);
    }

    /** How messages name it: {@code name (key fingerprint)}. */
    public String label() {
        return name + " (key " + fingerprint + ")";
    }
}
