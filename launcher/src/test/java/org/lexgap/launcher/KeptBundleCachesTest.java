package org.lexgap.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptBundleCachesTest {
    @Test
    void keepsTheMostRecentlyUsedAndRemovesTheRestUnlessInUse(@TempDir Path root) throws Exception {
        // Five builds' caches, used one hour apart: felix-a the oldest, felix-e the newest.
        String[] builds = {"a", "b", "c", "d", "e"};
        for (int k = 0; k < builds.length; k++) {
            Path folder = cache(root, builds[k]);
            Files.setLastModifiedTime(KeptBundleCaches.lockOf(folder), FileTime.fromMillis(1_000_000_000_000L + k * 3_600_000L));
        }
        Files.createDirectories(root.resolve("rules"));
        Files.writeString(root.resolve("secret"), "s");

        try (FileChannel channel = FileChannel.open(KeptBundleCaches.lockOf(root.resolve("felix-b")), StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            List<Path> removed = KeptBundleCaches.prune(root, 3);
            assertEquals(List.of(root.resolve("felix-a")), removed, "felix-b is in use, so only felix-a goes");
        }
        assertFalse(Files.exists(root.resolve("felix-a")));
        for (String kept : List.of("b", "c", "d", "e")) {
            assertTrue(Files.isRegularFile(root.resolve("felix-" + kept).resolve("bundle0").resolve("bundle.jar")), kept);
        }
        assertTrue(Files.isDirectory(root.resolve("rules")), "other folders of the cache are not touched");
        assertTrue(Files.exists(root.resolve("secret")));
        assertTrue(Files.exists(KeptBundleCaches.lockOf(root.resolve("felix-a"))), "lock files stay");

        // Once free, the oldest beyond the newest three goes too.
        assertEquals(List.of(root.resolve("felix-b")), KeptBundleCaches.prune(root, 3));
        assertEquals(List.of(), KeptBundleCaches.prune(root, 3));
    }

    @Test
    void removesWhatAnInterruptedRemovalLeft(@TempDir Path root) throws Exception {
        Path leftover = root.resolve("felix-0123456789abcdef.removing-42");
        Files.createDirectories(leftover.resolve("bundle1"));
        Files.writeString(leftover.resolve("bundle1").resolve("bundle.jar"), "x");
        Path current = cache(root, "0123456789abcdef");

        assertEquals(List.of(), KeptBundleCaches.prune(root, 3));
        assertFalse(Files.exists(leftover));
        assertTrue(Files.isDirectory(current));
    }

    private static Path cache(Path root, String build) throws Exception {
        Path folder = root.resolve("felix-" + build);
        Files.createDirectories(folder.resolve("bundle0"));
        Files.writeString(folder.resolve("bundle0").resolve("bundle.jar"), build);
        Files.createFile(KeptBundleCaches.lockOf(folder));
        return folder;
    }
}
