package org.lexgap.core.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading pack folders and jars under the caps, before and while reading. */
class PackFilesTest {
    static final PackFiles.Limits SMALL = new PackFiles.Limits(5, 1_000, 2_048);

    static Path folder(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return root;
    }

    static Path jar(Path file, Map<String, String> mainAttributes, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mainAttributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    static Map<String, byte[]> packEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pack.json", "{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("jurisdictions/ZZ.json", "{}".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    static String refusal(Runnable read) {
        return assertThrows(PackFiles.Refused.class, read::run).getMessage();
    }

    @Test
    void aFolderAndTheSameFilesInAJarGiveTheSameFilesAndHash(@TempDir Path tmp) throws IOException {
        Path dir = folder(tmp.resolve("p"), Map.of("pack.json", "{\"id\": \"x\"}", "jurisdictions/ZZ.json", "{}",
                ".git/config", "ignored", "rules/a.drl~", "ignored"));
        Path jar = jar(tmp.resolve("p.jar"), Map.of("Bundle-SymbolicName", "x", "Lexgap-Pack", "x"), packEntries());
        PackFiles fromDir = PackFiles.read(dir, PackFiles.Limits.DEFAULT);
        PackFiles fromJar = PackFiles.read(jar, PackFiles.Limits.DEFAULT);
        assertEquals(fromDir.paths(), fromJar.paths());
        assertEquals(fromDir.sha256(), fromJar.sha256());
        assertEquals(java.util.Set.of("pack.json", "jurisdictions/ZZ.json"), fromDir.paths());
    }

    @Test
    void theSignatureIsCarriedBesideTheFilesAndNotHashed(@TempDir Path tmp) throws IOException {
        Path dir = folder(tmp.resolve("p"), Map.of("pack.json", "{}"));
        String before = PackFiles.read(dir, PackFiles.Limits.DEFAULT).sha256();
        Files.writeString(dir.resolve(PackFiles.SIGNATURE), "a.b.c");
        PackFiles signed = PackFiles.read(dir, PackFiles.Limits.DEFAULT);
        assertEquals(before, signed.sha256());
        assertFalse(signed.contains(PackFiles.SIGNATURE));
        assertArrayEquals("a.b.c".getBytes(StandardCharsets.UTF_8), signed.signature().orElseThrow());
    }

    @Test
    void aHugeSparseFileIsRefusedFromItsSizeWithoutBeingRead(@TempDir Path tmp) throws IOException {
        Path dir = folder(tmp.resolve("p"), Map.of("pack.json", "{}"));
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("jurisdictions.json").toFile(), "rw")) {
            huge.setLength(3L << 30);
        }
        long start = System.nanoTime();
        String reason = refusal(() -> PackFiles.read(dir, PackFiles.Limits.DEFAULT));
        assertEquals("file over the size limit: jurisdictions.json is 3 GiB (limit 4 MiB a file)", reason);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused from its size, not by reading it");
    }

    @Test
    void capsOnFileCountAndPackSize(@TempDir Path tmp) throws IOException {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("tests/t" + i + ".json", "{}");
        }
        assertEquals("too many files: more than 5 in one pack",
                refusal(() -> PackFiles.read(uncheck(() -> folder(tmp.resolve("many"), many)), SMALL)));
        Map<String, String> big = Map.of("a.json", "x".repeat(900), "b.json", "y".repeat(900), "c.json", "z".repeat(900));
        assertEquals("pack over the size limit: more than 2 KiB in all",
                refusal(() -> PackFiles.read(uncheck(() -> folder(tmp.resolve("big"), big)), SMALL)));
    }

