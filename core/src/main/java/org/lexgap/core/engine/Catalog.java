package org.lexgap.core.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.Region;
import org.lexgap.core.pack.JurisdictionData;

/**
 * An immutable snapshot of the serving packs, indexed for evaluation: model-law packs by edition, jurisdictions by
 * code, regions by id. Evaluations read one snapshot from start to end, so a pack swapped mid-way cannot mix
 * versions into one report.
 */
public final class Catalog {
    /** Where a jurisdiction's law comes from. */
    public record Entry(LoadedPack pack, JurisdictionData data) {
    }

    public static final Catalog EMPTY = new Catalog(List.of());

    private final List<LoadedPack> packs;
    private final Map<String, LoadedPack> editions = new TreeMap<>(
            java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
    private final Map<String, Entry> jurisdictions = new TreeMap<>(org.lexgap.api.model.Jurisdiction.CODE_ORDER);
    private final Map<String, Region> regions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * Builds the snapshot. Packs are expected to be conflict-free (the registry refuses a second pack claiming a
     * jurisdiction, edition or region); if given anyway, the first in the list wins.
     */
    public Catalog(Collection<LoadedPack> packs) {
        this.packs = List.copyOf(packs);
        for (LoadedPack pack : this.packs) {
            // A pack defining several editions serves each through a view of itself defining only that one: same
            // hash and compiled rules, so KieBases are shared across its editions.
            for (ModelLawEdition edition : pack.content().editions()) {
                editions.putIfAbsent(edition.edition(), pack.forEdition(edition.edition()));
            }
            for (JurisdictionData data : pack.content().jurisdictions()) {
                jurisdictions.putIfAbsent(data.code(), new Entry(pack, data));
            }
            for (Region region : pack.content().descriptor().regions()) {
                regions.putIfAbsent(region.id(), region);
            }
        }
    }

    /** This snapshot with {@code candidate} in place of any pack with the same id. */
    public Catalog with(LoadedPack candidate) {
        List<LoadedPack> next = new ArrayList<>();
        next.add(candidate);
        packs.stream().filter(p -> !p.id().equals(candidate.id())).forEach(next::add);
        return new Catalog(next);
    }

    public List<LoadedPack> packs() {
        return packs;
    }

    /** The model-law pack serving {@code edition}, as a view in which {@code content().edition()} is that edition. */
    public Optional<LoadedPack> edition(String edition) {
        return Optional.ofNullable(editions.get(edition));
    }

    public Map<String, LoadedPack> editions() {
        return Collections.unmodifiableMap(editions);
    }

    public Optional<Entry> jurisdiction(String code) {
        return Optional.ofNullable(jurisdictions.get(code.toUpperCase(java.util.Locale.ROOT)));
    }

    public Map<String, Entry> jurisdictions() {
        return Collections.unmodifiableMap(jurisdictions);
    }

    public Optional<Region> region(String id) {
        return Optional.ofNullable(regions.get(id));
    }

    public Map<String, Region> regions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    }
}
