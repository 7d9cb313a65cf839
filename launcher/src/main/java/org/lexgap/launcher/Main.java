package org.lexgap.launcher;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lexgap} command. Exit codes: 0 success; 1 unexpected failure; 2 bad arguments; 3 unknown
 * jurisdiction, region or edition; 4 a pack's rules failed during evaluation (for example a loop); 5 a check
 * failed (invalid pack, failing pack tests).
 */
@Command(name = "lexgap", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Assess national law against the ICMEC model law on child sexual abuse material.")
public final class Main implements Runnable {
    /**
     * The commands, in the order help lists them. Building picocli's model of every command reads all their
     * annotations and loads their classes, a third of a second at start-up; a run that names one command builds
     * only that one's.
     */
    private static final List<Class<?>> COMMANDS = List.of(AssessCommand.class, MatrixCommand.class,
            ReportCommand.class, ExplainCommand.class, PackCommand.class, AmendCommand.class, WatchCommand.class,
            PacksCommand.class, SourcesCommand.class, ServeCommand.class, ShellCommand.class, BenchCommand.class,
            TrustCommand.class, CommandLine.HelpCommand.class);

    public static final int UNKNOWN_NAME = 3;
    public static final int EVALUATION_FAILED = 4;
    public static final int CHECK_FAILED = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link Logging#configure} before parsing; declared so that it is accepted before the command too. */
    @CommandLine.Option(names = {"-v", "--verbose"}, description = "Log what the platform does (to stderr).")
    boolean verbose;

    public static void main(String[] args) {
        Timeline.mark("main entered");
        Logging.configure(args);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code. Tests call this directly. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        String named = commandName(args);
        for (Class<?> command : COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            if (named == null || named.equals("help") || named.equals(name) || command == CommandLine.HelpCommand.class) {
                cli.addSubcommand(command);
            }
        }
        Timeline.mark("CLI model built");
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("lexgap: " + e.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            Throwable cause = e;
            while (cause instanceof IllegalStateException && cause.getCause() instanceof IllegalArgumentException) {
                cause = cause.getCause();
            }
            commandLine.getErr().println("lexgap: " + cause.getMessage());
            if (cause instanceof IllegalArgumentException) {
                return UNKNOWN_NAME;
            }
            if (cause instanceof IllegalStateException) {
                return EVALUATION_FAILED;
            }
            if (Logging.verbose()) {
                cause.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** The command {@code args} name, when it is one of ours; otherwise null (then every command is known). */
    private static String commandName(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                for (Class<?> command : COMMANDS) {
                    if (command.getAnnotation(Command.class).name().equals(arg)) {
                        return arg;
                    }
                }
                return null;
            }
            if (arg.equals("--")) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, for example: lexgap assess --jurisdiction PH");
    }

    /** The version from the launcher jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Lexgap " + (version == null ? "(development build)" : version)};
        }
    }
}
