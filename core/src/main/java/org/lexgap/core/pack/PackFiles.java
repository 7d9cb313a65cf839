package org.lexgap.core.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one pack, keyed by their path inside the pack ({@code pack.json}, {@code rules/x.drl}, ...).
 * Where they came from (a bundle, a directory) does not matter past this point.
 */
public final class PackFiles {
    private final String origin;
    private final SortedMap<String, byte[]> files;
    private final String sha256;

    public PackFiles(String origin, Map<String, byte[]> files) {
        this.origin = origin;
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.sha256 = hash(this.files);
    }

    /**
     * The files of a pack directory: every regular file except hidden ones and editor backups (names with
     * {@code ~}), keyed by their path relative to the directory with {@code /} separators.
     */
    public static PackFiles fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no pack directory at " + directory);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                boolean hidden = java.util.Arrays.stream(name.split("/")).anyMatch(part -> part.startsWith("."));
                if (!hidden && !name.contains("~")) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pack directory " + directory, e);
        }
        return new PackFiles(directory.toString(), files);
    }

    /** The paths of all files, in order. */
    public java.util.Set<String> paths() {
        return files.keySet();
    }

    /** Where the pack came from, for messages: a bundle location or a directory. */
    public String origin() {
        return origin;
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public byte[] bytes(String path) {
        return files.get(path);
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    /** Paths under {@code folder/} ending in {@code suffix}, in path order. */
    public List<String> list(String folder, String suffix) {
        List<String> out = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.startsWith(folder + "/") && path.endsWith(suffix)) {
                out.add(path);
            }
        }
        return out;
    }

    /** SHA-256 over every path and content, in path order: equal content gives an equal hash wherever it lives. */
    public String sha256() {
        return sha256;
    }

    private static String hash(SortedMap<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