    @Test
    void linksAreRefusedWithoutReadingTheirTarget(@TempDir Path tmp) throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "the secret content");
        Path dir = folder(tmp.resolve("p"), Map.of("pack.json", "{}"));
        Files.createDirectories(dir.resolve("jurisdictions"));
        Files.createSymbolicLink(dir.resolve("jurisdictions/ZZ.json"), outside);
        String reason = refusal(() -> PackFiles.read(dir, PackFiles.Limits.DEFAULT));
        assertEquals("symbolic link: jurisdictions/ZZ.json (links are not followed; put the file itself in the pack)",
                reason);
        Path linkedDir = folder(tmp.resolve("q"), Map.of("pack.json", "{}"));
        Files.createSymbolicLink(linkedDir.resolve("rules"), tmp);
        assertTrue(refusal(() -> PackFiles.read(linkedDir, PackFiles.Limits.DEFAULT)).startsWith("symbolic link: rules"));
    }

    @Test
    void aFolderMayNotCarryAManifestCodeOrAPrivateKey(@TempDir Path tmp) throws IOException {
        assertEquals("a pack folder may not carry META-INF (found META-INF/MANIFEST.MF): the loader writes the manifest"
                + " itself; delete the folder", refusal(() -> PackFiles.read(uncheck(() -> folder(tmp.resolve("m"),
                Map.of("pack.json", "{}", "META-INF/MANIFEST.MF", "Bundle-Activator: x.Evil\n"))), PackFiles.Limits.DEFAULT)));
        assertEquals("class file rules/Evil.class: a pack is data, not code", refusal(() -> PackFiles.read(
                uncheck(() -> folder(tmp.resolve("c"), Map.of("pack.json", "{}", "rules/Evil.class", "\u00ca\u00fe"))),
                PackFiles.Limits.DEFAULT)));
        assertTrue(refusal(() -> PackFiles.read(uncheck(() -> folder(tmp.resolve("k"), Map.of("pack.json", "{}",
                "notes.txt", "-----BEGIN PRIVATE KEY-----\nMC4CAQ==\n-----END PRIVATE KEY-----\n"))),
                PackFiles.Limits.DEFAULT)).startsWith("notes.txt looks like a private key"));
    }

    @Test
    void aJarThatIsNotAZipIsRefused(@TempDir Path tmp) throws IOException {
        Path notZip = Files.writeString(tmp.resolve("pack.jar"), "just text");
        assertEquals("not a zip archive: pack.jar (a pack is a folder or a jar)",
                refusal(() -> PackFiles.read(notZip, PackFiles.Limits.DEFAULT)));
        Path truncated = tmp.resolve("cut.jar");
        byte[] whole = Files.readAllBytes(jar(tmp.resolve("whole.jar"), Map.of(), packEntries()));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertTrue(refusal(() -> PackFiles.read(truncated, PackFiles.Limits.DEFAULT)).startsWith("not a zip archive: cut.jar"));
    }

    @Test
    void aJarAskingForCodeOrRequirementsIsRefusedByItsManifest(@TempDir Path tmp) throws IOException {
        assertEquals("META-INF/MANIFEST.MF: Bundle-Activator com.example.Evil refused: a pack is data, and the loader"
                + " never starts a pack's code", refusal(() -> PackFiles.read(uncheck(() -> jar(tmp.resolve("a.jar"),
                Map.of("Bundle-Activator", "com.example.Evil"), packEntries())), PackFiles.Limits.DEFAULT)));
        for (String header : new String[] {"Import-Package", "Require-Bundle", "Require-Capability",
                "DynamicImport-Package", "Fragment-Host", "Bundle-NativeCode", "Bundle-ClassPath"}) {
            String reason = refusal(() -> PackFiles.read(uncheck(() -> jar(tmp.resolve(header + ".jar"),
                    Map.of(header, "com.example.missing"), packEntries())), PackFiles.Limits.DEFAULT));
            assertEquals("META-INF/MANIFEST.MF: requirement " + header + ": com.example.missing refused: a pack"
                    + " declares no requirements (the loader writes its manifest)", reason);
        }
        assertTrue(refusal(() -> PackFiles.read(uncheck(() -> jar(tmp.resolve("main.jar"), Map.of("Main-Class", "x.Y"),
                packEntries())), PackFiles.Limits.DEFAULT)).contains("header Main-Class is not allowed in a pack"));
        Map<String, byte[]> withClass = packEntries();
        withClass.put("com/example/Evil.class", new byte[] {(byte) 0xca, (byte) 0xfe});
        assertEquals("class file com/example/Evil.class: a pack is data, not code", refusal(() -> PackFiles.read(
                uncheck(() -> jar(tmp.resolve("c.jar"), Map.of(), withClass)), PackFiles.Limits.DEFAULT)));
        Map<String, byte[]> services = packEntries();
        services.put("META-INF/services/java.lang.Runnable", "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(() -> PackFiles.read(uncheck(() -> jar(tmp.resolve("s.jar"), Map.of(), services)),
                PackFiles.Limits.DEFAULT)).startsWith("META-INF/services/java.lang.Runnable is not a pack file"));
    }

    @Test
    void aJarEntryLeavingThePackIsRefused(@TempDir Path tmp) throws IOException {
        for (String path : new String[] {"../evil.json", "/etc/evil.json", "rules/../../evil.json", "C:\\evil.json"}) {
            Map<String, byte[]> entries = packEntries();
            entries.put(path, "{}".getBytes(StandardCharsets.UTF_8));
            String reason = refusal(() -> PackFiles.read(uncheck(() -> jar(tmp.resolve("t.jar"), Map.of(), entries)),
                    PackFiles.Limits.DEFAULT));
            assertTrue(reason.startsWith("path leaves the pack: "), path + ": " + reason);
        }
    }

    @Test
    void aZipBombIsRefusedFromItsHeaderAndALyingHeaderWhileInflating(@TempDir Path tmp) throws IOException {
        Map<String, byte[]> bomb = packEntries();
        bomb.put("jurisdictions/bomb.json", new byte[64 << 20]);
        Path honest = jar(tmp.resolve("bomb.jar"), Map.of(), bomb);
        assertTrue(Files.size(honest) < 1 << 20, "compresses to little");
        assertEquals("file over the size limit: jurisdictions/bomb.json is 64 MiB (limit 4 MiB a file)",
                refusal(() -> PackFiles.read(honest, PackFiles.Limits.DEFAULT)));

        Map<String, byte[]> liar = packEntries();
        liar.put("jurisdictions/liar.json", new byte[200_000]);
        Path lying = jar(tmp.resolve("liar.jar"), Map.of(), liar);
        setDeclaredSize(lying, "jurisdictions/liar.json", 100);
        assertEquals("entry jurisdictions/liar.json inflates to more than its header says (100 bytes)",
                refusal(() -> PackFiles.read(lying, PackFiles.Limits.DEFAULT)));
    }

    /** Rewrites an entry's uncompressed size in the local header and the central directory. */
    static void setDeclaredSize(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length - 46; i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x02014b50 && matches(bytes, i + 46, nameBytes)) {
                buffer.putInt(i + 24, size);
            } else if (signature == 0x04034b50 && matches(bytes, i + 30, nameBytes)) {
                buffer.putInt(i + 22, size);
            } else if (signature == 0x08074b50) {
                // data descriptor after the entry: crc, compressed, uncompressed
                buffer.putInt(i + 12, buffer.getInt(i + 12) == 200_000 ? size : buffer.getInt(i + 12));
            }
        }
        Files.write(zip, bytes);
    }

    private static boolean matches(byte[] bytes, int at, byte[] name) {
        if (at + name.length > bytes.length) {
            return false;
        }
        for (int j = 0; j < name.length; j++) {
            if (bytes[at + j] != name[j]) {
                return false;
            }
        }
        return true;
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    static <T> T uncheck(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
