package org.lexgap.api.service;

import java.util.List;
import java.util.Optional;

import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.Region;

/**
 * The packs the platform knows: those serving and those refused, with their problems. All lists are in a stable
 * order (by id or code) so that output built from them is deterministic.
 */
public interface PackRegistry {

    /** Every pack the platform has seen, serving or refused, ordered by id then bundle id. */
    List<PackInfo> packs();

    /** The jurisdictions of the serving packs, ordered by code. */
    List<Jurisdiction> jurisdictions();

    /** The regions the serving packs declare, ordered by id. */
    List<Region> regions();

    /** The model-law editions the serving packs define, ordered by edition. */
    List<ModelLawEdition> editions();

    /** The region with this id (case-insensitive), if a serving pack declares it. */
    Optional<Region> region(String id);
}
