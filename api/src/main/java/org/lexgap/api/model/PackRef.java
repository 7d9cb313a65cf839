package org.lexgap.api.model;

/**
 * Identifies exactly which pack content produced a result.
 *
 * @param id      pack id
 * @param version the version its pack.json declares
 * @param sha256  SHA-256 over the pack's files (path and content, in path order), hex
 */
public record PackRef(String id, String version, String sha256) {
}
