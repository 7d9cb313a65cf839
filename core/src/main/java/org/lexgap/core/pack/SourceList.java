package org.lexgap.core.pack;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.lexgap.api.model.SourceEntry;

/** Every source of one pack, located by file and line: what {@code lexgap sources} lists. */
public final class SourceList {
    /** Stable order: pack, file, line, pointer. */
    public static final Comparator<SourceEntry> ORDER = Comparator.comparing(SourceEntry::pack)
            .thenComparing(SourceEntry::file).thenComparingInt(SourceEntry::line).thenComparing(SourceEntry::pointer);

    private SourceList() {
    }

    /** The sources of the pack in {@code files}; files whose JSON does not parse are skipped. */
    public static List<SourceEntry> of(PackFiles files) {
        String pack = packId(files);
        List<SourceEntry> out = new ArrayList<>();
        for (String path : files.paths()) {
            if (!path.equals(PackReader.DESCRIPTOR) && !PackReader.isEditionFile(path)
                    && !(path.startsWith("jurisdictions/") && path.endsWith(".json"))) {
                continue;
            }
            LocatedJson json;
            try {
                json = LocatedJson.parse(path, files.bytes(path));
            } catch (LocatedJson.Malformed e) {
                continue; // pack validate reports it with its line; there is nothing to list
            }
            for (SourceFields.Field f : SourceFields.of(path, json.root())) {
                out.add(new SourceEntry(pack, path, json.locate(f.pointer())[0], f.pointer(), f.kind(), f.item(),
                        f.source(), SourceForm.of(f.source()).form().label(), f.verified(), date(f.retrieved())));
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static String packId(PackFiles files) {
        if (files.contains(PackReader.DESCRIPTOR)) {
            try {
                JsonNode id = LocatedJson.parse(PackReader.DESCRIPTOR, files.bytes(PackReader.DESCRIPTOR)).root().get("id");
                if (id != null && id.isTextual()) {
                    return id.asText();
                }
            } catch (LocatedJson.Malformed e) {
                // fall through to the origin
            }
        }
        return files.origin();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // pack validate reports it
        }
    }
}
