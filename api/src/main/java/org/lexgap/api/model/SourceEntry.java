package org.lexgap.api.model;

import java.time.LocalDate;

/**
 * One {@code source} written in a pack, where it is and what it supports: a row of {@code lexgap sources}.
 *
 * @param pack      the pack id (or the directory when pack.json is unreadable)
 * @param file      the file inside the pack, for example {@code jurisdictions/PH.json}
 * @param line      1-based line of the source value, or 0 when unknown
 * @param pointer   JSON pointer of the source value, for example {@code /instruments/0/source}
 * @param kind      what carries it: {@code instrument}, {@code provision}, {@code interpretation}, {@code region},
 *                  {@code edition}, {@code criterion} or {@code global-results}
 * @param item      the id of what carries it: an instrument, provision or interpretation id, a region id, the
 *                  edition number, or a criterion id
 * @param source    the source as written
 * @param form      how the source reads: {@code url} (it gives at least one http or https address),
 *                  {@code citation} (a formal citation), {@code informal} (neither) or {@code file} (it points into
 *                  a file system, which is an error)
 * @param verified  the item's verified flag, or {@code null} for items that carry none
 * @param retrieved when the source was read, or {@code null} when not recorded
 */
public record SourceEntry(String pack, String file, int line, String pointer, String kind, String item,
                          String source, String form, Boolean verified, LocalDate retrieved) {
}
