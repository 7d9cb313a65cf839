package org.lexgap.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackProblem.Severity;
import org.lexgap.api.model.Region;
import org.lexgap.api.service.PackRegistry;
import org.lexgap.core.engine.Catalog;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.pack.PackFiles;

/**
 * What serves, keyed by the bundle that holds each pack. A bundle's last good version keeps serving while it is
 * active, whatever later versions fail; a stopped bundle serves nothing; an uninstalled bundle is forgotten.
 * All changes are serialised on this object, and readers get an immutable {@link Catalog} snapshot.
 *
 * <p>Conflicts: a pack may not claim a jurisdiction, edition or region another serving pack claims, unless it is
 * a newer version of the same pack id, which then replaces the older one (documented in docs/pack-format.md).
 */
public final class PackRegistryImpl implements PackRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PackRegistryImpl.class);

    /** One bundle's pack: the version serving and the outcome of the last attempt. */
    private static final class Slot {
        final long bundleId;
        String location;
        LoadedPack serving;
        boolean active;
        String attemptedId;
        String attemptedVersion;
        List<PackProblem> problems = List.of();

        Slot(long bundleId) {
            this.bundleId = bundleId;
        }
    }

    private final Engine engine;
    private final Map<Long, Slot> slots = new TreeMap<>();
    private volatile Catalog catalog = Catalog.EMPTY;

    public PackRegistryImpl(Engine engine) {
        this.engine = engine;
    }

    /** The serving packs, as one consistent snapshot. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Loads (or reloads) the pack in bundle {@code bundleId}. On success it serves; on failure the bundle's
     * previous good version, if any, keeps serving and the problems are kept for {@link #packs()}.
     */
    public synchronized PackLoader.Attempt load(long bundleId, String location, PackFiles files) {
        Slot slot = slots.computeIfAbsent(bundleId, Slot::new);
        slot.location = location;
        Catalog others = catalogWithout(bundleId);
        PackLoader.Attempt attempt = PackLoader.load(files, others, engine, PackLoader.Tests.GATE);
        slot.attemptedId = attempt.id();
        slot.attemptedVersion = attempt.version();
        List<PackProblem> problems = new ArrayList<>(attempt.problems());
        boolean accepted = false;
        if (attempt.ok()) {
            Optional<String> conflict = conflict(attempt.pack(), bundleId);
            if (conflict.isPresent()) {
                problems.add(new PackProblem(attempt.id(), "pack.json", 0, 0, null, conflict.get(), Severity.ERROR));
            } else {
                slot.serving = attempt.pack();
                accepted = true;
                logSuperseded(attempt.pack(), bundleId);
            }
        }
        if (!accepted && slot.serving != null) {
            problems.add(new PackProblem(attempt.id(), null, 0, 0, null, "the new content"
                    + (attempt.version() == null ? "" : " (version " + attempt.version() + ")")
                    + " was refused; the last good version, " + slot.serving.content().descriptor().version()
                    + ", keeps serving", Severity.WARNING));
        }
        slot.problems = List.copyOf(problems);
        slot.active = true;
        publish();
        if (!accepted) {
            LOG.warn("pack {} ({}) refused: {}", attempt.id(), location,
                    problems.stream().filter(p -> p.severity() == Severity.ERROR).map(PackProblem::format).toList());
        } else {
            LOG.info("pack {} {} serving from bundle {}", attempt.id(), attempt.version(), bundleId);
        }
        return attempt;
    }

    /** The bundle stopped: its pack stops serving but its last good version is kept for when it restarts. */
    public synchronized void deactivate(long bundleId) {
        Slot slot = slots.get(bundleId);
        if (slot != null) {
            slot.active = false;
            publish();
        }
    }

    /** The bundle was uninstalled: forget it. */
    public synchronized void forget(long bundleId) {
        if (slots.remove(bundleId) != null) {
            publish();
        }
    }

    @Override
    public List<PackInfo> packs() {
        List<PackInfo> out = new ArrayList<>();
        synchronized (this) {
            for (Slot slot : slots.values()) {
                out.add(info(slot));
            }
        }
        out.sort(Comparator.comparing(PackInfo::id).thenComparingLong(PackInfo::bundleId));
        return out;
    }

    @Override
    public List<Jurisdiction> jurisdictions() {
        return catalog.jurisdictions().values().stream().map(e -> e.data().jurisdiction()).toList();
    }

    @Override
    public List<Region> regions() {
        return List.copyOf(catalog.regions().values());
    }

    @Override
    public List<ModelLawEdition> editions() {
        return catalog.editions().values().stream().map(p -> p.content().edition()).toList();
    }

    @Override
    public Optional<Region> region(String id) {
        return catalog.region(id);
    }

    private PackInfo info(Slot slot) {
        LoadedPack pack = slot.serving;
        String state;
        if (pack == null) {
            state = "FAILED";
        } else if (!slot.active) {
            state = "STOPPED";
        } else if (!isServing(slot)) {
            state = "SUPERSEDED";
        } else if (slot.problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            state = "SERVING_PREVIOUS";
        } else {
            state = "SERVING";
        }
        if (pack == null) {
            return new PackInfo(slot.attemptedId, slot.attemptedVersion == null ? "?" : slot.attemptedVersion, "", "",
                    "", slot.bundleId, slot.location, state, List.of(), List.of(), slot.problems);
        }
        return new PackInfo(pack.id(), pack.content().descriptor().version(), pack.content().descriptor().title(),
                pack.content().descriptor().kind(), pack.ref().sha256(), slot.bundleId, slot.location, state,
                pack.content().jurisdictions().stream().map(JurisdictionData::code).toList(),
                pack.content().descriptor().editions(), slot.problems);
    }

    private boolean isServing(Slot slot) {
        return catalog.packs().contains(slot.serving);
    }

    private Catalog catalogWithout(long bundleId) {
        return new Catalog(servingSlots().stream().filter(s -> s.bundleId != bundleId).map(s -> s.serving).toList());
    }

    private List<Slot> servingSlots() {
        return slots.values().stream().filter(s -> s.active && s.serving != null).toList();
    }

    /** A newer version of the same pack id replaces older ones; any other overlap is refused. */
    private Optional<String> conflict(LoadedPack candidate, long bundleId) {
        for (Slot other : servingSlots()) {
            if (other.bundleId == bundleId || !catalog.packs().contains(other.serving)) {
                continue;
            }
            LoadedPack pack = other.serving;
            if (pack.id().equals(candidate.id())) {
                if (Versions.compare(candidate.content().descriptor().version(), pack.content().descriptor().version()) > 0) {
                    continue;
                }
                return Optional.of("pack " + candidate.id() + " " + candidate.content().descriptor().version()
                        + " is not newer than version " + pack.content().descriptor().version()
                        + ", already serving from bundle " + other.bundleId);
            }
            Optional<String> overlap = Claims.overlap(candidate, pack);
            if (overlap.isPresent()) {
                return Optional.of(overlap.get() + " is already provided by pack " + pack.id() + " "
                        + pack.content().descriptor().version() + " (bundle " + other.bundleId
                        + "); uninstall it first, or give this pack the same id and a newer version");
            }
        }
        return Optional.empty();
    }

    private void logSuperseded(LoadedPack winner, long bundleId) {
        for (Slot other : slots.values()) {
            if (other.bundleId != bundleId && other.serving != null && other.serving.id().equals(winner.id())) {
                LOG.info("pack {} {} (bundle {}) superseded by version {}", winner.id(),
                        other.serving.content().descriptor().version(), other.bundleId,
                        winner.content().descriptor().version());
            }
        }
    }

    /** Rebuilds the snapshot: per pack id, only the newest serving version; ties go to the older bundle. */
    private void publish() {
        Map<String, Slot> newest = new TreeMap<>();
        for (Slot slot : servingSlots()) {
            newest.merge(slot.serving.id(), slot, (a, b) -> Versions.compare(
                    b.serving.content().descriptor().version(), a.serving.content().descriptor().version()) > 0 ? b : a);
        }
        catalog = new Catalog(newest.values().stream().map(s -> s.serving).toList());
        engine.forget();
    }
}
