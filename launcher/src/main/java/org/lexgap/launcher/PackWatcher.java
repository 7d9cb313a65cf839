package org.lexgap.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.lexgap.api.model.PackCheck;
import org.lexgap.api.model.PackInfo;

/**
 * Reloads a directory pack when its files change: after a quiet period (so that an editor's several writes make one
 * reload), the pack is updated in place and its tests are run. A change that breaks the pack is reported and the last
 * good version keeps serving (the registry's rule).
 */
final class PackWatcher implements AutoCloseable {
    /** Changes closer together than this make one reload. */
    static final long QUIET_MILLIS = 300;

    /** One reload's outcome: the pack's state after it, and its test results. */
    record Reload(int number, PackInfo pack, PackCheck tests, long millis) {
    }

    private final Platform platform;
    private final Path directory;
    private final String packId;
    private final WatchService watcher;
    private final Thread thread;
    private volatile boolean running = true;

    PackWatcher(Platform platform, Path directory, String packId, Consumer<Reload> listener) {
        this.platform = platform;
        this.directory = directory.toAbsolutePath().normalize();
        this.packId = packId;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + directory, e);
        }
        this.thread = new Thread(() -> loop(listener), "lexgap-watch-" + packId);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop(Consumer<Reload> listener) {
        int reloads = 0;
        try {
            while (running) {
                WatchKey key = watcher.take();
                drain(key);
                // Quiet period: keep absorbing events until none arrive for QUIET_MILLIS.
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                registerTree(directory);
                long start = System.nanoTime();
                PackInfo info = platform.installer().update(packId, directory);
                PackCheck tests = platform.toolkit().test(directory);
                listener.accept(new Reload(++reloads, info, tests, (System.nanoTime() - start) / 1_000_000));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (running) {
                org.slf4j.LoggerFactory.getLogger(PackWatcher.class).error("watching {} stopped: {}", directory, e.toString());
            }
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Registers every folder under {@code root}, so that files in new sub-folders are seen too. */
    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            // closing
        }
        thread.interrupt();
    }
}
