package org.lexgap.core.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The keys the platform trusts: every {@code *.pem} public key in its folders, in order (the distribution's folder,
 * which holds the key the shipped packs are signed with, then the user's folder, then any {@code --trust} folder).
 * A key is known by its fingerprint; its name is its file's name without {@code .pem}. Files that are not Ed25519
 * public keys are skipped with a warning, never trusted.
 */
public final class TrustStore {
    /** A folder of trusted keys and what it is ({@code distribution}, {@code user}, {@code option}). */
    public record Source(Path directory, String origin) {
    }

    public static final TrustStore EMPTY = new TrustStore(List.of(), Map.of(), List.of());

    private final List<Source> sources;
    private final Map<String, TrustedKey> byFingerprint;
    private final List<String> warnings;

    private TrustStore(List<Source> sources, Map<String, TrustedKey> byFingerprint, List<String> warnings) {
        this.sources = List.copyOf(sources);
        this.byFingerprint = byFingerprint;
        this.warnings = List.copyOf(warnings);
    }

    /** Reads the folders now; a folder that does not exist holds no keys. */
    public static TrustStore load(List<Source> sources) {
        Map<String, TrustedKey> keys = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Source source : sources) {
            if (!Files.isDirectory(source.directory())) {
                continue;
            }
            try (Stream<Path> files = Files.list(source.directory())) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                    if (file.getFileName().toString().endsWith(".key.pem")) {
                        warnings.add(file + " looks like a private key and is not read; a trust folder holds public keys");
                        continue;
                    }
                    try {
                        var key = Keys.readPublic(file);
                        String fingerprint = Keys.fingerprint(key);
                        String name = file.getFileName().toString().replaceFirst("\\.pem$", "");
                        keys.putIfAbsent(fingerprint, new TrustedKey(name, fingerprint, key, file, source.origin()));
                    } catch (IllegalArgumentException e) {
                        warnings.add(e.getMessage() + "; not trusted");
                    }
                }
            } catch (IOException e) {
                warnings.add("cannot list " + source.directory() + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new TrustStore(sources, keys, warnings);
    }

    public Optional<TrustedKey> byFingerprint(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** The trusted key with this name or fingerprint. */
    public Optional<TrustedKey> find(String nameOrFingerprint) {
        TrustedKey key = byFingerprint.get(nameOrFingerprint);
        if (key != null) {
            return Optional.of(key);
        }
        return byFingerprint.values().stream().filter(k -> k.name().equals(nameOrFingerprint)).findFirst();
    }

    /** Every key, in the order the folders were read. */
    public List<TrustedKey> keys() {
        return List.copyOf(byFingerprint.values());
    }

    public List<Source> sources() {
        return sources;
    }

    public List<String> warnings() {
        return warnings;
    }
}
