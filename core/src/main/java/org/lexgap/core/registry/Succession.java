package org.lexgap.core.registry;

import java.util.List;
import java.util.Optional;

import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.trust.TrustedKey;

/**
 * Who may take a pack id, a jurisdiction, an edition or a region from the packs that hold them. The rules, in the
 * order they are applied (docs/pack-format.md, "Signing and trust"):
 * <ol>
 *   <li>a pack's kind is part of its identity: a pack id held by a model-law pack is never taken by a jurisdictions
 *       pack, nor the other way round;</li>
 *   <li>a pack id held by a signed pack is only ever taken by a newer version signed by the same key (updating a
 *       signed pack in place too: same key, and a newer version unless the content is unchanged);</li>
 *   <li>otherwise a newer version of the same id replaces an older one; the same id and version twice is a
 *       duplicate; an older version is refused;</li>
 *   <li>a pack may not claim a jurisdiction, edition or region that a pack with another id serves.</li>
 * </ol>
 * Rules 1 to 3 need only what pack.json and the signature say, so they are checked before a pack is compiled and
 * tested (a pack that could not serve is never run); all four are checked again when it is switched in.
 */
final class Succession {
    /** Who claims a pack id: what pack.json and the signature say. */
    record Claimant(String id, String version, String kind, TrustedKey signer, String sha256) {
        static Claimant of(LoadedPack pack) {
            return new Claimant(pack.id(), pack.version(), pack.kind(), pack.signer(), pack.ref().sha256());
        }

        boolean signed() {
            return signer != null;
        }

        String signedBy() {
            return signed() ? "signed by " + signer.label() : "unsigned";
        }
    }

    /** A serving pack and where it was installed from, for messages. */
    record Holder(LoadedPack pack, String from) {
    }

    private Succession() {
    }

    /** Rules 1 to 4 for a compiled candidate. */
    static Optional<String> refusal(LoadedPack candidate, LoadedPack own, List<Holder> others) {
        Optional<String> identity = identity(Claimant.of(candidate), own == null ? null : Claimant.of(own), others);
        if (identity.isPresent()) {
            return identity;
        }
        for (Holder holder : others) {
            LoadedPack held = holder.pack();
            if (held.id().equals(candidate.id())) {
                continue;
            }
            Optional<String> overlap = Claims.overlap(candidate, held);
            if (overlap.isPresent()) {
                return Optional.of(overlap.get() + " is already provided by pack " + held.id() + " " + held.version()
                        + " (from " + holder.from() + "); uninstall it first, or give this pack the same id and a"
                        + " newer version");
            }
        }
        return Optional.empty();
    }

    /**
     * Rules 1 to 3.
     *
     * @param own    what the claimant's own slot serves now (an in-place update), or null
     * @param others every other serving pack
     */
    static Optional<String> identity(Claimant candidate, Claimant own, List<Holder> others) {
        if (own != null) {
            Optional<String> inPlace = inPlace(candidate, own);
            if (inPlace.isPresent()) {
                return inPlace;
            }
        }
        for (Holder holder : others) {
            Claimant held = Claimant.of(holder.pack());
            if (!held.id().equals(candidate.id())) {
                continue;
            }
            if (!held.kind().equals(candidate.kind())) {
                return Optional.of(kind(candidate, held, " (serving from " + holder.from() + ")"));
            }
            if (held.signed() && !sameSigner(candidate, held)) {
                return Optional.of("pack " + held.id() + " is held by a pack signed by " + held.signer().label()
                        + "; only a newer version signed by the same key may replace it, and this one is "
                        + candidate.signedBy());
            }
            int c = Versions.compare(candidate.version(), held.version());
            if (c == 0) {
                return Optional.of("duplicate id and version: " + held.id() + " " + held.version()
                        + " is already installed from " + holder.from());
            }
            if (c < 0) {
                return Optional.of("pack " + candidate.id() + " " + candidate.version() + " is older than version "
                        + held.version() + ", already serving from " + holder.from());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inPlace(Claimant candidate, Claimant own) {
        if (!own.id().equals(candidate.id())) {
            // A pack re-read under another id is a new pack for the rules below, but may not shed a signature.
            return own.signed() ? Optional.of("this pack was " + own.id() + ", signed by " + own.signer().label()
                    + "; its new content names another pack id (" + candidate.id() + "); install that as a pack of"
                    + " its own") : Optional.empty();
        }
        if (!own.kind().equals(candidate.kind())) {
            return Optional.of(kind(candidate, own, ""));
        }
        if (own.signed()) {
            if (!sameSigner(candidate, own)) {
                return Optional.of("pack " + own.id() + " is signed by " + own.signer().label() + "; an update must"
                        + " be signed by the same key, and this one is " + candidate.signedBy());
            }
            boolean unchanged = own.sha256().equals(candidate.sha256());
            if (!unchanged && Versions.compare(candidate.version(), own.version()) <= 0) {
                return Optional.of("pack " + own.id() + " " + own.version() + " is signed; changed content must come"
                        + " as a newer version (this one is " + candidate.version() + ")");
            }
        }
        return Optional.empty();
    }

    private static String kind(Claimant candidate, Claimant held, String where) {
        return "pack id " + held.id() + " belongs to a " + held.kind() + " pack" + where + "; a " + candidate.kind()
                + " pack cannot take it (a pack's kind is part of its identity)";
    }

    private static boolean sameSigner(Claimant candidate, Claimant held) {
        return candidate.signed() && candidate.signer().fingerprint().equals(held.signer().fingerprint());
    }
}
