package org.lexgap.core.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers that a pack's load-time tests all passed, so that loading the identical pack again beside the identical
 * packs, with the identical Lexgap build and rule budgets, need not run them again (their outcome is the same).
 * Only a clean pass is remembered: a failure, a breach or a skipped case always runs again. The key is a SHA-256 of
 * all that the outcome depends on, so a changed byte in the pack or in any pack beside it is a new key and the tests
 * run. An entry holds an HMAC of its key under a secret created in the cache folder (readable by its owner only):
 * an entry that is truncated, corrupt, or was not written by us is ignored and the tests run. The allow-list check
 * and the compile are never skipped: this saves time only, never a check that protects.
 */
final class TestCache {
    private final Path directory;
    private final byte[] secret;

    private TestCache(Path directory, byte[] secret) {
        this.directory = directory;
        this.secret = secret;
    }

    /** The cache in {@code directory}, or empty when it cannot be used (then nothing is cached). */
    static Optional<TestCache> open(Path directory) {
        try {
            Files.createDirectories(directory.resolve("tests"));
            Path key = directory.resolve("secret");
            if (!Files.exists(key)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.write(key, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrict(key);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first; use theirs
                }
            }
            byte[] secret = Files.readAllBytes(key);
            return secret.length == 32 ? Optional.of(new TestCache(directory, secret)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions must do
        }
    }

    /** The key of one outcome: the SHA-256 of every part it depends on, in order. */
    static String key(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the tests under {@code key} passed before, as an entry we wrote says. */
    boolean passed(String key) {
        try {
            byte[] stored = Files.readAllBytes(entry(key));
            return MessageDigest.isEqual(stored, mac(key));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Records that the tests under {@code key} passed; a failure to write only means they run next time. */
    void recordPass(String key) {
        Path entry = entry(key);
        try {
            Path temporary = Files.createTempFile(entry.getParent(), key, ".tmp");
            Files.write(temporary, mac(key));
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation
        }
    }

    Path entry(String key) {
        return directory.resolve("tests").resolve(key + ".pass");
    }

    private byte[] mac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("lexgap-tests-passed\0" + key).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
