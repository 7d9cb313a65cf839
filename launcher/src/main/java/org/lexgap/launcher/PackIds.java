package org.lexgap.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a pack directory's id from its pack.json, loosely (the loader validates it properly). */
final class PackIds {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private PackIds() {
    }

    static String of(Path directory) {
        try {
            Matcher m = ID.matcher(Files.readString(directory.resolve("pack.json")));
            if (m.find()) {
                return m.group(1);
            }
        } catch (IOException e) {
            // fall through
        }
        throw new IllegalArgumentException("no readable pack.json with an \"id\" in " + directory);
    }
}
