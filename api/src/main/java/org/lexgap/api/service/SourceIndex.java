package org.lexgap.api.service;

import java.nio.file.Path;
import java.util.List;

import org.lexgap.api.model.SourceEntry;

/**
 * Every {@code source} the packs cite, for editors who review them: where it is written (file and line), what it
 * supports, its verified flag and retrieval date, and whether it reads as a URL, a formal citation, neither, or a
 * file-system path. Lists are in pack id, file, line order, so the same packs always list the same way.
 */
public interface SourceIndex {

    /** The formats {@link #render} accepts: {@code text} and {@code csv}. */
    List<String> formats();

    /** The sources of the packs serving now. */
    List<SourceEntry> serving();

    /**
     * The sources of the pack in {@code directory}, read without installing it. A pack with errors is listed as far
     * as its JSON can be parsed, since those are often the sources an editor needs to fix.
     *
     * @throws IllegalArgumentException when {@code directory} is not a directory
     */
    List<SourceEntry> read(Path directory);

    /**
     * Renders {@code entries} as aligned {@code text} or as {@code csv} (RFC 4180: a header row, CRLF line ends,
     * fields quoted where needed) for a spreadsheet.
     *
     * @throws IllegalArgumentException for a format not in {@link #formats()}
     */
    String render(List<SourceEntry> entries, String format);
}
