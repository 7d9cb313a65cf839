package org.lexgap.api.model;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A what-if amendment file as the user gave it (docs/what-if.md, docs/schema/amendment.schema.json): the path it
 * was read from, used in error messages, and its bytes. Amendments are applied on top of a copy of a jurisdiction's
 * law for one assessment; they never change a pack.
 *
 * @param path    the path as given, for example {@code what-if/my-possession.json}
 * @param content the file's bytes (copied in and out, so the record stays immutable)
 */
public record AmendmentFile(String path, byte[] content) {
    public AmendmentFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The file's name without its folders: what reports show, so that they do not depend on where it was read. */
    public String name() {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AmendmentFile a && a.path.equals(path) && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "AmendmentFile[" + path + ", " + content.length + " bytes, "
                + HexFormat.of().formatHex(Arrays.copyOf(content, Math.min(4, content.length))) + "...]";
    }
}
