package org.lexgap.core.engine;

import org.lexgap.api.model.PackRef;
import org.lexgap.core.pack.PackContent;
import org.lexgap.core.rules.CompiledRules;

/** A pack that read, checked and compiled cleanly: ready to serve. */
public record LoadedPack(PackContent content, CompiledRules rules) {

    public String id() {
        return content.descriptor().id();
    }

    /** This pack seen as defining only {@code edition} (itself when it defines just that one). */
    public LoadedPack forEdition(String edition) {
        PackContent view = content.forEdition(edition);
        return view == content ? this : new LoadedPack(view, rules);
    }

    public PackRef ref() {
        return content.ref();
    }
}
