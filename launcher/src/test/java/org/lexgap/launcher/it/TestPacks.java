package org.lexgap.launcher.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Pack directories for integration tests: copies of the shipped packs that a test may edit. */
final class TestPacks {
    static final Path REPO = Path.of(System.getProperty("lexgap.repo", ".."));
    static final Path MODEL_LAW_8 = REPO.resolve("rulepacks/model-law-8/src/main/pack");
    static final Path ASEAN = REPO.resolve("rulepacks/asean/src/main/pack");
    /** The key the build signed the shipped packs with (launcher/pom.xml passes it). */
    static final Path BUILD_KEY = Path.of(System.getProperty("lexgap.signing.key",
            System.getProperty("user.home") + "/.lexgap/build-key/lexgap-build.key.pem"));

    private TestPacks() {
    }

    static Path copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs the pack with the private key through the real CLI; fails the test if signing fails. */
    static Path sign(Path pack, Path key) {
        Cli signed = Cli.run("pack", "sign", pack.toString(), "--key", key.toString());
        if (signed.exit() != 0) {
            throw new AssertionError("cannot sign " + pack + ": " + signed);
        }
        return pack;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void replace(Path file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not contain " + from);
        }
        write(file, text.replace(from, to));
    }

    /** The version a pack directory's pack.json declares. */
    static String version(Path pack) {
        java.util.regex.Matcher m = VERSION.matcher(read(pack.resolve("pack.json")));
        if (!m.find()) {
            throw new AssertionError(pack + "/pack.json has no version");
        }
        return m.group(1);
    }

    /** Sets the version in a pack directory's pack.json, whatever it was. */
    static void setVersion(Path pack, String version) {
        Path file = pack.resolve("pack.json");
        write(file, VERSION.matcher(read(file)).replaceFirst("\"version\": \"" + version + "\""));
    }

    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
}
