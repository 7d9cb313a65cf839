package org.lexgap.core.pack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one pack, keyed by their path inside the pack ({@code pack.json}, {@code rules/x.drl}, ...), and its
 * detached signature if it has one. Where they came from (a folder, a jar) does not matter past this point: both
 * are read by {@link PackFolder} and {@link PackArchive} under the same {@link Limits}, checked before a byte is read.
 */
public final class PackFiles {
    /** The file at a pack's root that holds its signature; it is not one of the pack's files and not hashed. */
    public static final String SIGNATURE = "signature.jws";

    /** Caps on what one pack may hold, checked from sizes before reading and again while reading. */
    public record Limits(int maxFiles, long maxFileBytes, long maxPackBytes) {
        /** 1,000 files, 4 MiB a file, 32 MiB a pack: about a hundred times the largest shipped pack. */
        public static final Limits DEFAULT = new Limits(1_000, 4L << 20, 32L << 20);
    }

    /** A pack refused before or while its files were read: a one-line reason, and the file it concerns. */
    public static final class Refused extends RuntimeException {
        private final String file;

        public Refused(String file, String reason) {
            super(reason);
            this.file = file;
        }

        /** The path inside the pack the reason is about, or {@code null} for the pack as a whole. */
        public String file() {
            return file;
        }
    }

    private final String origin;
    private final SortedMap<String, byte[]> files;
    private final byte[] signature;
    private final String sha256;

    public PackFiles(String origin, Map<String, byte[]> files) {
        this(origin, files, null);
    }

    public PackFiles(String origin, Map<String, byte[]> files, byte[] signature) {
        this.origin = origin;
        TreeMap<String, byte[]> sorted = new TreeMap<>(files);
        if (signature == null && sorted.containsKey(SIGNATURE)) {
            signature = sorted.get(SIGNATURE);
        }
        sorted.remove(SIGNATURE);
        this.files = Collections.unmodifiableSortedMap(sorted);
        this.signature = signature;
        this.sha256 = hash(this.files);
    }

    /** The files of a pack folder, under the default limits (see {@link PackFolder}). */
    public static PackFiles fromDirectory(Path directory) {
        return PackFolder.read(directory, Limits.DEFAULT);
    }

    /** The pack at {@code path}: a folder, or a pack jar read as an archive; refused with a reason otherwise. */
    public static PackFiles read(Path path, Limits limits) {
        if (Files.isDirectory(path)) {
            return PackFolder.read(path, limits);
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return PackArchive.read(path, limits);
        }
        if (Files.isSymbolicLink(path)) {
            throw new Refused(null, "symbolic link: " + path + " (links are not followed)");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(null, "no pack at " + path);
        }
        throw new Refused(null, "not a regular file or folder: " + path);
    }

    /**
     * The id a pack folder's pack.json names, read loosely and no further than its first 64 KiB, never through a
     * link: only to name a pack whose files were refused. Empty for a jar or an unreadable pack.json.
     */
    public static Optional<String> peekId(Path path) {
        Path descriptor = path.resolve("pack.json");
        if (!Files.isDirectory(path) || !Files.isRegularFile(descriptor, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (java.io.InputStream in = Files.newInputStream(descriptor, LinkOption.NOFOLLOW_LINKS)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([a-z][a-z0-9-]{0,63})\"")
                    .matcher(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** This pack with {@code signature} as its signature. */
    public PackFiles withSignature(byte[] signature) {
        return new PackFiles(origin, files, signature);
    }

    /** The paths of all files, in order. */
    public Set<String> paths() {
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

    /** The content of {@value #SIGNATURE}, if the pack carries one. */
    public Optional<byte[]> signature() {
        return Optional.ofNullable(signature);
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

    /** Each file's own SHA-256 (hex), by path in path order: what a signature's manifest lists. */
    public SortedMap<String, String> digests() {
        SortedMap<String, String> out = new TreeMap<>();
        files.forEach((path, bytes) -> out.put(path, HexFormat.of().formatHex(digest().digest(bytes))));
        return out;
    }

    private static String hash(SortedMap<String, byte[]> files) {
        MessageDigest digest = digest();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.getValue());
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
