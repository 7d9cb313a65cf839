package org.lexgap.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Turns an uploaded pack into a pack jar on disk that the installer reads like any other: a jar, or a zip of the
 * pack's files, is kept as it is; a zip of a pack folder (every entry under one folder that holds pack.json, as
 * {@code zip -r pack.zip mypack/} makes) has that folder taken off. Nothing is judged here: the installer checks the
 * archive (its caps, manifest, paths, signature) exactly as it checks one the CLI installs.
 */
final class PackUploads {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z][a-z0-9-]{0,63})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([0-9A-Za-z.+-]{1,64})\"");
    private static final long MAX_DESCRIPTOR = 64 * 1024;

    private final Path directory;
    private final AtomicLong counter = new AtomicLong();

    PackUploads(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** An upload stored as a jar, with the pack id and version its pack.json names, where they can be read. */
    record Stored(Path jar, Optional<String> id, Optional<String> version) {
    }

    Stored store(byte[] upload) throws IOException {
        if (upload.length < 4 || upload[0] != 'P' || upload[1] != 'K') {
            throw ApiError.badRequest("the body must be a pack jar or a zip of a pack folder");
        }
        Path jar = directory.resolve("upload-" + counter.incrementAndGet() + ".jar");
        Files.write(jar, upload);
        String prefix;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            prefix = folderPrefix(zip);
            if (!prefix.isEmpty()) {
                Path stripped = directory.resolve("upload-" + counter.incrementAndGet() + ".jar");
                strip(zip, prefix, stripped);
                Files.delete(jar);
                jar = stripped;
            }
        } catch (ZipException e) {
            throw ApiError.badRequest("the body is not a readable zip archive");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String descriptor = descriptor(zip);
            return new Stored(jar, find(ID, descriptor), find(VERSION, descriptor));
        }
    }

    /** "" when pack.json is at the root; "folder/" when every entry is under that one folder and it holds pack.json. */
    private static String folderPrefix(ZipFile zip) {
        if (zip.getEntry("pack.json") != null) {
            return "";
        }
        String prefix = null;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.startsWith("__MACOSX/")) {
                continue;
            }
            int slash = name.indexOf('/');
            if (slash <= 0) {
                return "";
            }
            String first = name.substring(0, slash + 1);
            if (prefix == null) {
                prefix = first;
            } else if (!prefix.equals(first)) {
                return "";
            }
        }
        return prefix != null && zip.getEntry(prefix + "pack.json") != null ? prefix : "";
    }

    /** Copies the entries under {@code prefix} without it, inflating no more than the pack cap in all. */
    private static void strip(ZipFile zip, String prefix, Path target) throws IOException {
        long total = 0;
        List<ZipEntry> entries = new ArrayList<>();
        zip.stream().filter(e -> e.getName().startsWith(prefix) && !e.isDirectory()).forEach(entries::add);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            byte[] buffer = new byte[16 * 1024];
            for (ZipEntry entry : entries) {
                out.putNextEntry(new ZipEntry(entry.getName().substring(prefix.length())));
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > Http.MAX_PACK) {
                            throw ApiError.packRefused("the pack's files are over the size limit of "
                                    + (Http.MAX_PACK >> 20) + " MiB", List.of());
                        }
                        out.write(buffer, 0, n);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /** The start of pack.json, only to route the upload: the installer reads and checks it properly. */
    private static String descriptor(ZipFile zip) throws IOException {
        ZipEntry descriptor = zip.getEntry("pack.json");
        if (descriptor == null || descriptor.isDirectory()) {
            return "";
        }
        try (InputStream in = zip.getInputStream(descriptor)) {
            return new String(in.readNBytes((int) MAX_DESCRIPTOR), StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Unused upload files are removed with the folder when the server stops. */
    void discard(Path jar) {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            // left for the folder's removal at stop
        }
    }

}
