package org.lexgap.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the distribution's parts are: {@code bundles/} (the platform), {@code packs/} (the shipped packs, signed at
 * build time), {@code trust/} (the public key they are signed with). The home is the {@code lexgap.home} system
 * property if set, else the folder above the launcher jar's {@code lib/}.
 *
 * <p>The user's own files live in the user folder: the {@code lexgap.user.dir} system property, else the
 * {@code LEXGAP_USER_DIR} environment variable, else {@code ~/.lexgap}. It holds {@code trust/} (the keys the user
 * trusts, managed by {@code lexgap trust}) and {@code keys/} (where {@code lexgap pack keygen} puts new key pairs).
 */
public record Distribution(Path home) {

    public static Distribution locate() {
        String property = System.getProperty("lexgap.home");
        if (property != null) {
            return new Distribution(Path.of(property));
        }
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Distribution(jar.getParent().getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Lexgap distribution", e);
        }
    }

    /** A platform bundle by file name without extension, for example {@code lexgap-core}. */
    /**
     * Names this build: a hash of the name, size and time of every jar in lib/ and bundles/, so that anything a
     * cache keeps for one build is not used by another.
     */
    public String buildId() {
        StringBuilder text = new StringBuilder();
        for (String folder : List.of("lib", "bundles")) {
            try (java.util.stream.Stream<Path> jars = java.nio.file.Files.list(home.resolve(folder))) {
                for (Path jar : jars.sorted().toList()) {
                    text.append(jar.getFileName()).append(' ').append(java.nio.file.Files.size(jar)).append(' ')
                            .append(java.nio.file.Files.getLastModifiedTime(jar).toMillis()).append('\n');
                }
            } catch (java.io.IOException e) {
                text.append(folder).append(" unreadable\n");
            }
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The folder of the shipped packs' rules as checked and compiled when this distribution was built
     * ({@link BuildSigning}); absent in a distribution built without that step.
     */
    public Path buildTimeRules() {
        return home.resolve("rules");
    }

    public Path bundle(String name) {
        Path path = home.resolve("bundles").resolve(name + ".jar");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing bundle " + path + "; rebuild with: mvn -DskipTests package");
        }
        return path;
    }

    /** The folder of public keys shipped with the distribution: the key the shipped packs are signed with. */
    public Path trustDirectory() {
        return home.resolve("trust");
    }

    /** The user's Lexgap folder (see the class comment). */
    public static Path userDirectory() {
        String property = System.getProperty("lexgap.user.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("LEXGAP_USER_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".lexgap");
    }

    /** The keys the user trusts, beside the distribution's. */
    public static Path userTrustDirectory() {
        return userDirectory().resolve("trust");
    }

    /** Where new key pairs go unless told otherwise. */
    public static Path userKeysDirectory() {
        return userDirectory().resolve("keys");
    }

    /** The shipped packs, model-law packs first so that jurisdiction packs' criterion ids can be checked. */
    public List<Path> packs() {
        try (Stream<Path> files = Files.list(home.resolve("packs"))) {
            return files.filter(p -> p.toString().endsWith(".jar"))
                    .sorted((a, b) -> {
                        boolean la = a.getFileName().toString().contains("model-law");
                        boolean lb = b.getFileName().toString().contains("model-law");
                        return la != lb ? (la ? -1 : 1) : a.compareTo(b);
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + home.resolve("packs"), e);
        }
    }
}
