package org.lexgap.core.registry;

import java.util.Optional;

import org.lexgap.api.model.Region;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.pack.JurisdictionData;

/** What a pack claims (jurisdictions, an edition, regions), and where two packs' claims overlap. */
public final class Claims {
    private Claims() {
    }

    public static Optional<String> overlap(LoadedPack a, LoadedPack b) {
        for (JurisdictionData x : a.content().jurisdictions()) {
            for (JurisdictionData y : b.content().jurisdictions()) {
                if (x.code().equals(y.code())) {
                    return Optional.of("jurisdiction " + x.code());
                }
            }
        }
        for (var x : a.content().editions()) {
            if (b.content().edition(x.edition()).isPresent()) {
                return Optional.of("model-law edition " + x.edition());
            }
        }
        for (Region x : a.content().descriptor().regions()) {
            for (Region y : b.content().descriptor().regions()) {
                if (x.id().equalsIgnoreCase(y.id())) {
                    return Optional.of("region " + x.id());
                }
            }
        }
        return Optional.empty();
    }
}
