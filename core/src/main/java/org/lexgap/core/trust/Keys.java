package org.lexgap.core.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys with the JDK's own implementation (SunEC, JDK 15+), in the files every tool reads: the private key
 * as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, what {@code openssl genpkey -algorithm ed25519} writes) and the public
 * key as X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}). A key is named in signatures by its RFC 7638
 * JWK thumbprint.
 */
public final class Keys {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410, OID 1.3.101.112); 32 raw key bytes follow. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519 (JDK 15 or later is needed)", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** Reads an Ed25519 private key from a PEM file and derives its key pair. */
    public static KeyPair readPrivate(Path file) {
        byte[] der = block(read(file), "PRIVATE KEY", file);
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new KeyPair(derivePublic(key), key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(file + " is not an Ed25519 private key");
        }
    }

    /** Reads an Ed25519 public key from a PEM file. */
    public static PublicKey readPublic(Path file) {
        return parsePublic(read(file), file.toString());
    }

    static PublicKey parsePublic(String text, String where) {
        byte[] der = block(text, "PUBLIC KEY", Path.of(where));
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            raw(key);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not an Ed25519 public key");
        }
    }

    /** The 32 raw public key bytes (the JWK {@code x}). */
    static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /**
     * The RFC 7638 JWK thumbprint: SHA-256 over {@code {"crv":"Ed25519","kty":"OKP","x":"..."}} (the required
     * members in lexicographic order, no white space), base64url without padding.
     */
    public static String fingerprint(PublicKey key) {
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Jws.base64url(raw(key)) + "\"}";
        try {
            return Jws.base64url(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The public key of {@code key}. The JDK has no call for it, but Ed25519 key generation is defined as: take 32
     * random bytes as the private key, derive the public key from them (RFC 8032, 5.1.5); so the JDK's generator fed
     * the private key's own bytes derives exactly its public key. A signature round trip confirms it.
     */
    static PublicKey derivePublic(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new GeneralSecurityException("no key bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        PublicKey derived = generator.generateKeyPair().getPublic();
        byte[] probe = "lexgap key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(derived);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("cannot derive the public key");
        }
        return derived;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] block(String text, String type, Path file) {
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                try {
                    return Base64.getMimeDecoder().decode(m.group(2));
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException(file + " holds no PEM \"" + type + "\" block");
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new IllegalArgumentException(file + " is too large to be a key file");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read key file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
