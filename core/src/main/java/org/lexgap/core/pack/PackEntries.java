package org.lexgap.core.pack;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a pack may hold, whether it comes as a folder or a jar: data files under relative paths that stay inside
 * the pack. Code (class files, jars, native libraries) and private keys are refused by name or content; the
 * messages are one line and never quote a file's content.
 */
final class PackEntries {
    private static final Set<String> CODE = Set.of(".class", ".jar", ".war", ".so", ".dll", ".dylib", ".jnilib",
            ".exe", ".sh", ".bat", ".cmd", ".ps1", ".js", ".jsp");
    private static final byte[] PRIVATE_KEY = "PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);

    private PackEntries() {
    }

    /** Skipped without reading: hidden files and folders, and editor backups. */
    static boolean ignored(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".") || part.contains("~")) {
                return true;
            }
        }
        return false;
    }

    /** Refuses a path that names code, or that could leave the pack (archives carry paths as text). */
    static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")
                || path.indexOf('\0') >= 0 || path.length() > 512) {
            throw new PackFiles.Refused(printable(path), "path leaves the pack: " + printable(path));
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new PackFiles.Refused(printable(path), "path leaves the pack: " + printable(path));
            }
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String suffix : CODE) {
            if (lower.endsWith(suffix)) {
                throw new PackFiles.Refused(path, (suffix.equals(".class") ? "class file " : "code file ") + path
                        + ": a pack is data, not code");
            }
        }
        if (lower.endsWith(".key.pem") || lower.endsWith(".key")) {
            throw new PackFiles.Refused(path, privateKey(path));
        }
    }

    /** Refuses content that holds a private key: a signing key must never travel inside a pack. */
    static void checkContent(String path, byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - PRIVATE_KEY.length; i++) {
            for (int j = 0; j < PRIVATE_KEY.length; j++) {
                if (bytes[i + j] != PRIVATE_KEY[j]) {
                    continue outer;
                }
            }
            throw new PackFiles.Refused(path, privateKey(path));
        }
    }

    private static String privateKey(String path) {
        return path + " looks like a private key: a signing key must never be put in a pack (move it out of the"
                + " pack folder)";
    }

    /** A name from a hostile archive, safe to print on one line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(120).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.length() > 120 ? out + "..." : out.toString();
    }

    /** Sizes for people: 3221225472 is "3.0 GiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 10 || value == Math.rint(value) ? "%.0f %s" : "%.1f %s", value,
                units[unit]);
    }
}
