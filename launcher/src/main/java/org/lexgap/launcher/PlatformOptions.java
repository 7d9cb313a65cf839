package org.lexgap.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import picocli.CommandLine;

import picocli.CommandLine.Option;

/** Options every command that starts the platform shares. */
final class PlatformOptions {
    @Option(names = "--packs", paramLabel = "DIR",
            description = "Add the pack in DIR, or every pack directory or pack jar inside DIR (repeatable).")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--no-shipped-packs", description = "Do not load the packs shipped with Lexgap.")
    boolean noShippedPacks;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "Also trust the public keys (*.pem) in DIR, for this run (repeatable).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--require-signed",
            description = "Refuse every pack that no trusted key signed (unsigned folders included).")
    boolean requireSigned;

    @Option(names = "--no-cache", description = "Neither use nor fill the cache of passed pack tests and compiled rules"
            + " (-Dlexgap.cache.dir or LEXGAP_CACHE_DIR name its folder; default ~/.lexgap/cache). The shipped packs'"
            + " rules compiled when the distribution was built are still used.")
    boolean noCache;

    @Option(names = {"-v", "--verbose"}, description = "Log what the platform does (to stderr).")
    boolean verbose;

    @Option(names = "--time-budget", paramLabel = "TIME", converter = TimeBudget.class,
            description = "Longest one jurisdiction's rules may run, e.g. 2s or 500ms (default: 2s). A pack whose"
                    + " rules take longer is refused at the rule.")
    String timeBudget;

    Platform start() {
        return start(false);
    }

    /**
     * Starts the platform, warns on stderr about packs that were refused or are unsigned, prints what {@code body}
     * returns to stdout, and stops the platform. Returns exit code 0.
     */
    int print(CommandLine.Model.CommandSpec spec, Function<Platform, String> body) {
        try (Platform running = start()) {
            Warnings.failedPacks(running, spec.commandLine().getErr());
            spec.commandLine().getOut().print(body.apply(running));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** Starts without the shipped pack with this id, so that its source directory can be loaded in its place. */
    Platform startExcluding(String packId) {
        return Platform.start(options(false).withoutShipped(packId));
    }

    /** Starts with no packs at all: for the commands that only sign or manage keys. */
    Platform startBare() {
        return Platform.start(options(false).withoutShippedPacks().withPacks(List.of()));
    }

    /** Starts with only the shipped packs that {@code need} may use (see {@link PackSelection}). */
    Platform start(PackSelection.Need need) {
        return Platform.start(options(false).needing(need));
    }

    Platform start(boolean shell) {
        return Platform.start(options(shell));
    }

    /** The core's framework property naming the report format to ready ahead (its Activator's RENDER_AHEAD). */
    static final String RENDER_AHEAD = "lexgap.render.ahead";

    /**
     * Starts the platform for a report in {@code format}, with only the shipped packs {@code need} may use (all of
     * them when it is null); the core readies that format's renderer while the packs load, where that helps (pdf).
     */
    Platform startForReport(PackSelection.Need need, String format) {
        Platform.Options options = options(false).withProperty(RENDER_AHEAD, format);
        return Platform.start(need == null ? options : options.needing(need));
    }

    /**
     * The core reads the time budget from this framework property (its RuleBudget); checked here too, so that a
     * typo is a usage error rather than a platform that does not start.
     */
    static final class TimeBudget implements CommandLine.ITypeConverter<String> {
        static final String PROPERTY = "lexgap.rules.timeBudget";

        @Override
        public String convert(String value) {
            if (!value.strip().matches("[0-9]{1,9}\\s*(ms|s|m)?") || value.strip().matches("0+\\s*(ms|s|m)?")) {
                throw new CommandLine.TypeConversionException("a time budget is a number with ms, s or m, for"
                        + " example 2s or 500ms; not '" + value + "'");
            }
            return value.strip();
        }
    }

    /** Where the CLI keeps what it caches: -Dlexgap.cache.dir, else $LEXGAP_CACHE_DIR, else cache/ in the user folder. */
    static Path cacheDirectory() {
        String property = System.getProperty("lexgap.cache.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String env = System.getenv("LEXGAP_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Distribution.userDirectory().resolve("cache");
    }

    Platform.Options options(boolean shell) {
        Platform.Options options = Platform.Options.defaults().withPacks(packs).withTrust(trust);
        if (!noCache) {
            options = options.withProperty("lexgap.cache.dir", cacheDirectory().toString())
                    .withProperty(Platform.FELIX_CACHE, cacheDirectory().toString());
        }
        if (timeBudget != null) {
            options = options.withProperty(TimeBudget.PROPERTY, timeBudget);
        }
        // -Dlexgap.rules.buildTime= (blank) turns the shipped packs' build-time rules off, so that a bench can measure
        // a first load that compiles them. Only off: no other folder of compiled rules can be named.
        String buildTimeRules = System.getProperty(Platform.BUILD_TIME_RULES);
        if (buildTimeRules != null && buildTimeRules.isBlank()) {
            options = options.withProperty(Platform.BUILD_TIME_RULES, "");
        }
        if (noShippedPacks) {
            options = options.withoutShippedPacks();
        }
        if (requireSigned) {
            options = options.requiringSigned();
        }
        if (shell) {
            options = options.withShell();
        }
        return options;
    }
}
