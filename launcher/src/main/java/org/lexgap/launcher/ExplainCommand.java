package org.lexgap.launcher;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AmendmentFile;


/** {@code lexgap explain}: why one verdict is what it is. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show the trace behind one verdict: the provisions in force and their elements,",
                "the rules that fired in order, the interpretation that applied, and why.",
                "With --amend, on the law as the amendments would make it (hypothetical provisions marked)."})
final class ExplainCommand implements Callable<Integer> {
    @Option(names = {"-j", "--jurisdiction"}, required = true, paramLabel = "CODE",
            description = "ISO 3166 code, e.g. PH or US-CA.")
    String jurisdiction;

    @Option(names = {"-c", "--criterion"}, required = true, paramLabel = "ID", description = "e.g. simple_possession")
    String criterion;

    @Mixin
    LawOptions law;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String code = ScopeOptions.code(spec, jurisdiction);
        List<AmendmentFile> amendments = law.amendments(spec);
        try (Platform running = platform.start()) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            if (!LawOptions.check(running, amendments, spec.commandLine().getErr())) {
                return Main.CHECK_FAILED;
            }
            spec.commandLine().getOut().print(running.renderer().renderExplanation(running.toolkit().explain(
                    code, criterion, law.edition, law.asOf, amendments),
                    format));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
