package org.lexgap.core.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.ModelLawEdition;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackProblem.Severity;
import org.lexgap.api.model.PackRef;
import org.lexgap.api.model.Region;
import org.lexgap.api.service.PackRegistry;
import org.lexgap.core.engine.Catalog;
import org.lexgap.core.engine.Engine;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.pack.JurisdictionData;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.trust.Signatures;
import org.lexgap.core.trust.TrustStore;

/**
 * What serves. Each installed pack has a slot, keyed by where it was installed from; a slot's last good version
 * keeps serving while it is active, whatever later versions fail. A load is {@linkplain #prepare prepared} (read,
 * signature checked, compiled, tested) without any lock, beside what serves, and then {@linkplain #commit committed}
 * under this object's lock, where the succession rules ({@link Succession}) are checked against what serves at that
 * moment and the switch is one write of the {@link Catalog} snapshot readers use. So a refused update leaves no gap,
 * and listing or removing packs never waits for a load.
 */
public final class PackRegistryImpl implements PackRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PackRegistryImpl.class);

    /** One installed pack: the version serving and the outcome of the last attempt. */
    private static final class Slot {
        final String key;
        Path source;
        long bundleId = -1;
        LoadedPack serving;
        boolean active = true;
        boolean restarting;
        String attemptedId;
        String attemptedVersion;
        List<PackProblem> problems = List.of();

        Slot(String key) {
            this.key = key;
        }

        String from() {
            return source != null ? source.toString() : key;
        }
    }

    /** A load prepared off the lock, ready to be committed. {@code pack} is null when it was refused already. */
    public record Candidate(String key, Path source, String id, String version, LoadedPack pack,
                            List<PackProblem> problems, LoadCancellation cancellation) {
    }

    /** What a commit did: whether the candidate now serves, and the slot's bundle (or -1). */
    public record Outcome(boolean accepted, long bundleId, LoadedPack pack) {
    }

    private final Engine engine;
    private final Supplier<TrustStore> trust;
    private final boolean requireSigned;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, String> loading = new LinkedHashMap<>();
    private volatile Catalog catalog = Catalog.EMPTY;

    /** A registry that trusts no key and accepts unsigned packs (tests, authoring tools). */
    public PackRegistryImpl(Engine engine) {
        this(engine, () -> TrustStore.EMPTY, false);
    }

    /**
     * @param trust         reads the trust store for each load
     * @param requireSigned refuse every pack no trusted key signed
     */
    public PackRegistryImpl(Engine engine, Supplier<TrustStore> trust, boolean requireSigned) {
        this.engine = engine;
        this.trust = trust;
        this.requireSigned = requireSigned;
    }

    /** The serving packs, as one consistent snapshot. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Reads, verifies, checks, compiles and tests a pack beside what serves; changes nothing. {@code read} gives the
     * pack's files (and may refuse them); it runs here so that reading counts against the load's time budget.
     *
     * @throws LoadCancellation.Cancelled when the load was cancelled
     */
    public Candidate prepare(String key, Path source, Supplier<PackFiles> read, LoadCancellation cancellation) {
        String guess = source == null ? key : PackFiles.peekId(source).orElse(source.getFileName() != null
                ? source.getFileName().toString() : key);
        PackFiles files;
        try {
            files = read.get();
        } catch (PackFiles.Refused e) {
            // Cancelling interrupts the reading thread, which the reader reports as a file it could not read.
            cancellation.check();
            return refused(key, source, guess, null, e.file(), e.getMessage(), cancellation);
        }
        cancellation.check();
        org.lexgap.core.internal.Timeline.mark("pack " + guess + " read");
        Signatures.Identity identity = Signatures.identity(files);
        String id = identity.id() != null ? identity.id() : guess;
        Signatures.Verdict verdict = Signatures.verify(files, trust.get());
        org.lexgap.core.internal.Timeline.mark("pack " + id + " signature verified");
        if (verdict.status() == Signatures.Verdict.Status.INVALID) {
            return refused(key, source, id, identity.version(), PackFiles.SIGNATURE, "signature refused: "
                    + verdict.message(), cancellation);
        }
        if (!verdict.signed() && requireSigned) {
            return refused(key, source, id, identity.version(), null, "unsigned: --require-signed accepts only packs"
                    + " signed by a trusted key", cancellation);
        }
        if (identity.id() != null && identity.version() != null && identity.kind() != null) {
            // A pack that could not take its id is refused before it is compiled or run.
            Optional<String> refusal = preCheck(key, new Succession.Claimant(identity.id(), identity.version(),
                    identity.kind(), verdict.key(), files.sha256()));
            if (refusal.isPresent()) {
                return refused(key, source, id, identity.version(), "pack.json", refusal.get(), cancellation);
            }
        }
        cancellation.check();
        PackLoader.Attempt attempt = PackLoader.load(files, verdict.key(), catalogWithout(key), engine,
                PackLoader.Tests.GATE, cancellation);
        return new Candidate(key, source, attempt.id(), attempt.version(), attempt.pack(), attempt.problems(),
                cancellation);
    }

    /** A candidate refused before it could be loaded, with one reason. */
    public Candidate refused(String key, Path source, String id, String version, String file, String reason,
                             LoadCancellation cancellation) {
        return new Candidate(key, source, id, version, null,
                List.of(new PackProblem(id, file, 0, 0, null, reason, Severity.ERROR)), cancellation);
    }

    /**
     * Switches to {@code candidate} if it was not cancelled and the succession rules allow it against what serves
     * now, in one step; otherwise records why and leaves what serves as it is.
     *
     * @param install create the slot if there is none (an update whose slot was removed meanwhile is dropped)
     */
    public Outcome commit(Candidate candidate, boolean install) {
        Outcome outcome;
        List<PackProblem> logged;
        synchronized (this) {
            Slot slot = slots.get(candidate.key());
            if (slot == null && !install) {
                LOG.info("pack {} was removed while it loaded; the load is dropped", candidate.id());
                return new Outcome(false, -1, null);
            }
            if (slot == null) {
                slot = new Slot(candidate.key());
                slots.put(candidate.key(), slot);
            }
            if (slot.source == null) {
                slot.source = candidate.source();
            }
            List<PackProblem> problems = new ArrayList<>(candidate.problems());
            LoadedPack pack = candidate.pack();
            String cancelled = candidate.cancellation().reason();
            if (cancelled != null) {
                if (problems.stream().noneMatch(p -> cancelled.equals(p.message()))) {
                    problems.add(new PackProblem(candidate.id(), null, 0, 0, null, cancelled, Severity.ERROR));
                }
                pack = null;
            }
            boolean accepted = false;
            if (pack != null) {
                Optional<String> refusal = Succession.refusal(pack, slot.serving, holders(slot));
                if (refusal.isPresent()) {
                    problems.add(new PackProblem(candidate.id(), "pack.json", 0, 0, null, refusal.get(), Severity.ERROR));
                } else {
                    slot.serving = pack;
                    slot.active = true;
                    if (candidate.source() != null) {
                        // What 'updatepack ID' re-reads from now on: the content that serves.
                        slot.source = candidate.source();
                    }
                    accepted = true;
                }
            }
            if (!accepted && slot.serving != null) {
                problems.add(new PackProblem(candidate.id(), null, 0, 0, null, "the new content"
                        + (candidate.version() == null ? "" : " (version " + candidate.version() + ")")
                        + " was refused; the last good version, " + slot.serving.version() + ", keeps serving",
                        Severity.WARNING));
            }
            slot.attemptedId = candidate.id();
            slot.attemptedVersion = candidate.version();
            slot.problems = List.copyOf(problems);
            if (accepted) {
                publish();
            }
            outcome = new Outcome(accepted, slot.bundleId, pack);
            logged = slot.problems;
        }
        if (outcome.accepted()) {
            LOG.info("pack {} {} serving ({}, {})", candidate.id(), candidate.version(), candidate.key(),
                    outcome.pack().ref().signer());
        } else {
            LOG.warn("pack {} ({}) refused: {}", candidate.id(), candidate.key(), logged.stream()
                    .filter(p -> p.severity() == Severity.ERROR).map(PackProblem::format).toList());
        }
        return outcome;
    }

    /**
     * Loads and commits in one call, as the bundle {@code bundleId} installed from {@code location}: for tests and
     * tools that have the files in hand.
     */
    public PackLoader.Attempt load(long bundleId, String location, PackFiles files) {
        Candidate candidate = prepare(location, null, () -> files, LoadCancellation.none());
        synchronized (this) {
            commit(candidate, true);
            slots.get(location).bundleId = bundleId;
        }
        return new PackLoader.Attempt(candidate.id(), candidate.version(), candidate.pack(), List.of(),
                candidate.problems());
    }

    /** Records which bundle mirrors a slot's serving content. */
    public synchronized void bound(String key, long bundleId) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.bundleId = bundleId;
        }
    }

    /** A load is under way for {@code key} (shown as {@code LOADING} until it is committed). */
    public synchronized void loading(String key, String what) {
        loading.put(key, what);
    }

    public synchronized void loaded(String key) {
        loading.remove(key);
    }

    /** The slot's bundle is being updated to the content that already serves: its stop and restart change nothing. */
    public synchronized void restarting(String key, boolean restarting) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.restarting = restarting;
        }
    }

    /** The bundle started (again): its slot serves. */
    public synchronized void activate(long bundleId) {
        Slot slot = byBundle(bundleId);
        if (slot != null && !slot.active) {
            slot.active = true;
            publish();
        }
    }

    /** The bundle stopped: its pack stops serving, and its last good version is kept for when it restarts. */
    public synchronized void deactivate(long bundleId) {
        Slot slot = byBundle(bundleId);
        if (slot != null && !slot.restarting && slot.active) {
            slot.active = false;
            publish();
        }
    }

    /** The bundle was uninstalled: forget its slot. */
    public synchronized void forget(long bundleId) {
        Slot slot = byBundle(bundleId);
        if (slot != null) {
            slots.remove(slot.key);
            publish();
        }
    }

    /**
     * A bundle with the pack header that Lexgap did not install: listed as refused, never read (the framework has
     * seen its manifest already, which is exactly what Lexgap's own installs avoid).
     */
    public synchronized void refuseForeign(long bundleId, String location, String id) {
        Slot slot = slots.computeIfAbsent("bundle:" + bundleId, Slot::new);
        slot.bundleId = bundleId;
        slot.attemptedId = id;
        slot.problems = List.of(new PackProblem(id, null, 0, 0, null, "installed into the framework directly (" + location
                + "); Lexgap loads packs itself ('addpack PATH', --packs), so that a pack's manifest and code never"
                + " reach the framework", Severity.ERROR));
    }

    /**
     * Removes the pack {@code packId} (its serving slot, else the newest slot that tried that id) and returns its
     * key and bundle id, or empty when no slot has that id.
     */
    public synchronized Optional<Map.Entry<String, Long>> remove(String packId) {
        Optional<Slot> slot = slotOf(packId);
        slot.ifPresent(s -> {
            slots.remove(s.key);
            publish();
        });
        return slot.map(s -> Map.entry(s.key, s.bundleId));
    }

    /** The key and source of the pack {@code packId}, for updates. */
    public synchronized Optional<Map.Entry<String, Path>> find(String packId) {
        return slotOf(packId).map(s -> new java.util.AbstractMap.SimpleEntry<>(s.key, s.source));
    }

    public synchronized boolean installed(String key) {
        return slots.containsKey(key);
    }

    public synchronized long bundleOf(String key) {
        Slot slot = slots.get(key);
        return slot == null ? -1 : slot.bundleId;
    }

    /** What the registry knows of the slot {@code key}, or a FAILED entry when the load was dropped. */
    public synchronized PackInfo info(String key, String fallbackId) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return new PackInfo(fallbackId, "?", "", "", "", -1, key, "FAILED", List.of(), List.of(),
                    List.of(new PackProblem(fallbackId, null, 0, 0, null, "removed while it loaded", Severity.ERROR)));
        }
        return info(slot);
    }

    @Override
    public List<PackInfo> packs() {
        List<PackInfo> out = new ArrayList<>();
        synchronized (this) {
            for (Slot slot : slots.values()) {
                out.add(info(slot));
            }
            loading.forEach((key, what) -> {
                if (!slots.containsKey(key)) {
                    out.add(new PackInfo(what, "?", "", "", "", -1, key, "LOADING", List.of(), List.of(), List.of()));
                }
            });
        }
        out.sort(Comparator.comparing(PackInfo::id).thenComparingLong(PackInfo::bundleId)
                .thenComparing(PackInfo::location));
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

    private Optional<Slot> slotOf(String packId) {
        Slot found = null;
        for (Slot slot : slots.values()) {
            boolean serves = slot.serving != null && slot.serving.id().equals(packId);
            if (serves && catalog.packs().contains(slot.serving)) {
                return Optional.of(slot);
            }
            if (serves || packId.equals(slot.attemptedId)) {
                found = slot;
            }
        }
        return Optional.ofNullable(found);
    }

    private Slot byBundle(long bundleId) {
        if (bundleId < 0) {
            return null;
        }
        return slots.values().stream().filter(s -> s.bundleId == bundleId).findFirst().orElse(null);
    }

    private PackInfo info(Slot slot) {
        LoadedPack pack = slot.serving;
        String state;
        if (pack == null) {
            state = "FAILED";
        } else if (!slot.active) {
            state = "STOPPED";
        } else if (!catalog.packs().contains(pack)) {
            state = "SUPERSEDED";
        } else if (slot.problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            state = "SERVING_PREVIOUS";
        } else {
            state = "SERVING";
        }
        if (pack == null) {
            return new PackInfo(slot.attemptedId, slot.attemptedVersion == null ? "?" : slot.attemptedVersion, "", "",
                    "", slot.bundleId, slot.key, state, List.of(), List.of(), slot.problems);
        }
        PackRef ref = pack.ref();
        return new PackInfo(pack.id(), pack.version(), pack.content().descriptor().title(), pack.kind(), ref.sha256(),
                slot.bundleId, slot.key, state, pack.content().jurisdictions().stream().map(JurisdictionData::code).toList(),
                pack.content().descriptor().editions(), slot.problems, ref.signer(), ref.signerKey());
    }

    private synchronized Optional<String> preCheck(String key, Succession.Claimant claimant) {
        Slot slot = slots.get(key);
        LoadedPack own = slot == null ? null : slot.serving;
        return Succession.identity(claimant, own == null ? null : Succession.Claimant.of(own),
                slot == null ? holders(null) : holders(slot));
    }

    private synchronized Catalog catalogWithout(String key) {
        Slot slot = slots.get(key);
        if (slot == null || slot.serving == null) {
            return catalog;
        }
        return new Catalog(catalog.packs().stream().filter(p -> p != slot.serving).toList());
    }

    /** Every serving pack but {@code slot}'s, with where it came from. */
    private List<Succession.Holder> holders(Slot slot) {
        List<Succession.Holder> out = new ArrayList<>();
        for (Slot other : slots.values()) {
            if (other != slot && other.active && other.serving != null && catalog.packs().contains(other.serving)) {
                out.add(new Succession.Holder(other.serving, other.from()));
            }
        }
        return out;
    }

    /** Rebuilds the snapshot: per pack id, only the newest active version; ties go to the slot installed first. */
    private void publish() {
        Map<String, LoadedPack> newest = new TreeMap<>();
        for (Slot slot : slots.values()) {
            if (slot.active && slot.serving != null) {
                newest.merge(slot.serving.id(), slot.serving, (a, b) -> Versions.compare(b.version(), a.version()) > 0 ? b : a);
            }
        }
        catalog = new Catalog(List.copyOf(newest.values()));
        engine.retain(catalog.packs());
    }
}
