package org.lexgap.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.lexgap.api.model.SigningKey;

/**
 * {@code lexgap trust add | list | remove}: the keys whose signatures this user accepts, kept as {@code *.pem} files
 * in the user's trust folder ({@code ~/.lexgap/trust}), beside the distribution's key and any {@code --trust DIR}.
 */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Manage the public keys whose pack signatures this machine accepts (kept in ~/.lexgap/trust;",
                "the key of the packs shipped with Lexgap is always trusted)."},
        subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class, TrustCommand.Remove.class})
final class TrustCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a trust command: add, list or remove");
    }

    /** {@code lexgap trust add KEY.pem}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Trust the public key in FILE (a NAME.pem from 'lexgap pack keygen').")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The public key file.")
        Path file;

        @Option(names = "--name", description = "The name reports show for it (default: the file's name).")
        String name;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no key file at " + file);
            }
            try (Platform running = platform.startBare()) {
                SigningKey key;
                try {
                    key = running.signing().trust(file, name);
                } catch (IllegalArgumentException e) {
                    return PackSigningCommands.failed(spec, e);
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("Trusted " + key.name() + " (key " + key.fingerprint() + "): " + key.file());
                out.flush();
                return 0;
            }
        }
    }

    /** {@code lexgap trust list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the trusted keys and where each comes from.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Platform running = platform.startBare()) {
                List<SigningKey> keys = running.signing().trustedKeys();
                PrintWriter out = spec.commandLine().getOut();
                if (keys.isEmpty()) {
                    out.println("No trusted keys.");
                } else {
                    out.println(String.format("%-20s %-13s %-44s %s", "NAME", "ORIGIN", "KEY", "FILE"));
                    for (SigningKey key : keys) {
                        out.println(String.format("%-20s %-13s %-44s %s", key.name(), key.origin(), key.fingerprint(),
                                key.file()));
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    /** {@code lexgap trust remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Stop trusting a key from the user's trust folder, by name or fingerprint.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "KEY", description = "The key's name or fingerprint.")
        String key;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Platform running = platform.startBare()) {
                SigningKey removed;
                try {
                    removed = running.signing().distrust(key);
                } catch (IllegalArgumentException e) {
                    return PackSigningCommands.failed(spec, e);
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("No longer trusted: " + removed.name() + " (key " + removed.fingerprint() + ")");
                out.flush();
                return 0;
            }
        }
    }
}
