package org.lexgap.launcher;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.AssessmentRequest;

/** {@code lexgap assess}: the gap analysis of jurisdictions or a region. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess jurisdictions against a model-law edition, as the law stood on a date.",
                "With --amend, also as it would stand with hypothetical amendments (marked so)."})
final class AssessCommand implements Callable<Integer> {
    /** Output formats and the renderer format each maps to. */
    enum Format { text, json }

    @Mixin
    ScopeOptions scope;

    @Mixin
    LawOptions law;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Timeline.mark("assess command parsed");
        scope.require(spec, false);
        List<AmendmentFile> amendments = law.amendments(spec);
        try (Platform running = amendments.isEmpty() ? platform.start(new PackSelection.Need(
                java.util.Set.copyOf(scope.jurisdictions), scope.region, java.util.Set.of(law.edition)))
                : platform.start()) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            if (!LawOptions.check(running, amendments, spec.commandLine().getErr())) {
                return Main.CHECK_FAILED;
            }
            var assessment = running.evaluator().assess(
                    new AssessmentRequest(scope.jurisdictions, scope.region, law.edition, law.asOf, amendments));
            Timeline.mark("assessment done");
            spec.commandLine().getOut().print(running.renderer().render(assessment, format.name()));
            spec.commandLine().getOut().flush();
            Timeline.mark("rendered");
            return 0;
        }
    }
}
