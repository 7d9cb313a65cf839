package org.lexgap.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a pack folder. The walk never follows a link and decides from the file system's sizes before reading
 * anything: a symbolic link, a special file, a {@code META-INF} folder, code, too many files or a file over the
 * size limit refuses the pack without its content being opened. Files are then opened without following links and
 * read no further than the limits, so a file that changes between the walk and the read cannot get past them.
 */
final class PackFolder {
    private PackFolder() {
    }

    private record Found(Path file, String name, long size) {
    }

    static PackFiles read(Path directory, PackFiles.Limits limits) {
        Path root;
        try {
            // The folder the user named may itself be reached through a link; what is inside it may not.
            root = directory.toRealPath();
        } catch (IOException e) {
            throw new PackFiles.Refused(null, "no pack directory at " + directory);
        }
        if (!Files.isDirectory(root)) {
            throw new PackFiles.Refused(null, "no pack directory at " + directory);
        }
        List<Found> found = walk(root, limits);
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        for (Found f : found) {
            byte[] bytes = readBounded(f, limits.maxFileBytes());
            total += bytes.length;
            if (total > limits.maxPackBytes()) {
                throw overPack(limits);
            }
            PackEntries.checkContent(f.name(), bytes);
            files.put(f.name(), bytes);
        }
        return new PackFiles(directory.toString(), files);
    }

    private static List<Found> walk(Path root, PackFiles.Limits limits) {
        List<Found> found = new ArrayList<>();
        long[] total = {0};
        int[] entries = {0};
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 64, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = name(root, dir);
                    if (PackEntries.ignored(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (name.equalsIgnoreCase("META-INF")) {
                        throw new PackFiles.Refused("META-INF", "a pack folder may not carry META-INF (found "
                                + listing(dir) + "): the loader writes the manifest itself; delete the folder");
                    }
                    if (name.equalsIgnoreCase("OSGI-INF")) {
                        throw new PackFiles.Refused("OSGI-INF", "a pack folder may not carry OSGI-INF: a pack is data,"
                                + " not code; delete the folder");
                    }
                    if (++entries[0] > limits.maxFiles()) {
                        throw overCount(limits);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = name(root, file);
                    if (PackEntries.ignored(name)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        throw new PackFiles.Refused(name, "symbolic link: " + name + " (links are not followed;"
                                + " put the file itself in the pack)");
                    }
                    if (!attrs.isRegularFile()) {
                        throw new PackFiles.Refused(name, "not a regular file: " + name);
                    }
                    PackEntries.checkPath(name);
                    if (++entries[0] > limits.maxFiles()) {
                        throw overCount(limits);
                    }
                    if (attrs.size() > limits.maxFileBytes()) {
                        throw overFile(name, attrs.size(), limits.maxFileBytes(), true);
                    }
                    total[0] += attrs.size();
                    if (total[0] > limits.maxPackBytes()) {
                        throw overPack(limits);
                    }
                    found.add(new Found(file, name, attrs.size()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String name = name(root, file);
                    throw new PackFiles.Refused(name, "cannot read " + name + " (" + e.getClass().getSimpleName() + ")");
                }
            });
        } catch (IOException e) {
            throw new PackFiles.Refused(null, "cannot read the pack folder (" + e.getClass().getSimpleName() + ")");
        }
        return found;
    }

    /** Reads at most {@code limit} bytes, without following a link that replaced the file since the walk. */
    private static byte[] readBounded(Found f, long limit) {
        try (SeekableByteChannel channel = Files.newByteChannel(f.file(),
                java.util.Set.<java.nio.file.OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
             InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 16) + 1);
            if (bytes.length > limit) {
                throw overFile(f.name(), bytes.length, limit, false);
            }
            return bytes;
        } catch (IOException e) {
            // A link put in place of the file after the walk fails here (ELOOP) and is never followed.
            throw new PackFiles.Refused(f.name(), "cannot read " + f.name() + " (" + e.getClass().getSimpleName()
                    + "; a symbolic link is never followed)");
        }
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String listing(Path dir) {
        try (var children = Files.list(dir)) {
            return children.map(p -> "META-INF/" + PackEntries.printable(p.getFileName().toString())).sorted()
                    .limit(3).toList().toString().replaceAll("[\\[\\]]", "");
        } catch (IOException e) {
            return "META-INF";
        }
    }

    /** {@code exact}: the size is known (from the file system or a header), not only that reading went past the limit. */
    static PackFiles.Refused overFile(String name, long size, long limit, boolean exact) {
        return new PackFiles.Refused(name, "file over the size limit: " + name + (exact ? " is " + PackEntries.size(size)
                : " holds more than its limit") + " (limit " + PackEntries.size(limit) + " a file)");
    }

    static PackFiles.Refused overPack(PackFiles.Limits limits) {
        return new PackFiles.Refused(null, "pack over the size limit: more than " + PackEntries.size(limits.maxPackBytes())
                + " in all");
    }

    static PackFiles.Refused overCount(PackFiles.Limits limits) {
        return new PackFiles.Refused(null, "too many files: more than " + limits.maxFiles() + " in one pack");
    }
}
