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
 * Remembers two outcomes of loading a pack, so that loading identical content again need not redo the work:
 * <ul>
 *   <li>that a pack's load-time tests all passed beside the identical packs, with the identical Lexgap build and rule
 *       budgets (only a clean pass: a failure, a breach or a skipped case always runs again);</li>
 *   <li>a pack's rules as checked and compiled, for the identical rules text, rule-check context and build (only
 *       rules that passed the allow-list and compiled are ever written).</li>
 * </ul>
 * The key is a SHA-256 of all that the outcome depends on, so a changed byte is a new key and the work is done
 * again. Every entry carries an HMAC of its kind, key and content under a secret created in the cache folder
 * (readable by its owner only): an entry that is truncated, corrupt, or was not written by this user's Lexgap is
 * ignored and the work is done afresh. A pack's content never chooses what is read: only the key derived from it.
 */
final class LoadCache {
    private static final int MAC_BYTES = 32;
    private final Path directory;
    private final byte[] secret;

    private LoadCache(Path directory, byte[] secret) {
        this.directory = directory;
        this.secret = secret;
    }

    /** The cache in {@code directory}, or empty when it cannot be used (then nothing is cached). */
    static Optional<LoadCache> open(Path directory) {
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
            return secret.length == 32 ? Optional.of(new LoadCache(directory, secret)) : Optional.empty();
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
        write(entry(key), mac(key));
    }

    Path entry(String key) {
        return directory.resolve("tests").resolve(key + ".pass");
    }

    /** The compiled rules stored under {@code key} by {@link #storeRules}, when the entry is intact and ours. */
    Optional<byte[]> rules(String key) {
        try {
            byte[] stored = Files.readAllBytes(rulesEntry(key));
            if (stored.length < MAC_BYTES) {
                return Optional.empty();
            }
            byte[] content = java.util.Arrays.copyOfRange(stored, MAC_BYTES, stored.length);
            byte[] expected = mac("lexgap-compiled-rules\0" + key + "\0", content);
            return MessageDigest.isEqual(java.util.Arrays.copyOf(stored, MAC_BYTES), expected) ? Optional.of(content)
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code content} (checked and compiled rules) under {@code key}; a failure to write costs time only. */
    void storeRules(String key, byte[] content) {
        byte[] mac = mac("lexgap-compiled-rules\0" + key + "\0", content);
        byte[] entry = new byte[MAC_BYTES + content.length];
        System.arraycopy(mac, 0, entry, 0, MAC_BYTES);
        System.arraycopy(content, 0, entry, MAC_BYTES, content.length);
        write(rulesEntry(key), entry);
    }

    Path rulesEntry(String key) {
        return directory.resolve("rules").resolve(key + ".rules");
    }

    /** Writes {@code content} to {@code entry} whole or not at all (a temporary file moved into place). */
    static void write(Path entry, byte[] content) {
        try {
            Files.createDirectories(entry.getParent());
            Path temporary = Files.createTempFile(entry.getParent(), entry.getFileName().toString(), ".tmp");
            Files.write(temporary, content);
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation
        }
    }

    private byte[] mac(String key) {
        return mac("lexgap-tests-passed\0" + key, new byte[0]);
    }

    private byte[] mac(String label, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
