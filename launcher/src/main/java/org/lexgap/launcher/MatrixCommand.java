package org.lexgap.launcher;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.AssessmentRequest;

/** {@code lexgap matrix}: the country-by-criterion table of a region. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"The region's country-by-criterion matrix, in the layout of the Global Review's tables.",
                "With --amend, the cells the amendments change are marked hypothetical."})
final class MatrixCommand implements Callable<Integer> {
    /** text is the ✓/✗ grid; csv the Global Review table layout; json the full assessments. */
    enum Format { text, csv, json }

    @Option(names = {"-r", "--region"}, required = true, paramLabel = "NAME", description = "e.g. ASEAN")
    String region;

    @Mixin
    LawOptions law;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String rendererFormat = switch (format) {
            case text -> "grid";
            case csv -> "csv";
            case json -> "json";
        };
        List<AmendmentFile> amendments = law.amendments(spec);
        try (Platform running = amendments.isEmpty() ? platform.start(new PackSelection.Need(
                java.util.Set.of(), region, java.util.Set.of(law.edition))) : platform.start()) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            if (!LawOptions.check(running, amendments, spec.commandLine().getErr())) {
                return Main.CHECK_FAILED;
            }
            spec.commandLine().getOut().print(running.renderer().render(running.evaluator().assess(
                    new AssessmentRequest(List.of(), region, law.edition, law.asOf, amendments)), rendererFormat));
            Timeline.mark("matrix assessed and rendered");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
