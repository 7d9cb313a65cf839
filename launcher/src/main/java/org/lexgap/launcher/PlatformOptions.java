package org.lexgap.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Options every command that starts the platform shares. */
final class PlatformOptions {
    @Option(names = "--packs", paramLabel = "DIR",
            description = "Add the pack in DIR, or every pack directory or pack jar inside DIR (repeatable).")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--no-shipped-packs", description = "Do not load the packs shipped with Lexgap.")
    boolean noShippedPacks;

    @Option(names = {"-v", "--verbose"}, description = "Log what the platform does (to stderr).")
    boolean verbose;

    Platform start() {
        return start(false);
    }

    /** Starts without the shipped pack with this id, so that its source directory can be loaded in its place. */
    Platform startExcluding(String packId) {
        return Platform.start(options(false).withoutShipped(packId));
    }

    Platform start(boolean shell) {
        return Platform.start(options(shell));
    }

    private Platform.Options options(boolean shell) {
        Platform.Options options = Platform.Options.defaults().withPacks(packs);
        if (noShippedPacks) {
            options = options.withoutShippedPacks();
        }
        if (shell) {
            options = options.withShell();
        }
        return options;
    }
}
