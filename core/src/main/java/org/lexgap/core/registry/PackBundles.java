package org.lexgap.core.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lexgap.core.pack.PackFiles;

/**
 * Turns a pack directory into a bundle jar in memory, generating the manifest, so that analysts never write one.
 * Entries are written in path order with a fixed timestamp: the same directory gives the same bytes.
 */
final class PackBundles {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z][a-z0-9-]*)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([0-9]+\\.[0-9]+\\.[0-9]+)\"");
    private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

    private PackBundles() {
    }

    /** The location string a directory pack is installed under. */
    static String location(Path directory) {
        return "lexgap:dir:" + directory.toAbsolutePath().normalize();
    }

    static boolean isDirectoryLocation(String location) {
        return location.startsWith("lexgap:dir:");
    }

    static Path directoryOf(String location) {
        return Path.of(location.substring("lexgap:dir:".length()));
    }

    /**
     * The bundle for {@code directory}. The pack id and version are read loosely from pack.json here only to name
     * the bundle; the loader validates pack.json properly and reports its problems with lines.
     */
    static byte[] jar(Path directory) {
        String descriptor = read(directory.resolve("pack.json"));
        String id = first(ID, descriptor, directory.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9-]", "-"));
        String version = first(VERSION, descriptor, "0.0.0");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "lexgap.pack." + id);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Lexgap pack " + id + " (directory)");
        main.putValue(PackExtender.HEADER, id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTime(FIXED_TIME);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            PackFiles files = PackFiles.fromDirectory(directory);
            for (String name : files.paths()) {
                JarEntry entry = new JarEntry(name);
                entry.setTime(FIXED_TIME);
                jar.putNextEntry(entry);
                jar.write(files.bytes(name));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pack directory " + directory, e);
        }
        return bytes.toByteArray();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String first(Pattern pattern, String text, String fallback) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : fallback;
    }
}
