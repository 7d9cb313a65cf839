package org.lexgap.launcher;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lexgap shell}: the Felix Gogo shell with Lexgap's commands, in one running platform. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"The Felix Gogo shell with the lexgap commands:",
                "  assess PH [2016-01-01]      matrix ASEAN [2016-01-01]     packs",
                "  addpack PATH                updatepack ID [PATH]          removepack ID",
                "and the framework's own (lb, help). Type 'exit 0' to leave."})
final class ShellCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try (Platform running = platform.start(true)) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            running.awaitStop();
            return 0;
        }
    }
}
