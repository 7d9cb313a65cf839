package org.lexgap.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lexgap bench cold}: whole-process figures. Each run is a fresh JVM started the way a user starts one (the
 * {@code lexgap} script when this process was started by it, else {@code java -jar} with the script's flags), once
 * with the caches as a previous run left them (the normal case) and once with an empty cache folder (a first run,
 * which also writes the class-data archive). Prints the median and range of the wall time, and the median CPU time
 * the child had used at its last timeline mark ({@code LEXGAP_TIMELINE}), one line per figure.
 */
@Command(name = "cold", mixinStandardHelpOptions = true,
        description = "Run the real distribution as child processes and print cold start-up figures.")
final class ColdBenchCommand implements Callable<Integer> {
    private static final Pattern MARK = Pattern.compile("lexgap-timeline\\s+(\\d+) ms\\s+cpu\\s+(-?\\d+) ms\\s+(.*)");

    @Option(names = "--runs", defaultValue = "7", description = "Runs of each figure (default: ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private record Case(String name, List<String> args, boolean firstVerdict) {
    }

    private record Run(double wallMs, double cpuMs, double firstVerdictMs) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = Files.createTempDirectory("lexgap-bench-cold-");
        try {
            Path pdf = scratch.resolve("report.pdf");
            List<Case> cases = List.of(
                    new Case("JVM start -> first verdict (assess -j PH)", List.of("assess", "-j", "PH"), true),
                    new Case("cold assess -j PH", List.of("assess", "-j", "PH"), false),
                    new Case("cold matrix --region ASEAN", List.of("matrix", "--region", "ASEAN"), false),
                    new Case("cold report --region ASEAN --format html", List.of("report", "--region", "ASEAN",
                            "--format", "html"), false),
                    new Case("cold report --region ASEAN --format pdf", List.of("report", "--region", "ASEAN",
                            "--format", "pdf", "-o", pdf.toString()), false));
            String userCache = System.getenv("LEXGAP_CACHE_DIR");
            out.printf("lexgap bench cold: %d runs each, launched as %s; machine load %s%n", runs,
                    String.join(" ", launcher()), loadAverage());
            // One untimed run so that the warm case finds the caches a previous run leaves.
            run(cases.get(1).args(), userCache, scratch);
            for (boolean warm : new boolean[] {true, false}) {
                for (Case c : cases) {
                    List<Run> results = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        Path cache = warm ? null : Files.createTempDirectory(scratch, "cache-");
                        results.add(run(c.args(), warm ? userCache : cache.toString(), scratch));
                    }
                    List<Double> wall = results.stream().map(c.firstVerdict() ? Run::firstVerdictMs : Run::wallMs)
                            .sorted().toList();
                    List<Double> cpu = results.stream().map(Run::cpuMs).sorted().toList();
                    out.printf("%-44s %-13s median %6.0f ms wall (range %.0f-%.0f), cpu %6.0f ms%n", c.name(),
                            warm ? "caches warm" : "caches clear", median(wall), wall.get(0),
                            wall.get(wall.size() - 1), median(cpu));
                    out.flush();
                }
            }
            return 0;
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The command that starts the distribution as a user does. */
    private static List<String> launcher() {
        String script = System.getenv("LEXGAP_SCRIPT");
        if (script != null && Files.isExecutable(Path.of(script))) {
            return List.of(script);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                Distribution.locate().home().resolve("lib").resolve("lexgap-launcher.jar").toString());
    }

    private static Run run(List<String> args, String cacheDir, Path scratch) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("LEXGAP_TIMELINE", "1");
        if (cacheDir != null) {
            env.put("LEXGAP_CACHE_DIR", cacheDir);
        }
        Path stderr = scratch.resolve("stderr.txt");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new UncheckedIOException(new IOException("'" + String.join(" ", command) + "' exited with " + exit
                    + ": " + String.join("\n", lines)));
        }
        double cpu = -1;
        double firstVerdict = -1;
        for (String line : lines) {
            Matcher m = MARK.matcher(line);
            if (m.find()) {
                cpu = Double.parseDouble(m.group(2));
                if (m.group(3).startsWith("assessment done") && firstVerdict < 0) {
                    firstVerdict = Double.parseDouble(m.group(1));
                }
            }
        }
        return new Run(wall, cpu, firstVerdict);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " (1 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
