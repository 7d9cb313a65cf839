package org.lexgap.launcher;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.lexgap.api.model.Explanation;

/** {@code lexgap explain}: why one verdict is what it is. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show the trace behind one verdict: the provisions in force and their elements,",
                "the rules that fired in order, the interpretation that applied, and why."})
final class ExplainCommand implements Callable<Integer> {
    @Option(names = {"-j", "--jurisdiction"}, required = true, paramLabel = "CODE")
    String jurisdiction;

    @Option(names = {"-c", "--criterion"}, required = true, paramLabel = "ID", description = "e.g. simple_possession")
    String criterion;

    @Option(names = {"-e", "--edition"}, defaultValue = "8", description = "Model-law edition (default: ${DEFAULT-VALUE}).")
    String edition;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Dates.class, defaultValue = "today",
            description = "Read the law as of this date, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Platform running = platform.start()) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            Explanation explanation = running.toolkit().explain(jurisdiction.toUpperCase(java.util.Locale.ROOT),
                    criterion, edition, asOf);
            spec.commandLine().getOut().print(running.renderer().renderExplanation(explanation, format));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
