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
}
