package org.lexgap.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.lexgap.api.model.SourceEntry;
import org.lexgap.api.service.SourceIndex;

/** {@code lexgap sources}: every source the packs cite, for review in a terminal or a spreadsheet. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"List every source the packs cite: pack, file:line, item (instrument, provision, interpretation,",
                "region, edition, criterion), verified flag, retrieval date, and whether it reads as a URL, a formal",
                "citation, neither (informal), or a file path (an error). Without --packs: the packs serving now."})
final class SourcesCommand implements Callable<Integer> {
    /** text for the terminal; csv (RFC 4180) for a spreadsheet. */
    enum Format { text, csv }

    @Option(names = "--packs", paramLabel = "DIR",
            description = "List the pack in DIR, or every pack directory inside DIR, read from disk without installing"
                    + " it (repeatable). A pack with errors is listed as far as its JSON reads.")
    List<Path> packs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-v", "--verbose"}, description = "Log what the platform does (to stderr).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Platform.Options options = Platform.Options.defaults();
        if (!packs.isEmpty()) {
            options = options.withoutShippedPacks(); // the platform only hosts the index; the packs are read from disk
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Platform running = Platform.start(options)) {
            SourceIndex index = running.service(SourceIndex.class);
            List<SourceEntry> entries = new ArrayList<>();
            if (packs.isEmpty()) {
                Warnings.failedPacks(running, err);
                entries.addAll(index.serving());
            } else {
                for (Path directory : packs) {
                    for (Path pack : Platform.packsIn(directory)) {
                        if (Files.isDirectory(pack)) {
                            entries.addAll(index.read(pack));
                        } else {
                            err.println("lexgap: warning: " + pack + " is a pack jar; sources reads pack directories"
                                    + " (run without --packs to list the packs serving)");
                        }
                    }
                }
                entries.sort(Comparator.comparing(SourceEntry::pack).thenComparing(SourceEntry::file)
                        .thenComparingInt(SourceEntry::line).thenComparing(SourceEntry::pointer));
            }
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.print(index.render(entries, format.name()));
            out.flush();
            return 0;
        }
    }
}
