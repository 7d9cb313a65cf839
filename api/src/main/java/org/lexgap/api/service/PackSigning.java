package org.lexgap.api.service;

import java.nio.file.Path;
import java.util.List;

import org.lexgap.api.model.SignatureCheck;
import org.lexgap.api.model.SigningKey;

/**
 * Signs packs and manages the keys the platform trusts. A signature is a JWS (RFC 7515, compact, {@code alg}
 * EdDSA per RFC 8037) over a manifest of the pack's files and their SHA-256, stored as {@code signature.jws} at the
 * pack's root; the platform accepts it when a key in its trust store made it and every file still matches.
 */
public interface PackSigning {

    /**
     * Makes an Ed25519 key pair in {@code directory}: {@code NAME.key.pem} (the private key, PKCS#8, readable by
     * its owner only) and {@code NAME.pem} (the public key, X.509 SubjectPublicKeyInfo, to hand out).
     *
     * @throws IllegalArgumentException for a bad name, or when either file exists
     */
    SigningKey generateKey(String name, Path directory);

    /**
     * Signs the pack at {@code pack} (a folder, or a pack jar, which is rewritten with the signature) with the
     * private key in {@code privateKey}, and returns the check of the result.
     *
     * @throws IllegalArgumentException when the pack cannot be read or the key file is not an Ed25519 private key
     */
    SignatureCheck sign(Path pack, Path privateKey);

    /** Checks the signature of the pack at {@code pack} against the trust store; never throws for a bad pack. */
    SignatureCheck verify(Path pack);

    /** Every trusted key, with where it comes from, by name. */
    List<SigningKey> trustedKeys();

    /**
     * Adds the public key in {@code publicKey} to the user's trust folder, as {@code name} (or the file's name).
     *
     * @throws IllegalArgumentException when the file is not an Ed25519 public key, or the name is taken by another key
     */
    SigningKey trust(Path publicKey, String name);

    /**
     * Removes the key with this name or fingerprint from the user's trust folder.
     *
     * @throws IllegalArgumentException when the user's folder has no such key (keys shipped with the distribution
     *                                  or given by {@code --trust} are not removed this way)
     */
    SigningKey distrust(String nameOrFingerprint);
}
