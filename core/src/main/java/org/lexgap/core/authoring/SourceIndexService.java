package org.lexgap.core.authoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.lexgap.api.model.SourceEntry;
import org.lexgap.api.service.SourceIndex;
import org.lexgap.core.engine.Catalog;
import org.lexgap.core.engine.LoadedPack;
import org.lexgap.core.pack.PackFiles;
import org.lexgap.core.pack.SourceList;
import org.lexgap.core.render.SourceListing;

/** The {@link SourceIndex} service: the sources of the serving packs or of a pack directory, and their listing. */
public final class SourceIndexService implements SourceIndex {
    private static final List<String> FORMATS = List.of("text", "csv");

    private final Supplier<Catalog> catalog;

    public SourceIndexService(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<String> formats() {
        return FORMATS;
    }

    @Override
    public List<SourceEntry> serving() {
        List<SourceEntry> out = new ArrayList<>();
        catalog.get().packs().stream().sorted(Comparator.comparing(LoadedPack::id))
                .forEach(p -> out.addAll(SourceList.of(p.content().files())));
        out.sort(SourceList.ORDER);
        return out;
    }

    @Override
    public List<SourceEntry> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no pack directory at " + directory);
        }
        return SourceList.of(PackFiles.fromDirectory(directory));
    }

    @Override
    public String render(List<SourceEntry> entries, String format) {
        return switch (format) {
            case "text" -> SourceListing.text(entries);
            case "csv" -> SourceListing.csv(entries);
            default -> throw new IllegalArgumentException("unknown format \"" + format + "\"; expected one of " + FORMATS);
        };
    }
}
