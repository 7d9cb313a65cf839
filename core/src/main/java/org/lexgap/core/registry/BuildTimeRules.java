package org.lexgap.core.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shipped packs' rules as checked and compiled when the distribution was built (its {@code rules/} folder), so
 * that a first run on a new machine need not parse, allow-list and compile them: the place of the Drools executable
 * model, built at Maven time, in the form the {@link LoadCache} already reads. An entry is named by the same key as
 * a cache entry (a SHA-256 of the build, the rules text and the check context), so it serves only the identical
 * rules, checked in the identical context, by the identical build; any other pack, or a shipped pack changed by one
 * byte, is checked and compiled as always. Entries carry no HMAC: they sit beside the distribution's own jars and
 * are exactly as trustworthy as those (whoever can write one can replace the core bundle), and they are read only
 * through {@link org.lexgap.core.rules.CompiledRulesCodec}'s class filter. No pack can write them: the build's own
 * step does, with {@code record} on.
 */
final class BuildTimeRules {
    private final Path directory;
    private final boolean record;

    BuildTimeRules(Path directory, boolean record) {
        this.directory = directory;
        this.record = record;
    }

    /** The compiled rules stored under {@code key}, when there is such an entry. */
    Optional<byte[]> rules(String key) {
        Path entry = entry(key);
        try {
            return Files.isRegularFile(entry) ? Optional.of(Files.readAllBytes(entry)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code content} under {@code key}, when recording (the build's step). */
    void record(String key, byte[] content) {
        if (record) {
            LoadCache.write(entry(key), content);
        }
    }

    Path entry(String key) {
        return directory.resolve(key + ".rules");
    }
}
