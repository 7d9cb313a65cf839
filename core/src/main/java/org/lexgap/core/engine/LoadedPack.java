package org.lexgap.core.engine;

import org.lexgap.api.model.PackRef;
import org.lexgap.core.pack.PackContent;
import org.lexgap.core.rules.CompiledRules;

/** A pack that read, checked and compiled cleanly: ready to serve. */
public record LoadedPack(PackContent content, CompiledRules rules) {

    public String id() {
        return content.descriptor().id();
    }

    public PackRef ref() {
        return content.ref();
    }
}
