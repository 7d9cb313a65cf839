package org.lexgap.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a result was computed from; the same provenance always gives the same result.
 *
 * @param lexgapVersion the engine's version
 * @param edition       the model-law edition
 * @param asOf          the date the law was read as of
 * @param packs         the packs used, in id order
 */
public record Provenance(String lexgapVersion, String edition, LocalDate asOf, List<PackRef> packs) {
    public Provenance {
        packs = List.copyOf(packs);
    }
}
