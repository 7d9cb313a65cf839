package org.lexgap.launcher;

import java.time.LocalDate;

import picocli.CommandLine.Option;

/** Which model law, and the law as of which date: shared by every command that assesses. */
final class LawOptions {
    @Option(names = {"-e", "--edition"}, defaultValue = "8", description = "Model-law edition (default: ${DEFAULT-VALUE}).")
    String edition;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Dates.class, defaultValue = "today",
            description = "Read the law as of this date, YYYY-MM-DD (default: today).")
    LocalDate asOf;
}
