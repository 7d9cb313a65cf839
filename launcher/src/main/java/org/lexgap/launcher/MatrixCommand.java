package org.lexgap.launcher;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;

/** {@code lexgap matrix}: the country-by-criterion table of a region. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "The region's country-by-criterion matrix, in the layout of the Global Review's tables.")
final class MatrixCommand implements Callable<Integer> {
    /** text is the ✓/✗ grid; csv the Global Review table layout; json the full assessments. */
    enum Format { text, csv, json }

    @Option(names = {"-r", "--region"}, required = true, paramLabel = "NAME", description = "e.g. ASEAN")
    String region;

    @Option(names = {"-e", "--edition"}, defaultValue = "8", description = "Model-law edition (default: ${DEFAULT-VALUE}).")
    String edition;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Dates.class, defaultValue = "today",
            description = "Read the law as of this date, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Platform running = platform.start()) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            GapAnalysis analysis = running.evaluator().assess(new AssessmentRequest(List.of(), region, edition, asOf));
            String rendererFormat = switch (format) {
                case text -> "grid";
                case csv -> "csv";
                case json -> "json";
            };
            spec.commandLine().getOut().print(running.renderer().render(analysis, rendererFormat));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
