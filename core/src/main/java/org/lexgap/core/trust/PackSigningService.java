package org.lexgap.core.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.lexgap.api.model.PackRef;
import org.lexgap.api.model.SignatureCheck;
import org.lexgap.api.model.SigningKey;
import org.lexgap.api.service.PackSigning;
import org.lexgap.core.pack.PackFiles;

/** The {@link PackSigning} service: key pairs, signing folders and jars, checking signatures, the user's trust folder. */
public final class PackSigningService implements PackSigning {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** Entries of a signed jar get this fixed time, so that signing is reproducible. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private final Supplier<TrustStore> trust;
    private final Path userTrust;
    private final PackFiles.Limits limits;

    /**
     * @param trust     reads the trust store (each call sees the folders as they are now)
     * @param userTrust the user's trust folder, which {@link #trust} and {@link #distrust} change; may be null
     */
    public PackSigningService(Supplier<TrustStore> trust, Path userTrust, PackFiles.Limits limits) {
        this.trust = trust;
        this.userTrust = userTrust;
        this.limits = limits;
    }

    @Override
    public SigningKey generateKey(String name, Path directory) {
        requireName(name);
        Path privateFile = directory.resolve(name + ".key.pem");
        Path publicFile = directory.resolve(name + ".pem");
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            throw new IllegalArgumentException("a key named " + name + " exists already in " + directory
                    + "; choose another name");
        }
        KeyPair pair = Keys.generate();
        try {
            Files.createDirectories(directory);
            writeSecret(privateFile, Keys.privatePem(pair.getPrivate()));
            Files.writeString(publicFile, Keys.publicPem(pair.getPublic()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key files in " + directory, e);
        }
        return new SigningKey(name, Keys.fingerprint(pair.getPublic()), publicFile.toString(), "new");
    }

    /** Writes a private key readable by its owner only (where the file system has permissions). */
    public static void writeSecret(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public SignatureCheck sign(Path pack, Path privateKey) {
        Path absolutePack = pack.toAbsolutePath().normalize();
        if (Files.isDirectory(absolutePack) && privateKey.toAbsolutePath().normalize().startsWith(absolutePack)) {
            throw new IllegalArgumentException("the key " + privateKey + " is inside the pack folder; keep private keys"
                    + " out of packs (move it, for example to ~/.lexgap/keys)");
        }
        KeyPair key = Keys.readPrivate(privateKey);
        PackFiles files = read(pack);
        if (Signatures.identity(files).id() == null) {
            throw new IllegalArgumentException(pack + ": pack.json must name the pack's id, version and kind before"
                    + " it is signed");
        }
        String signature = Signatures.sign(files, key);
        try {
            if (Files.isDirectory(pack)) {
                Path target = pack.resolve(PackFiles.SIGNATURE);
                Path temp = Files.createTempFile(pack, ".signature", ".tmp");
                Files.writeString(temp, signature, StandardCharsets.US_ASCII);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                rewriteJar(pack, signature.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signature of " + pack, e);
        }
        String fingerprint = Keys.fingerprint(key.getPublic());
        SignatureCheck check = verify(pack);
        if (trust.get().byFingerprint(fingerprint).isEmpty()) {
            // Signed with a key this machine does not trust (yet): say so, and how to trust it.
            return new SignatureCheck(check.pack(), check.version(), check.sha256(), check.files(), "SIGNED",
                    keyName(privateKey), fingerprint, "signed with key " + fingerprint + ", which this machine does"
                    + " not trust yet; trust it with 'lexgap trust add " + keyName(privateKey) + ".pem'");
        }
        return check;
    }

    @Override
    public SignatureCheck verify(Path pack) {
        PackFiles files;
        try {
            files = PackFiles.read(pack, limits);
        } catch (PackFiles.Refused e) {
            return new SignatureCheck(pack.toString(), null, null, 0, "INVALID", PackRef.UNSIGNED, null, e.getMessage());
        }
        Signatures.Identity identity = Signatures.identity(files);
        Signatures.Verdict verdict = Signatures.verify(files, trust.get());
        return new SignatureCheck(identity.id() == null ? pack.toString() : identity.id(), identity.version(),
                files.sha256(), files.paths().size(), verdict.status().name(),
                verdict.key() == null ? PackRef.UNSIGNED : verdict.key().name(),
                verdict.key() == null ? null : verdict.key().fingerprint(), verdict.message());
    }

    @Override
    public List<SigningKey> trustedKeys() {
        return trust.get().keys().stream().map(TrustedKey::describe).toList();
    }

    @Override
    public SigningKey trust(Path publicKey, String name) {
        Path folder = userFolder();
        PublicKey key = Keys.readPublic(publicKey);
        String fingerprint = Keys.fingerprint(key);
        String chosen = name != null ? name : keyName(publicKey);
        requireName(chosen);
        TrustStore current = trust.get();
        var same = current.byFingerprint(fingerprint);
        if (same.isPresent()) {
            return same.get().describe();
        }
        if (current.find(chosen).isPresent()) {
            throw new IllegalArgumentException("a different key is already trusted as " + chosen + "; choose another"
                    + " name with --name");
        }
        Path target = folder.resolve(chosen + ".pem");
        try {
            Files.createDirectories(folder);
            Files.writeString(target, Keys.publicPem(key), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        return new SigningKey(chosen, fingerprint, target.toString(), "user");
    }

    @Override
    public SigningKey distrust(String nameOrFingerprint) {
        Path folder = userFolder();
        TrustedKey key = TrustStore.load(List.of(new TrustStore.Source(folder, "user"))).find(nameOrFingerprint)
                .orElseThrow(() -> new IllegalArgumentException("no key " + nameOrFingerprint + " in the user's trust"
                        + " folder " + folder + (trust.get().find(nameOrFingerprint).isPresent()
                        ? "; that key comes from " + trust.get().find(nameOrFingerprint).get().file()
                        + ", which 'trust remove' does not change" : "")));
        try {
            Files.delete(key.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key.file(), e);
        }
        return key.describe();
    }

    private PackFiles read(Path pack) {
        try {
            return PackFiles.read(pack, limits);
        } catch (PackFiles.Refused e) {
            throw new IllegalArgumentException(pack + ": " + e.getMessage());
        }
    }

    private Path userFolder() {
        if (userTrust == null) {
            throw new IllegalStateException("no user trust folder is configured");
        }
        return userTrust;
    }

    /** Copies a jar entry by entry, in order, replacing any old signature, then adds the new one at the end. */
    private static void rewriteJar(Path jar, byte[] signature) throws IOException {
        Path temp = Files.createTempFile(jar.toAbsolutePath().getParent(), ".signing", ".jar");
        try (ZipFile in = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(temp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(PackFiles.SIGNATURE)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_TIME);
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            ZipEntry entry = new ZipEntry(PackFiles.SIGNATURE);
            entry.setTimeLocal(FIXED_TIME);
            out.putNextEntry(entry);
            out.write(signature);
            out.closeEntry();
        }
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String keyName(Path file) {
        return file.getFileName().toString().replaceFirst("(\\.key)?\\.pem$", "");
    }

    private static void requireName(String name) {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("a key name is letters, digits, '.', '_' and '-', up to 64: \"" + name + "\"");
        }
    }
}
