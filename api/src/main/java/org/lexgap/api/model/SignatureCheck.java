package org.lexgap.api.model;

/**
 * What checking one pack's signature found.
 *
 * @param pack      the pack id (from pack.json), or the path when it has none
 * @param version   the pack's version, or {@code null}
 * @param sha256    SHA-256 over the pack's files, as reports show it
 * @param files     how many files the signature covers
 * @param status    {@code SIGNED} (a trusted key signed exactly these files), {@code UNSIGNED} (no signature) or
 *                  {@code INVALID} (a signature that does not hold: unknown key, altered files, bad signature)
 * @param signer    the trusted key's name, or {@link PackRef#UNSIGNED}
 * @param signerKey the key's fingerprint, or {@code null}
 * @param message   one line for people: what holds or what is wrong
 */
public record SignatureCheck(String pack, String version, String sha256, int files, String status, String signer,
                             String signerKey, String message) {
}
