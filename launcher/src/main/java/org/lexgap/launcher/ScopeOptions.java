package org.lexgap.launcher;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What to assess: jurisdictions or a region. */
final class ScopeOptions {
    @Option(names = {"-j", "--jurisdiction"}, paramLabel = "CODE", split = ",",
            description = "ISO 3166 code, e.g. PH (repeatable, or comma-separated).")
    List<String> jurisdictions = new ArrayList<>();

    @Option(names = {"-r", "--region"}, paramLabel = "NAME", description = "A region a pack declares, e.g. ASEAN.")
    String region;

    /** Requires a scope; with {@code exclusive}, exactly one of the two kinds. */
    void require(CommandLine.Model.CommandSpec spec, boolean exclusive) {
        boolean none = jurisdictions.isEmpty() && region == null;
        boolean both = !jurisdictions.isEmpty() && region != null;
        if (none || (exclusive && both)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    exclusive ? "name either --jurisdiction CODE or --region NAME" : "name --jurisdiction CODE or --region NAME");
        }
    }
}
