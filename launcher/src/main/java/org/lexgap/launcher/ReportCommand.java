package org.lexgap.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.ReportRequest;

/** {@code lexgap report}: a gap report for a country or a region, as a document. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a gap report for a country (--jurisdiction) or a region (--region):",
                "status per criterion with cited evidence, gaps with the model law's recommendations,",
                "regional counts and chart, and what changed since --compare-with.",
                "--compare-edition N shows the same law under a second edition, with what changed and why;",
                "--amend FILE shows the recorded and the amended law side by side, marked hypothetical."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ScopeOptions scope;

    @Mixin
    LawOptions law;

    @Option(names = "--compare-with", paramLabel = "DATE", converter = Dates.class,
            description = "Also read the law as of this date and report what changed, e.g. 2016-01-01.")
    LocalDate compareWith;

    @Option(names = "--compare-edition", paramLabel = "N",
            description = "Also assess against model-law edition N and report what differs and why, e.g. 9.")
    String compareEdition;

    @Option(names = {"-f", "--format"}, defaultValue = "html", description = "html, pdf, md, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--lang", defaultValue = "en", description = "Language of the report's own wording: en or es (default: ${DEFAULT-VALUE}). Pack texts stay in the pack's language.")
    String lang;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        scope.require(spec, true);
        if (format.equals("pdf") && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a PDF needs -o FILE");
        }
        if (compareWith != null && compareEdition != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "compare either with a date (--compare-with) or with an edition (--compare-edition), not both");
        }
        if (!law.amend.isEmpty() && (compareWith != null || compareEdition != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--amend already compares the recorded law"
                    + " with the amended law; run a separate report for --compare-with or --compare-edition");
        }
        if (law.edition.equals(compareEdition)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--compare-edition " + compareEdition + " is the edition being reported; name another one");
        }
        List<AmendmentFile> amendments = law.amendments(spec);
        java.util.Set<String> editions = compareEdition == null ? java.util.Set.of(law.edition)
                : java.util.Set.of(law.edition, compareEdition);
        try (Platform running = platform.startForReport(amendments.isEmpty() ? new PackSelection.Need(
                java.util.Set.copyOf(scope.jurisdictions), scope.region, editions) : null, format)) {
            List<String> languages = running.reports().languages();
            if (!languages.contains(lang)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lang " + lang
                        + ": no report wording in that language; available: " + String.join(", ", languages));
            }
            Warnings.failedPacks(running, spec.commandLine().getErr());
            if (!LawOptions.check(running, amendments, spec.commandLine().getErr())) {
                return Main.CHECK_FAILED;
            }
            byte[] report = running.reports().report(new ReportRequest(scope.jurisdictions, scope.region, law.edition,
                    law.asOf, compareWith, format, lang, amendments, compareEdition));
            Timeline.mark("report assessed and rendered");
            if (output == null) {
                spec.commandLine().getOut().flush();
                OutputStream out = System.out;
                out.write(report);
                out.flush();
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(output, report);
                spec.commandLine().getErr().println("lexgap: wrote " + output + " (" + report.length + " bytes)");
            }
            return 0;
        }
    }
}
