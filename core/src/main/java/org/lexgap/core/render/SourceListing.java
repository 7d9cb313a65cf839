package org.lexgap.core.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lexgap.api.model.SourceEntry;

/**
 * {@code lexgap sources} output: aligned text for the terminal, or CSV (RFC 4180) for a spreadsheet. Entries come
 * in a stable order, so the output is byte-identical for the same packs.
 */
public final class SourceListing {
    /** The CSV header, in column order. */
    public static final String CSV_HEADER = "pack,file,line,kind,item,verified,retrieved,form,source,pointer";

    private SourceListing() {
    }

    /** CSV with a header row and CRLF line ends; a field is quoted when it holds a comma, quote, CR or LF. */
    public static String csv(List<SourceEntry> entries) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (SourceEntry e : entries) {
            out.append(field(e.pack())).append(',').append(field(e.file())).append(',').append(e.line()).append(',')
                    .append(field(e.kind())).append(',').append(field(e.item())).append(',')
                    .append(e.verified() == null ? "" : e.verified()).append(',')
                    .append(e.retrieved() == null ? "" : e.retrieved()).append(',').append(field(e.form()))
                    .append(',').append(field(e.source())).append(',').append(field(e.pointer())).append("\r\n");
        }
        return out.toString();
    }

    /** One block per pack: a count by form, then each source under its file:line, item, flag and date. */
    public static String text(List<SourceEntry> entries) {
        Map<String, List<SourceEntry>> byPack = new LinkedHashMap<>();
        entries.forEach(e -> byPack.computeIfAbsent(e.pack(), p -> new java.util.ArrayList<>()).add(e));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<SourceEntry>> pack : byPack.entrySet()) {
            List<SourceEntry> list = pack.getValue();
            out.append(pack.getKey()).append(": ").append(count(list, null)).append(" sources (")
                    .append(count(list, "url")).append(" url, ").append(count(list, "citation")).append(" citation, ")
                    .append(count(list, "informal")).append(" informal, ").append(count(list, "file"))
                    .append(" file)\n");
            int width = list.stream().mapToInt(e -> where(e).length()).max().orElse(0);
            for (SourceEntry e : list) {
                out.append("  ").append(String.format("%-" + width + "s", where(e))).append("  ")
                        .append(e.kind()).append(e.item().isEmpty() ? "" : " " + e.item()).append("  ")
                        .append(e.verified() == null ? "-" : e.verified() ? "verified" : "UNVERIFIED").append("  ")
                        .append(e.retrieved() == null ? "retrieved ?" : "retrieved " + e.retrieved()).append("  ")
                        .append(e.form().equals("file") ? "FILE (error)" : e.form()).append('\n');
                out.append("      ").append(e.source().replace("\n", " ")).append('\n');
            }
            out.append('\n');
        }
        long unverified = entries.stream().filter(e -> Boolean.FALSE.equals(e.verified())).count();
        long undated = entries.stream().filter(e -> e.retrieved() == null).count();
        out.append(entries.size()).append(" sources in ").append(byPack.size()).append(" pack(s); ").append(unverified)
                .append(" on unverified items; ").append(undated).append(" without a retrieval date; ")
                .append(count(entries, "informal")).append(" informal; ").append(count(entries, "file"))
                .append(" pointing into a file system\n");
        return out.toString();
    }

    private static String where(SourceEntry e) {
        return e.file() + ":" + e.line();
    }

    private static long count(List<SourceEntry> entries, String form) {
        return form == null ? entries.size() : entries.stream().filter(e -> e.form().equals(form)).count();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
