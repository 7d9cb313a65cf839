package org.lexgap.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.lexgap.api.model.Jurisdiction;

/** What to assess: jurisdictions or a region. */
final class ScopeOptions {
    @Option(names = {"-j", "--jurisdiction"}, paramLabel = "CODE", split = ",",
            description = "ISO 3166 code: alpha-2 for a country (PH), ISO 3166-2 for a subnational unit (US-CA); repeatable, or comma-separated.")
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
        jurisdictions.forEach(code -> code(spec, code));
    }

    /**
     * {@code code} in upper case, refused (exit 2) unless it is an ISO 3166 alpha-2 or 3166-2 code. Upper case is a
     * convenience on the command line ({@code -j us-ca}); the shape is not negotiable.
     */
    static String code(CommandLine.Model.CommandSpec spec, String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        String problem = Jurisdiction.codeProblem(upper);
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jurisdiction: " + problem);
        }
        return upper;
    }
}
