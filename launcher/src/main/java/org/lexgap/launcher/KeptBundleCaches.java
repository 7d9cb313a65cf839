package org.lexgap.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the kept Felix bundle caches of other builds ({@code felix-<build>} beside their {@code .lock} files in the
 * cache folder), keeping the most recently used few: each rebuilt distribution gets a new folder of about 20 MB, and
 * nothing else ever removed the old ones.
 *
 * <p>A folder is removed only while its lock is held, so one in use by another process is never touched, and it is
 * first renamed out of the way, so that a removal cut short (the JVM exiting) leaves no half folder under a build's
 * name for that build to start from; leftovers of such a removal are removed on a later run. Lock files stay: they
 * are empty, and removing one another process may have opened would let two processes share a folder.
 */
final class KeptBundleCaches {
    static final String PREFIX = "felix-";
    private static final String LOCK = ".lock";
    private static final String REMOVING = ".removing-";

    private KeptBundleCaches() {
    }

    /** Records that the folder whose lock is {@code lock} was just used (the lock file's time is its last use). */
    static void touch(Path lock) {
        try {
            Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // The order of removal is a preference; a folder whose use was not recorded is only removed sooner.
        }
    }

    /** As {@link #prune}, on a daemon thread, so that start-up does not wait for it. */
    static void pruneInBackground(Path root, int keep) {
        Thread thread = new Thread(() -> prune(root, keep), "lexgap-cache-prune");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Keeps the {@code keep} most recently used bundle caches in {@code root} and removes the others that no process
     * holds; returns the folders removed.
     */
    static List<Path> prune(Path root, int keep) {
        List<Path> removed = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(Files::isDirectory).forEach(folders::add);
        } catch (IOException | UncheckedIOException e) {
            return removed;
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (name.startsWith(PREFIX) && name.contains(REMOVING)) {
                removeTree(folder); // renamed by a removal that was cut short: no process uses it
            }
        }
        List<Path> caches = folders.stream().filter(KeptBundleCaches::isCache)
                .sorted(Comparator.comparing(KeptBundleCaches::lastUse).reversed()).toList();
        for (Path folder : caches.subList(Math.min(keep, caches.size()), caches.size())) {
            if (removeIfFree(folder)) {
                removed.add(folder);
            }
        }
        return removed;
    }

    private static boolean isCache(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith(PREFIX) && !name.contains(".");
    }

    private static FileTime lastUse(Path folder) {
        for (Path marker : List.of(lockOf(folder), folder)) {
            try {
                return Files.getLastModifiedTime(marker);
            } catch (IOException e) {
                // try the next marker
            }
        }
        return FileTime.fromMillis(0);
    }

    static Path lockOf(Path folder) {
        return folder.resolveSibling(folder.getFileName() + LOCK);
    }

    private static boolean removeIfFree(Path folder) {
        try (FileChannel channel = FileChannel.open(lockOf(folder), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return false; // held in this JVM
            }
            if (lock == null) {
                return false; // held by another process
            }
            Path aside = folder.resolveSibling(folder.getFileName() + REMOVING + System.nanoTime());
            try {
                Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return false;
            } finally {
                lock.release();
            }
            removeTree(aside);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void removeTree(Path top) {
        try (Stream<Path> all = Files.walk(top)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left for a later run
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left for a later run
        }
    }
}
