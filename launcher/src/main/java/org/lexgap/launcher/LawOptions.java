package org.lexgap.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AmendmentFile;
import org.lexgap.api.model.PackCheck;
import org.lexgap.api.model.PackProblem;

/**
 * Which model law, the law as of which date, and any what-if amendments on top of it: shared by every command
 * that assesses.
 */
final class LawOptions {
    @Option(names = {"-e", "--edition"}, defaultValue = "8", description = "Model-law edition (default: ${DEFAULT-VALUE}).")
    String edition;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Dates.class, defaultValue = "today",
            description = "Read the law as of this date, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Option(names = "--amend", paramLabel = "FILE",
            description = {"Apply a what-if amendment file on top of the packs (repeatable, applied in order).",
                    "The packs are not changed; the result is marked hypothetical. See docs/what-if.md."})
    List<Path> amend = new ArrayList<>();

    /** The amendment files' bytes, with the paths as given for messages. */
    List<AmendmentFile> amendments(CommandLine.Model.CommandSpec spec) {
        return read(amend, spec);
    }

    static List<AmendmentFile> read(List<Path> paths, CommandLine.Model.CommandSpec spec) {
        List<AmendmentFile> out = new ArrayList<>();
        for (Path path : paths) {
            try {
                out.add(new AmendmentFile(path.toString(), Files.readAllBytes(path)));
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read amendment file " + path
                        + (Files.exists(path) ? ": " + e.getMessage() : ": no such file"));
            }
        }
        return out;
    }

    /**
     * Checks the amendments against the serving packs and prints every problem to {@code err}, one
     * {@code file:line:column: message} per line.
     *
     * @return false when any is an error (the command then exits with {@link Main#CHECK_FAILED})
     */
    static boolean check(Platform running, List<AmendmentFile> amendments, PrintWriter err) {
        if (amendments.isEmpty()) {
            return true;
        }
        PackCheck check = running.toolkit().checkAmendments(amendments);
        for (PackProblem p : check.problems()) {
            err.println(p.format());
        }
        if (check.hasErrors()) {
            long errors = check.problems().stream().filter(p -> p.severity() == PackProblem.Severity.ERROR).count();
            err.println("lexgap: " + errors + " error(s) in the amendment file(s); nothing was assessed");
        }
        err.flush();
        return !check.hasErrors();
    }
}
