package org.lexgap.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.lexgap.api.model.SignatureCheck;
import org.lexgap.api.service.PackSigning;

/**
 * The build's last step (launcher/pom.xml, phase {@code package}): signs every pack jar in the distribution's
 * {@code packs/} folder and puts the signing key's public half in its {@code trust/} folder, so that the shipped
 * packs are verified when they load. Packs that new modules add to {@code packs/} are signed the same way. Then it
 * checks and compiles the shipped packs' rules once, into the distribution's {@code rules/} folder, so that a first
 * run need not ({@link #recordBuildTimeRules}).
 *
 * <p>The key is a key pair as {@code lexgap pack keygen} writes it: {@code NAME.key.pem} (the argument) with
 * {@code NAME.pem} beside it. When neither exists it is made, outside the repository (by default under
 * {@code ~/.lexgap/build-key}): a private key is never committed. A release build names its own key with
 * {@code -Dlexgap.signing.key=PATH} or the {@code LEXGAP_SIGNING_KEY} environment variable.
 *
 * <p>Usage: {@code BuildSigning DIST KEY.key.pem}
 */
public final class BuildSigning {
    private BuildSigning() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BuildSigning DIST KEY.key.pem");
        }
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path requested = Path.of(args[1]).toAbsolutePath();
        Path privateKey = usable(requested, dist);
        String fileName = privateKey.getFileName().toString();
        if (!fileName.endsWith(".key.pem")) {
            throw new IllegalArgumentException("the signing key's file name must end in .key.pem: " + privateKey);
        }
        String name = fileName.substring(0, fileName.length() - ".key.pem".length());
        Path publicKey = privateKey.resolveSibling(name + ".pem");
        Distribution distribution = new Distribution(dist);
        try (Platform platform = Platform.start(new Platform.Options(distribution, false, List.of(), List.of(), false))) {
            PackSigning signing = platform.signing();
            if (!Files.exists(privateKey)) {
                if (Files.exists(publicKey)) {
                    throw new IllegalStateException(publicKey + " exists without its private key " + privateKey);
                }
                signing.generateKey(name, privateKey.getParent());
                System.out.println("lexgap build: made the build signing key " + privateKey + " (outside the"
                        + " repository; a release build sets -Dlexgap.signing.key or LEXGAP_SIGNING_KEY)");
            }
            if (!Files.isRegularFile(publicKey)) {
                throw new IllegalStateException("the public key " + publicKey + " must sit beside " + privateKey);
            }
            Path trust = distribution.trustDirectory();
            Files.createDirectories(trust);
            try (Stream<Path> old = Files.list(trust)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".pem")).toList()) {
                    Files.delete(file);
                }
            }
            Files.copy(publicKey, trust.resolve(name + ".pem"), StandardCopyOption.REPLACE_EXISTING);
            int signed = 0;
            for (Path jar : distribution.packs()) {
                SignatureCheck check = signing.sign(jar, privateKey);
                if (!"SIGNED".equals(check.status()) || !name.equals(check.signer())
                        || !"distribution".equals(originOf(signing, check.signerKey()))) {
                    throw new IllegalStateException("signing " + jar + " did not verify: " + check.message()
                            + " (is " + publicKey + " the public half of " + privateKey + "?)");
                }
                signed++;
            }
            System.out.println("lexgap build: signed " + signed + " pack(s) in " + distribution.home().resolve("packs")
                    + " with key " + name);
        }
        int compiled = recordBuildTimeRules(distribution);
        System.out.println("lexgap build: checked and compiled the shipped packs' rules into "
                + distribution.buildTimeRules() + " (" + compiled + " pack(s))");
    }

    /**
     * Loads every shipped pack once, as a command does, writing the rules it checks and compiles into the
     * distribution's {@link Distribution#buildTimeRules} folder, emptied first (older entries name an older build in
     * their key, so they would never serve, only pile up). The key is the one a command's load computes, so a run
     * that loads the same packs the same way (every shipped pack, or the ones {@link PackSelection} picks: model-law
     * packs first, each jurisdictions pack beside the editions it names) finds them. A shipped pack must load: one that
     * is refused fails the build.
     */
    static int recordBuildTimeRules(Distribution distribution) throws IOException {
        Path folder = distribution.buildTimeRules();
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path entry : old.toList()) {
                Files.delete(entry);
            }
        }
        Platform.Options options = new Platform.Options(distribution, true, List.of(), List.of(), false)
                .withProperty(Platform.BUILD_TIME_RULES, folder.toString())
                .withProperty(Platform.RECORD_RULES, "true");
        try (Platform platform = Platform.start(options)) {
            if (!platform.failedPacks().isEmpty()) {
                throw new IllegalStateException("shipped packs were refused: " + platform.failedPacks());
            }
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return (int) entries.filter(p -> p.toString().endsWith(".rules")).count();
        }
    }

    /**
     * The key to use: the one asked for, unless it does not exist and its folder cannot be made (a read-only home),
     * in which case a key is made inside the build's own target folder, so that the build still works.
     */
    private static Path usable(Path requested, Path dist) {
        if (Files.exists(requested)) {
            return requested;
        }
        try {
            Files.createDirectories(requested.getParent());
            if (Files.isWritable(requested.getParent())) {
                return requested;
            }
        } catch (IOException e) {
            // fall through
        }
        Path fallback = dist.resolveSibling("build-key").resolve(requested.getFileName());
        System.out.println("lexgap build: cannot write " + requested.getParent() + "; using " + fallback
                + " (made anew after mvn clean)");
        return fallback;
    }

    private static String originOf(PackSigning signing, String fingerprint) {
        return signing.trustedKeys().stream().filter(k -> k.fingerprint().equals(fingerprint)).map(k -> k.origin())
                .findFirst().orElse("none");
    }
}
