package org.lexgap.api.model;

import java.util.List;

/**
 * A pack as the registry knows it.
 *
 * @param id             pack id (from pack.json)
 * @param version        the serving version, or the refused version when none serves
 * @param title          title
 * @param kind           {@code model-law} or {@code jurisdictions}
 * @param sha256         hash of the serving content
 * @param bundleId       the OSGi bundle holding the serving content, or -1 when none does (a refused pack)
 * @param location       where the pack was installed from (a bundle location such as {@code lexgap:dir:/path})
 * @param state          {@code SERVING}, {@code SERVING_PREVIOUS} (a newer version was refused), {@code SUPERSEDED}
 *                       (a newer version of the same id serves), {@code STOPPED} or {@code FAILED}
 * @param jurisdictions  jurisdiction codes it covers
 * @param editions       model-law editions it defines or targets
 * @param problems       errors and warnings from the last load attempt
 * @param signer         the trust store's name for the key that signed the serving content, or
 *                       {@link PackRef#UNSIGNED}
 * @param signerKey      that key's fingerprint (RFC 7638 thumbprint), or {@code null} when unsigned
 */
public record PackInfo(String id, String version, String title, String kind, String sha256, long bundleId,
                       String location, String state, List<String> jurisdictions, List<String> editions,
                       List<PackProblem> problems, String signer, String signerKey) {
    public PackInfo {
        jurisdictions = List.copyOf(jurisdictions);
        editions = List.copyOf(editions);
        problems = List.copyOf(problems);
        if (signer == null) {
            signer = PackRef.UNSIGNED;
        }
    }

    /** The 1.0 form, without signer: the pack counts as unsigned. */
    public PackInfo(String id, String version, String title, String kind, String sha256, long bundleId,
                    String location, String state, List<String> jurisdictions, List<String> editions,
                    List<PackProblem> problems) {
        this(id, version, title, kind, sha256, bundleId, location, state, jurisdictions, editions, problems,
                PackRef.UNSIGNED, null);
    }

    /** Whether a trusted key signed the serving content. */
    public boolean signed() {
        return signerKey != null;
    }
}
