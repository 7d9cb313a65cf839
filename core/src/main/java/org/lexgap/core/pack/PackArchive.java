package org.lexgap.core.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a pack jar as an archive of pack files: nothing in it is ever given to the framework. The archive's own
 * size, its entry count and every entry's declared size are checked from the central directory before anything is
 * inflated; each entry is then inflated no further than the smaller of its declared size and the limit, so neither
 * a zip bomb nor a header that lies gets past them. The manifest is read only to be checked: informational headers
 * are allowed, and anything that asks for code or requirements (an activator, imports, a class path, native code,
 * a fragment host, ...) refuses the pack, as do class files and paths that leave the pack.
 */
final class PackArchive {
    static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final long MAX_MANIFEST = 64 * 1024;

    /** Headers bnd, Maven and the JDK write that say nothing about code or requirements. */
    private static final Set<String> INFORMATIONAL = lower(Set.of("Manifest-Version", "Created-By", "Built-By",
            "Build-Jdk", "Build-Jdk-Spec", "Tool", "Bnd-LastModified", "Bundle-ManifestVersion", "Bundle-SymbolicName",
            "Bundle-Version", "Bundle-Name", "Bundle-Description", "Bundle-Vendor", "Bundle-Copyright",
            "Bundle-License", "Bundle-DocURL", "Bundle-ContactAddress", "Bundle-Category", "Bundle-Developers",
            "Bundle-SCM", "Include-Resource", "Private-Package", "Implementation-Title", "Implementation-Version",
            "Implementation-Vendor", "Implementation-Vendor-Id", "Specification-Title", "Specification-Version",
            "Specification-Vendor", "Lexgap-Pack"));
    /** Headers that make the framework wire or start something: named as such in the refusal. */
    private static final Set<String> REQUIREMENTS = lower(Set.of("Import-Package", "Require-Bundle",
            "Require-Capability", "DynamicImport-Package", "Fragment-Host", "Bundle-NativeCode", "Bundle-ClassPath",
            "Bundle-RequiredExecutionEnvironment", "Class-Path"));
    /** Metadata that build tools put in META-INF and that the loader drops unread. */
    private static final List<String> IGNORED_META = List.of("META-INF/maven/", "META-INF/LICENSE", "META-INF/NOTICE",
            "META-INF/DEPENDENCIES");

    private PackArchive() {
    }

