package org.lexgap.launcher;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lexgap packs}: the loaded packs, their versions and any load errors. */
@Command(name = "packs", mixinStandardHelpOptions = true,
        description = "List the packs, their versions and state, and every load problem with file and line.")
final class PacksCommand implements Callable<Integer> {
    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return platform.print(spec, running -> running.renderer().renderPacks(running.registry().packs(), format));
    }
}
