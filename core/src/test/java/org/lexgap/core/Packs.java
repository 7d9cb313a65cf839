package org.lexgap.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.lexgap.core.engine.Engine;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.registry.PackLoader;
import org.lexgap.core.registry.PackRegistryImpl;

/** Test helpers: the shipped packs' directories, and packs written on the fly. */
public final class Packs {
    public static final Path MODEL_LAW_8 = Path.of("../rulepacks/model-law-8/src/main/pack");
    public static final Path ASEAN = Path.of("../rulepacks/asean/src/main/pack");
    public static final Path APAC = Path.of("../rulepacks/apac/src/main/pack");
    public static final Path MODEL_LAW_9 = Path.of("../rulepacks/model-law-9/src/main/pack");
    public static final Path MODEL_LAW_1_7 = Path.of("../rulepacks/model-law-1-7/src/main/pack");

    private Packs() {
    }

    public static PackFiles read(Path directory) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackFiles(directory.toString(), files);
    }

    /** A pack from in-memory text files. */
    public static PackFiles of(String origin, Map<String, String> texts) {
        Map<String, byte[]> files = new TreeMap<>();
        texts.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new PackFiles(origin, files);
    }

    /** The shipped files with some replaced or added ({@code null} removes). */
    public static PackFiles edit(Path directory, Map<String, String> changes) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changes.forEach((k, v) -> {
            if (v == null) {
                files.remove(k);
            } else {
                files.put(k, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        return new PackFiles(directory + "(edited)", files);
    }

    /** A registry serving the shipped model-law and ASEAN packs, as bundles 1 and 2. */
    public static PackRegistryImpl registry(Engine engine) {
        PackRegistryImpl registry = new PackRegistryImpl(engine);
        PackLoader.Attempt law = registry.load(1, "model-law-8", read(MODEL_LAW_8));
        PackLoader.Attempt asean = registry.load(2, "asean", read(ASEAN));
        if (!law.ok() || !asean.ok()) {
            throw new AssertionError("shipped packs must load: " + law.problems() + asean.problems());
        }
        return registry;
    }

    /** A registry serving every shipped pack: the three model-law packs first, then ASEAN and APAC. */
    public static PackRegistryImpl all(Engine engine) {
        PackRegistryImpl registry = new PackRegistryImpl(engine);
        long bundle = 1;
        for (Path pack : java.util.List.of(MODEL_LAW_1_7, MODEL_LAW_8, MODEL_LAW_9, ASEAN, APAC)) {
            PackLoader.Attempt attempt = registry.load(bundle++, pack.toString(), read(pack));
            if (!attempt.ok()) {
                throw new AssertionError(pack + " must load: " + attempt.problems());
            }
        }
        return registry;
    }
}