    static PackFiles read(Path jar, PackFiles.Limits limits) {
        String name = jar.getFileName().toString();
        long size;
        try {
            size = Files.size(jar);
            if (size > limits.maxPackBytes()) {
                throw new PackFiles.Refused(null, "archive over the size limit: " + name + " is "
                        + PackEntries.size(size) + " (limit " + PackEntries.size(limits.maxPackBytes()) + ")");
            }
            if (!zipMagic(jar)) {
                throw new PackFiles.Refused(null, "not a zip archive: " + name + " (a pack is a folder or a jar)");
            }
        } catch (IOException e) {
            throw new PackFiles.Refused(null, "cannot read " + name + " (" + e.getClass().getSimpleName() + ")");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // ZipFile reads only the central directory here; the archive's size bounds it.
            if (zip.size() > 2L * limits.maxFiles() + 64) {
                throw PackFolder.overCount(limits);
            }
            // The manifest first: a pack asking for code is refused for that, whatever else it holds.
            ZipEntry manifest = zip.getEntry(MANIFEST);
            if (manifest != null && !manifest.isDirectory()) {
                checkManifest(read(zip, manifest, MAX_MANIFEST));
            }
            List<ZipEntry> kept = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long declared = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String path = entry.getName();
                if (!seen.add(path)) {
                    throw new PackFiles.Refused(PackEntries.printable(path), "duplicate entry "
                            + PackEntries.printable(path) + " in " + name);
                }
                if (entry.isDirectory()) {
                    PackEntries.checkPath(path.substring(0, path.length() - 1));
                    continue;
                }
                PackEntries.checkPath(path);
                if (path.equals(MANIFEST)) {
                    continue;
                }
                if (path.toUpperCase(Locale.ROOT).startsWith("META-INF/")) {
                    if (IGNORED_META.stream().anyMatch(path::startsWith)) {
                        continue;
                    }
                    throw new PackFiles.Refused(path, path + " is not a pack file: a pack jar holds pack files and"
                            + " a manifest only (sign it with 'lexgap pack sign', not jarsigner)");
                }
                if (path.toUpperCase(Locale.ROOT).startsWith("OSGI-INF/") || path.startsWith("OSGI-OPT/")) {
                    throw new PackFiles.Refused(path, path + " is not a pack file: a pack is data, not code");
                }
                if (PackEntries.ignored(path)) {
                    continue;
                }
                if (kept.size() >= limits.maxFiles()) {
                    throw PackFolder.overCount(limits);
                }
                if (entry.getSize() > limits.maxFileBytes()) {
                    throw PackFolder.overFile(path, entry.getSize(), limits.maxFileBytes(), true);
                }
                declared += Math.max(0, entry.getSize());
                if (declared > limits.maxPackBytes()) {
                    throw PackFolder.overPack(limits);
                }
                kept.add(entry);
            }
            Map<String, byte[]> files = new TreeMap<>();
            long total = 0;
            for (ZipEntry entry : kept) {
                byte[] bytes = read(zip, entry, limits.maxFileBytes());
                total += bytes.length;
                if (total > limits.maxPackBytes()) {
                    throw PackFolder.overPack(limits);
                }
                PackEntries.checkContent(entry.getName(), bytes);
                files.put(entry.getName(), bytes);
            }
            return new PackFiles(jar.toString(), files);
        } catch (ZipException e) {
            throw new PackFiles.Refused(null, "not a zip archive: " + name + " (" + PackEntries.printable(
                    String.valueOf(e.getMessage())) + ")");
        } catch (IOException e) {
            throw new PackFiles.Refused(null, "cannot read " + name + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Inflates at most {@code limit} bytes, and no more than the entry's header declares. */
    private static byte[] read(ZipFile zip, ZipEntry entry, long limit) throws IOException {
        long declared = entry.getSize();
        long bound = declared >= 0 ? Math.min(declared, limit) : limit;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) bound + 1);
            if (bytes.length > bound) {
                if (declared >= 0 && declared <= limit) {
                    throw new PackFiles.Refused(entry.getName(), "entry " + PackEntries.printable(entry.getName())
                            + " inflates to more than its header says (" + PackEntries.size(declared) + ")");
                }
                throw PackFolder.overFile(entry.getName(), bytes.length, limit, false);
            }
            return bytes;
        } catch (ZipException e) {
            throw new PackFiles.Refused(entry.getName(), "entry " + PackEntries.printable(entry.getName())
                    + " is damaged (" + PackEntries.printable(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static void checkManifest(byte[] bytes) {
        Manifest manifest;
        try {
            manifest = new Manifest(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new PackFiles.Refused(MANIFEST, MANIFEST + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        for (Map.Entry<Object, Object> header : new TreeMap<>(toStrings(manifest.getMainAttributes())).entrySet()) {
            String key = header.getKey().toString();
            String lower = key.toLowerCase(Locale.ROOT);
            String value = PackEntries.printable(header.getValue().toString());
            if (lower.equals("bundle-activator")) {
                throw new PackFiles.Refused(MANIFEST, MANIFEST + ": Bundle-Activator " + value
                        + " refused: a pack is data, and the loader never starts a pack's code");
            }
            if (REQUIREMENTS.contains(lower)) {
                throw new PackFiles.Refused(MANIFEST, MANIFEST + ": requirement " + key + ": " + value
                        + " refused: a pack declares no requirements (the loader writes its manifest)");
            }
            if (!INFORMATIONAL.contains(lower)) {
                throw new PackFiles.Refused(MANIFEST, MANIFEST + ": header " + key + " is not allowed in a pack"
                        + " (only descriptive headers are; the loader writes the manifest)");
            }
        }
    }

    private static Map<Object, Object> toStrings(Attributes attributes) {
        Map<Object, Object> out = new TreeMap<>();
        attributes.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    private static boolean zipMagic(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K'
                    && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        }
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return out;
    }
}
