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
 * @param amendments    the hypothetical amendments applied on top of the packs, in the order given; empty for a
 *                      result on the recorded law alone
 */
public record Provenance(String lexgapVersion, String edition, LocalDate asOf, List<PackRef> packs,
                         List<AmendmentRef> amendments) {
    public Provenance {
        packs = List.copyOf(packs);
        amendments = List.copyOf(amendments);
    }

    /** As in api 1.1: no amendments. */
    public Provenance(String lexgapVersion, String edition, LocalDate asOf, List<PackRef> packs) {
        this(lexgapVersion, edition, asOf, packs, List.of());
    }

    /** The ids of the packs used that no trusted key signed, in id order; reports must say so. */
    public List<String> unsignedPacks() {
        return packs.stream().filter(p -> !p.signed()).map(PackRef::id).toList();
    }
}
