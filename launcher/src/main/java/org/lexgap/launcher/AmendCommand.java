package org.lexgap.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.Jurisdiction;
import org.lexgap.api.model.PackCheck;
import org.lexgap.api.model.PackProblem;

/** {@code lexgap amend}: create and check what-if amendment files (docs/what-if.md). */
@Command(name = "amend", mixinStandardHelpOptions = true,
        description = {"Create and check what-if amendment files: hypothetical changes to one jurisdiction's law that",
                "assess, matrix, report and explain apply with --amend FILE, without changing any pack."},
        subcommands = {AmendCommand.New.class, AmendCommand.Validate.class})
final class AmendCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name an amend command: new or validate");
    }

    /** {@code lexgap amend new}. */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Write an amendment file for a loaded jurisdiction, with one example change that adds a",
                    "hypothetical instrument. Every example value reads EXAMPLE and 'amend validate' warns until it",
                    "is replaced."})
    static final class New implements Callable<Integer> {
        @Option(names = {"-j", "--jurisdiction"}, required = true, paramLabel = "CODE", description = "ISO 3166 code, e.g. TH or AU-NSW.")
        String code;

        @Option(names = "--from", paramLabel = "DATE", converter = Dates.class, defaultValue = "today",
                description = "The date the example change takes effect (default: today).")
        LocalDate from;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String upper = ScopeOptions.code(spec, code);
            if (output != null && Files.exists(output)) {
                throw new CommandLine.ParameterException(spec.commandLine(), output + " exists; choose another -o FILE");
            }
            try (Platform running = platform.start()) {
                Jurisdiction jurisdiction = running.registry().jurisdictions().stream()
                        .filter(j -> j.code().equals(upper)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown jurisdiction \"" + upper
                                + "\"; loaded: " + String.join(", ", running.registry().jurisdictions().stream()
                                .map(Jurisdiction::code).toList())));
                String text = AmendScaffold.text(jurisdiction, from);
                PackCheck check = running.toolkit().checkAmendments(List.of(new AmendmentFile("new amendment",
                        text.getBytes(StandardCharsets.UTF_8))));
                if (check.hasErrors()) {
                    throw new IllegalStateException("the scaffold does not validate: " + check.problems());
                }
                if (output == null) {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                } else {
                    Path parent = output.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    Files.writeString(output, text);
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("lexgap: wrote " + output + ", a what-if amendment for " + jurisdiction.name()
                            + " with one example change.");
                    err.println("Next: replace every EXAMPLE value, then: lexgap amend validate " + output);
                    err.println("      lexgap assess -j " + upper + " --amend " + output);
                    err.flush();
                }
                return 0;
            }
        }

    }

    /** {@code lexgap amend validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check amendment files against docs/schema/amendment.schema.json and the loaded packs:",
                    "the jurisdiction exists, every id repealed or amended is recorded, dates are in order.",
                    "Every problem is printed as file:line:column: message; exit code 5 when there are errors."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Amendment files, in the order they apply.")
        List<Path> files;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<AmendmentFile> amendments = LawOptions.read(files, spec);
            try (Platform running = platform.start()) {
                Warnings.failedPacks(running, spec.commandLine().getErr());
                PackCheck check = running.toolkit().checkAmendments(amendments);
                PrintWriter out = spec.commandLine().getOut();
                long errors = 0;
                for (PackProblem p : check.problems()) {
                    out.println(p.format());
                    errors += p.severity() == PackProblem.Severity.ERROR ? 1 : 0;
                }
                out.println(String.join(", ", files.stream().map(Path::toString).toList()) + ": " + errors
                        + " error(s), " + (check.problems().size() - errors) + " warning(s)");
                out.flush();
                return check.hasErrors() ? Main.CHECK_FAILED : 0;
            }
        }
    }
}
