package org.lexgap.core.engine;

import org.lexgap.api.model.PackRef;
import org.lexgap.core.pack.PackContent;
import org.lexgap.core.rules.CompiledRules;
import org.lexgap.core.trust.TrustedKey;

/**
 * A pack that read, checked and compiled cleanly: ready to serve.
 *
 * @param signer the trusted key whose signature covers exactly this content, or {@code null} when unsigned
 */
public record LoadedPack(PackContent content, CompiledRules rules, TrustedKey signer) {

    /** An unsigned pack. */
    public LoadedPack(PackContent content, CompiledRules rules) {
        this(content, rules, null);
    }

    public String id() {
        return content.descriptor().id();
    }

    /** This pack seen as defining only {@code edition} (itself when it defines just that one). */
    public LoadedPack forEdition(String edition) {
        PackContent view = content.forEdition(edition);
        return view == content ? this : new LoadedPack(view, rules, signer);
    }

    public String version() {
        return content.descriptor().version();
    }

    public String kind() {
        return content.descriptor().kind();
    }

    public boolean signed() {
        return signer != null;
    }

    /** The content, version, hash and signer, as results cite it. */
    public PackRef ref() {
        PackRef ref = content.ref();
        return signer == null ? ref
                : new PackRef(ref.id(), ref.version(), ref.sha256(), signer.name(), signer.fingerprint());
    }
}
