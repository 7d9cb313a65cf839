package org.lexgap.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.lexgap.api.model.PackCheck;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackTestResult;

/** {@code lexgap pack}: the analyst's tools for a pack directory. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Create, validate, test and sign a pack directory; make a signing key.",
        subcommands = {PackCommand.New.class, PackCommand.Validate.class, PackCommand.Test.class,
                PackSigningCommands.Keygen.class, PackSigningCommands.Sign.class, PackSigningCommands.Verify.class})
final class PackCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a pack command: new, validate, test, keygen, sign or verify");
    }

    /** {@code lexgap pack new}. */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Create a working pack with one example instrument, provision, rule and test.")
    static final class New implements Callable<Integer> {
        @Option(names = "--id", required = true, description = "Pack id: lower case letters, digits and '-', e.g. japan.")
        String id;

        @Option(names = {"-j", "--jurisdiction"}, required = true, paramLabel = "CODE", description = "ISO 3166 code: alpha-2 for a country (JP), ISO 3166-2 for a subnational unit (AU-NSW).")
        String code;

        @Option(names = "--name", description = "The jurisdiction's name (default: the English name of the code).")
        String name;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where to create it (default: a folder named after the id).")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!id.matches("[a-z][a-z0-9-]{1,40}")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--id must be 2-41 lower-case letters, digits or '-', starting with a letter");
            }
            String upper = code.toUpperCase(Locale.ROOT);
            if (!org.lexgap.api.model.Jurisdiction.isCode(upper)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--jurisdiction: "
                        + org.lexgap.api.model.Jurisdiction.codeProblem(code));
            }
            Path target = dir != null ? dir : Path.of(id);
            Scaffold.write(target, Scaffold.files(id, upper, name != null ? name : Scaffold.countryName(upper)));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created pack " + id + " in " + target + ":");
            Scaffold.files(id, upper, "x").keySet().forEach(f -> out.println("  " + target.resolve(f)));
            out.println("Next: lexgap pack validate " + target + "   then   lexgap pack test " + target);
            out.flush();
            return 0;
        }
    }

    /** {@code lexgap pack validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a pack: JSON against docs/schema, references, dates, element vocabulary, and the DRL.",
                    "Every problem is printed as file:line:column: message; exit code 5 when there are errors."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The pack directory.")
        Path directory;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Platform running = platform.start()) {
                PackCheck check = running.toolkit().validate(directory);
                PrintWriter out = spec.commandLine().getOut();
                printProblems(out, directory, check);
                out.flush();
                return check.hasErrors() ? Main.CHECK_FAILED : 0;
            }
        }
    }

    /** {@code lexgap pack test}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Validate a pack, then run its tests/*.json cases and show each result.",
                    "Ends with a line 'N passed, N failed'; exit code 5 when any case fails."})
    static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The pack directory.")
        Path directory;

        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Platform running = platform.start()) {
                PackCheck check = running.toolkit().test(directory);
                PrintWriter out = spec.commandLine().getOut();
                if (check.hasErrors()) {
                    printProblems(out, directory, check);
                    out.println("0 passed, 0 failed (the pack did not load; fix the errors above)");
                    out.flush();
                    return Main.CHECK_FAILED;
                }
                int passed = 0;
                int failed = 0;
                int skipped = 0;
                for (PackTestResult r : check.tests()) {
                    String where = directory.resolve(r.file()) + ":" + r.line();
                    if (r.skipped() != null) {
                        skipped++;
                        out.println("SKIP  " + where + "  " + r.name() + " (" + r.skipped() + ")");
                    } else if (r.passed()) {
                        passed++;
                        out.println("PASS  " + where + "  " + r.name());
                    } else {
                        failed++;
                        out.println("FAIL  " + where + "  " + r.name());
                        r.failures().forEach(f -> out.println("        " + f));
                    }
                }
                out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
                out.flush();
                return failed > 0 ? Main.CHECK_FAILED : 0;
            }
        }
    }

    static void printProblems(PrintWriter out, Path directory, PackCheck check) {
        long errors = 0;
        long warnings = 0;
        for (PackProblem p : check.problems()) {
            out.println(p.file() == null ? directory + ": " + p.format()
                    : directory.resolve(p.file()) + p.format().substring(p.file().length()));
            if (p.severity() == PackProblem.Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        out.println(check.pack() + ": " + errors + " error(s), " + warnings + " warning(s)");
    }
}
