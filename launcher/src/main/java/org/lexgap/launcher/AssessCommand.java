package org.lexgap.launcher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;

/** {@code lexgap assess}: the gap analysis of jurisdictions or a region. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess jurisdictions against a model-law edition, as the law stood on a date.")
final class AssessCommand implements Callable<Integer> {
    /** Output formats and the renderer format each maps to. */
    enum Format { text, json }

    @Option(names = {"-j", "--jurisdiction"}, paramLabel = "CODE", split = ",",
            description = "ISO 3166 code, e.g. PH (repeatable, or comma-separated).")
    List<String> jurisdictions = new ArrayList<>();

    @Option(names = {"-r", "--region"}, paramLabel = "NAME", description = "A region a pack declares, e.g. ASEAN.")
    String region;

    @Option(names = {"-e", "--edition"}, defaultValue = "8", description = "Model-law edition (default: ${DEFAULT-VALUE}).")
    String edition;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Dates.class, defaultValue = "today",
            description = "Read the law as of this date, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (jurisdictions.isEmpty() && region == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "name --jurisdiction CODE or --region NAME");
        }
        try (Platform running = platform.start()) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            GapAnalysis analysis = running.evaluator().assess(new AssessmentRequest(jurisdictions, region, edition, asOf));
            spec.commandLine().getOut().print(running.renderer().render(analysis, format.name()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
