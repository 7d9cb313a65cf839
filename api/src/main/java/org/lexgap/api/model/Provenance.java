package org.lexgap.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a result was computed from; the same provenance always gives the same result.
 *
 * @param lexgapVersion the engine's version
 * @param edition       the model-law edition
 * @param asOf          the date the law was read as of
 * @param packs         the packs used, in id order, each with its hash and signer
 */
public record Provenance(String lexgapVersion, String edition, LocalDate asOf, List<PackRef> packs) {
    public Provenance {
        packs = List.copyOf(packs);
    }

    /** The ids of the packs used that no trusted key signed, in id order; reports must say so. */
    public List<String> unsignedPacks() {
        return packs.stream().filter(p -> !p.signed()).map(PackRef::id).toList();
    }
}
