package org.lexgap.core.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.pack.PackFiles;

/**
 * Builds the bundle that holds a pack, for folder and jar packs alike: the pack's files (and its signature) under a
 * manifest the loader writes, which names the pack and nothing else: no activator, no imports, no class path, so
 * the framework has nothing to resolve or start. Entries are written in path order with a fixed time: the same
 * pack gives the same bytes.
 */
final class PackBundles {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
    private static final String DIRECTORY = "lexgap:dir:";
    private static final String ARCHIVE = "lexgap:jar:";

    private PackBundles() {
    }

    /** The key, and bundle location, of the pack at {@code path}: a folder or a jar, by its absolute path. */
    static String location(Path path, boolean directory) {
        return (directory ? DIRECTORY : ARCHIVE) + path.toAbsolutePath().normalize();
    }

    static boolean isLexgapLocation(String location) {
        return location.startsWith(DIRECTORY) || location.startsWith(ARCHIVE);
    }

    static byte[] jar(LoadedPack pack, PackFiles files) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "lexgap.pack." + pack.id());
        main.putValue("Bundle-Version", pack.version());
        main.putValue("Bundle-Name", "Lexgap pack " + pack.id() + " (" + pack.ref().signer() + ")");
        main.putValue(PackExtender.HEADER, pack.id());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            put(jar, "META-INF/MANIFEST.MF", null);
            manifest.write(jar);
            jar.closeEntry();
            for (String name : files.paths()) {
                put(jar, name, files.bytes(name));
            }
            if (files.signature().isPresent()) {
                put(jar, PackFiles.SIGNATURE, files.signature().get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the bundle of pack " + pack.id(), e);
        }
        return bytes.toByteArray();
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        jar.putNextEntry(entry);
        if (content != null) {
            jar.write(content);
            jar.closeEntry();
        }
    }
}
