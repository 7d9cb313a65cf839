package org.lexgap.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.lexgap.api.model.SignatureCheck;
import org.lexgap.api.model.SigningKey;

/** {@code lexgap pack keygen | sign | verify}: making a signing key, signing a pack, checking a pack's signature. */
final class PackSigningCommands {
    private PackSigningCommands() {
    }

    /** {@code lexgap pack keygen}. */
    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Make an Ed25519 key pair to sign packs with: NAME.key.pem (private: keep it secret)",
                    "and NAME.pem (public: give it to whoever loads your packs)."})
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "A name for the key, e.g. my-office.")
        String name;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to write the two files (default: ~/.lexgap/keys).")
        Path out;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path directory = out != null ? out : Distribution.userKeysDirectory();
            try (Platform running = platform.startBare()) {
                SigningKey key;
                try {
                    key = running.signing().generateKey(name, directory);
                } catch (IllegalArgumentException e) {
                    return failed(spec, e);
                }
                Path publicFile = Path.of(key.file());
                Path privateFile = publicFile.resolveSibling(key.name() + ".key.pem");
                PrintWriter o = spec.commandLine().getOut();
                o.println("Made key pair " + key.name() + " (key " + key.fingerprint() + ")");
                o.println("  private key: " + privateFile + "  (keep it secret; never put it in a pack)");
                o.println("  public key:  " + publicFile + "  (give it to whoever loads your packs)");
                o.println("Sign a pack with:  lexgap pack sign PACK --key " + privateFile);
                o.println("Trust the key with: lexgap trust add " + publicFile);
                o.flush();
                return 0;
            }
        }
    }

    /** {@code lexgap pack sign}. */
    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Sign a pack: write signature.jws, a JWS (EdDSA) over the list of the pack's files and",
                    "their SHA-256. A pack jar is rewritten with the signature inside. Sign again after any change."})
    static final class Sign implements Callable<Integer> {
        @Parameters(paramLabel = "PACK", description = "The pack directory (or pack jar).")
        Path pack;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The private key file (NAME.key.pem).")
        Path key;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(key)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no key file at " + key);
            }
            try (Platform running = platform.startBare()) {
                SignatureCheck check;
                try {
                    check = running.signing().sign(pack, key);
                } catch (IllegalArgumentException e) {
                    return failed(spec, e);
                }
                PrintWriter o = spec.commandLine().getOut();
                o.println("Signed " + check.pack() + " " + check.version() + " (" + check.files() + " files, sha256:"
                        + check.sha256() + ") with key " + check.signer() + " (" + check.signerKey() + ")");
                o.println("Wrote " + (Files.isDirectory(pack) ? pack.resolve("signature.jws") : pack));
                if (!check.message().startsWith("signed by")) {
                    o.println("Note: " + check.message());
                }
                o.flush();
                return 0;
            }
        }
    }

    /** {@code lexgap pack verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a pack's signature against the trusted keys: SIGNED (and by whom), UNSIGNED or",
                    "INVALID (with why). Exit code 5 unless SIGNED."})
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "PACK", description = "The pack directory (or pack jar).")
        Path pack;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Platform running = platform.startBare()) {
                SignatureCheck check = running.signing().verify(pack);
                PrintWriter o = spec.commandLine().getOut();
                o.println(check.pack() + (check.version() == null ? "" : " " + check.version()) + ": " + check.status()
                        + (check.sha256() == null ? "" : " sha256:" + check.sha256()));
                o.println("  " + check.message());
                o.flush();
                return check.status().equals("SIGNED") ? 0 : Main.CHECK_FAILED;
            }
        }
    }

    /** A refusal from the signing service: one line on stderr, exit code 5. */
    static int failed(CommandLine.Model.CommandSpec spec, IllegalArgumentException e) {
        spec.commandLine().getErr().println("lexgap: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return Main.CHECK_FAILED;
    }
}
