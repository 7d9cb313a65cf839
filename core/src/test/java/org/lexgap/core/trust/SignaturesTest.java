package org.lexgap.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lexgap.api.model.SignatureCheck;
import org.lexgap.api.model.SigningKey;
import org.lexgap.core.pack.PackFiles;

/** Ed25519 keys, the JWS and the manifest it signs, the trust store. */
class SignaturesTest {
    /** RFC 8037, appendix A.1-A.3: an Ed25519 key and its JWK thumbprint. */
    static final String RFC_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    static final String RFC_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    static final String RFC_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    static PackFiles pack(String version) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("pack.json", ("{\"id\": \"zz\", \"version\": \"" + version + "\", \"kind\": \"jurisdictions\"}")
                .getBytes(StandardCharsets.UTF_8));
        files.put("jurisdictions/ZZ.json", "{\"code\": \"ZZ\"}".getBytes(StandardCharsets.UTF_8));
        return new PackFiles("test", files);
    }

    static TrustStore trusting(Path dir, KeyPair... keys) throws IOException {
        Files.createDirectories(dir);
        int i = 0;
        for (KeyPair key : keys) {
            Files.writeString(dir.resolve("key" + (i++) + ".pem"), Keys.publicPem(key.getPublic()));
        }
        return TrustStore.load(List.of(new TrustStore.Source(dir, "user")));
    }

    @Test
    void theFingerprintIsTheRfc7638ThumbprintOfTheRfc8037Key() throws Exception {
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] raw = Base64.getUrlDecoder().decode(RFC_X);
        byte[] der = new byte[44];
        System.arraycopy(prefix, 0, der, 0, 12);
        System.arraycopy(raw, 0, der, 12, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        assertEquals(RFC_THUMBPRINT, Keys.fingerprint(key));
    }

    @Test
    void thePublicKeyIsDerivedFromThePrivateKeyFileAlone(@TempDir Path tmp) throws Exception {
        // The RFC 8037 private key d, as PKCS#8 (RFC 8410): its public key must be the RFC's x.
        byte[] prefix = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};
        byte[] d = Base64.getUrlDecoder().decode(RFC_D);
        byte[] der = new byte[48];
        System.arraycopy(prefix, 0, der, 0, 16);
        System.arraycopy(d, 0, der, 16, 32);
        Path file = tmp.resolve("rfc.key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n");
        KeyPair pair = Keys.readPrivate(file);
        assertEquals(RFC_THUMBPRINT, Keys.fingerprint(pair.getPublic()));
    }

    @Test
    void aSignedPackVerifiesAndAnyChangeAfterSigningIsNamed(@TempDir Path tmp) throws IOException {
        KeyPair key = Keys.generate();
        TrustStore trust = trusting(tmp.resolve("trust"), key);
        PackFiles files = pack("1.0.0");
        String signature = Signatures.sign(files, key);
        assertEquals(signature, Signatures.sign(files, key), "Ed25519 signatures are deterministic");
        Signatures.Verdict ok = Signatures.verify(files.withSignature(signature.getBytes(StandardCharsets.US_ASCII)), trust);
        assertTrue(ok.signed(), ok.message());
        assertEquals("key0", ok.key().name());

        Map<String, byte[]> changed = new TreeMap<>();
        files.paths().forEach(p -> changed.put(p, files.bytes(p)));
        changed.put("jurisdictions/ZZ.json", "{\"code\": \"ZZ\", \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        changed.put("rules/new.drl", "".getBytes(StandardCharsets.UTF_8));
        Signatures.Verdict tampered = Signatures.verify(new PackFiles("t", changed,
                signature.getBytes(StandardCharsets.US_ASCII)), trust);
        assertEquals(Signatures.Verdict.Status.INVALID, tampered.status());
        assertTrue(tampered.message().contains("jurisdictions/ZZ.json was changed after signing (and 1 more)"),
                tampered.message());
        assertEquals(Signatures.Verdict.Status.UNSIGNED, Signatures.verify(files, trust).status());
    }

    @Test
    void aSignatureByAKeyNotTrustedOrNotValidIsRefused(@TempDir Path tmp) throws IOException {
        KeyPair trusted = Keys.generate();
        KeyPair stranger = Keys.generate();
        TrustStore trust = trusting(tmp.resolve("trust"), trusted);
        PackFiles files = pack("1.0.0");
        Signatures.Verdict unknown = Signatures.verify(files.withSignature(Signatures.sign(files, stranger)
                .getBytes(StandardCharsets.US_ASCII)), trust);
        assertEquals(Signatures.Verdict.Status.INVALID, unknown.status());
        assertTrue(unknown.message().startsWith("signed by key " + Keys.fingerprint(stranger.getPublic())
                + ", which is not in the trust store"), unknown.message());

        // A signature whose header names the trusted key but was made by another.
        String forged = Signatures.sign(files, stranger);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\""
                + Keys.fingerprint(trusted.getPublic()) + "\"}").getBytes(StandardCharsets.UTF_8));
        String swapped = header + forged.substring(forged.indexOf('.'));
        Signatures.Verdict bad = Signatures.verify(files.withSignature(swapped.getBytes(StandardCharsets.US_ASCII)), trust);
        assertTrue(bad.message().startsWith("the signature does not verify with key key0"), bad.message());

        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(
                StandardCharsets.UTF_8)) + forged.substring(forged.indexOf('.'));
        assertTrue(Signatures.verify(files.withSignature(none.getBytes(StandardCharsets.US_ASCII)), trust).message()
                .contains("only EdDSA (Ed25519) is accepted"));
        assertTrue(Signatures.verify(files.withSignature("garbage".getBytes(StandardCharsets.US_ASCII)), trust)
                .message().startsWith("not a JWS in compact form"));
    }

    @Test
    void keygenSignVerifyAndTheUsersTrustFolder(@TempDir Path tmp) throws IOException {
        Path userTrust = tmp.resolve("trust");
        List<TrustStore.Source> sources = List.of(new TrustStore.Source(userTrust, "user"));
        PackSigningService service = new PackSigningService(() -> TrustStore.load(sources), userTrust,
                PackFiles.Limits.DEFAULT);
        SigningKey made = service.generateKey("my-office", tmp.resolve("keys"));
        Path privateKey = tmp.resolve("keys/my-office.key.pem");
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(privateKey));
        assertThrows(IllegalArgumentException.class, () -> service.generateKey("my-office", tmp.resolve("keys")));

        Path pack = tmp.resolve("pack");
        Files.createDirectories(pack.resolve("jurisdictions"));
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"zz\", \"version\": \"1.0.0\", \"kind\": \"jurisdictions\"}");
        Files.writeString(pack.resolve("jurisdictions/ZZ.json"), "{}");
        SignatureCheck signed = service.sign(pack, privateKey);
        assertEquals("SIGNED", signed.status());
        assertEquals(made.fingerprint(), signed.signerKey());
        assertTrue(signed.message().contains("not trust yet"), signed.message());
        assertEquals("INVALID", service.verify(pack).status());

        service.trust(Path.of(made.file()), null);
        SignatureCheck verified = service.verify(pack);
        assertEquals("SIGNED", verified.status(), verified.message());
        assertEquals("my-office", verified.signer());
        assertEquals(List.of("my-office"), service.trustedKeys().stream().map(SigningKey::name).toList());

        Files.writeString(pack.resolve("jurisdictions/ZZ.json"), "{\"changed\": true}");
        SignatureCheck altered = service.verify(pack);
        assertEquals("INVALID", altered.status());
        assertTrue(altered.message().contains("jurisdictions/ZZ.json was changed after signing"), altered.message());

        assertThrows(IllegalArgumentException.class, () -> service.sign(pack, pack.resolve("pack.json")));
        Files.copy(privateKey, pack.resolve("oops.key.pem"));
        IllegalArgumentException inside = assertThrows(IllegalArgumentException.class,
                () -> service.sign(pack, pack.resolve("oops.key.pem")));
        assertTrue(inside.getMessage().contains("is inside the pack folder"), inside.getMessage());
        Files.delete(pack.resolve("oops.key.pem"));

        service.distrust("my-office");
        assertTrue(service.trustedKeys().isEmpty());
        assertFalse(Files.exists(userTrust.resolve("my-office.pem")));
    }

    @Test
    void aSignedJarIsRewrittenReproduciblyAndVerifies(@TempDir Path tmp) throws IOException {
        Path userTrust = tmp.resolve("trust");
        PackSigningService service = new PackSigningService(() -> TrustStore.load(List.of(
                new TrustStore.Source(userTrust, "user"))), userTrust, PackFiles.Limits.DEFAULT);
        SigningKey made = service.generateKey("k", tmp);
        service.trust(Path.of(made.file()), null);
        Path jar = tmp.resolve("p.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("pack.json"));
            out.write("{\"id\": \"zz\", \"version\": \"1.0.0\", \"kind\": \"jurisdictions\"}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals("SIGNED", service.sign(jar, tmp.resolve("k.key.pem")).status());
        byte[] once = Files.readAllBytes(jar);
        assertEquals("SIGNED", service.sign(jar, tmp.resolve("k.key.pem")).status());
        assertEquals(java.util.Arrays.toString(once), java.util.Arrays.toString(Files.readAllBytes(jar)),
                "signing again gives the same bytes");
        assertEquals("SIGNED", service.verify(jar).status());
    }
}
