package org.lexgap.launcher;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.lexgap.api.model.PackInfo;

/** Public entry to live reload for embedders and tests: watch a directory pack, hear each reload's outcome. */
public final class PackWatching {
    private PackWatching() {
    }

    /** Starts watching {@code directory} (installed as pack {@code packId}); close the result to stop. */
    public static AutoCloseable watch(Platform platform, Path directory, String packId, Consumer<PackInfo> listener) {
        return new PackWatcher(platform, directory, packId, reload -> listener.accept(reload.pack()));
    }
}
