package org.lexgap.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmarks with small defaults fit for a shared 2-core machine and prints, side by side, each figure's
 * median and range, and the ratios Lexgap/plain Drools and Lexgap/hand-written, cold and warm.
 *
 * <p>Options: {@code --forks N} (warm forks, default 1), {@code --cold-forks N} (fresh JVMs per cold figure,
 * default 5), {@code --warmups N} (default 3), {@code --iterations N} (default 5), {@code --time SECONDS} (per
 * iteration, default 1), {@code --include REGEX} (benchmarks to run, default all), {@code --heap SIZE} (each fork's
 * -Xmx, default 1g).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--forks", "1", "--cold-forks", "5", "--warmups", "3",
                "--iterations", "5", "--time", "1", "--include", "org\\.lexgap\\.bench\\..*", "--heap", "1g"));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: bench/run [--forks N] [--cold-forks N] [--warmups N] [--iterations N]"
                        + " [--time SECONDS] [--include REGEX] [--heap SIZE]");
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        List<String> forkArgs = new ArrayList<>(List.of("-Xmx" + options.get("--heap"), "-Dlexgap.home=" + Law.home(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        // Passed on for comparisons (BENCH_JAVA_OPTS=-Dlexgap.rules.spinMicros=0 bench/run ...).
        if (System.getProperty("lexgap.rules.spinMicros") != null) {
            forkArgs.add("-Dlexgap.rules.spinMicros=" + System.getProperty("lexgap.rules.spinMicros"));
        }
        String[] jvm = forkArgs.toArray(String[]::new);
        String include = options.get("--include");
        List<RunResult> results = new ArrayList<>();
        ChainedOptionsBuilder warm = new OptionsBuilder().include(include).exclude("ColdBench")
                .forks(Integer.parseInt(options.get("--forks")))
                .warmupIterations(Integer.parseInt(options.get("--warmups")))
                .measurementIterations(Integer.parseInt(options.get("--iterations")))
                .warmupTime(TimeValue.seconds(Long.parseLong(options.get("--time"))))
                .measurementTime(TimeValue.seconds(Long.parseLong(options.get("--time"))))
                .jvmArgsAppend(jvm).shouldFailOnError(true);
        // JMH ORs includes and ANDs excludes: the cold run is the user's selection minus the warm classes.
        ChainedOptionsBuilder cold = new OptionsBuilder().include(include).exclude("WarmBench").exclude("SwapBench")
                .forks(Integer.parseInt(options.get("--cold-forks"))).warmupIterations(0).measurementIterations(1)
                .jvmArgsAppend(jvm).shouldFailOnError(true);
        results.addAll(run(warm));
        primeCache();
        results.addAll(run(cold));
        print(results, options);
    }

    /**
     * Fills the load cache that {@code lexgapCachedColdPH} reads, in this (parent) JVM, so that every measured fork
     * starts cold but finds the compiled rules, as a second CLI run does.
     */
    private static void primeCache() {
        try (var platform = Setups.cachedPlatform()) {
            platform.evaluator().assess(Setups.PH);
        }
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        try {
            return new Runner(options.build()).run();
        } catch (org.openjdk.jmh.runner.NoBenchmarksException e) {
            return List.of(); // the selection has no benchmark of this kind (warm or cold)
        } catch (RunnerException e) {
            if (e.getMessage() != null && e.getMessage().contains("No matching benchmarks")) {
                return List.of();
            }
            throw e;
        }
    }

    private record Figure(String name, double median, double min, double max, long n, String unit) {
        String row() {
            return String.format("  %-22s %10.3f %10.3f %10.3f %6d  %s", name, median, min, max, n, unit);
        }
    }

    private static void print(List<RunResult> results, Map<String, String> options) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.') + 1);
            Statistics s = r.getPrimaryResult().getStatistics();
            figures.put(name, new Figure(name, s.getPercentile(50), s.getMin(), s.getMax(), s.getN(),
                    r.getPrimaryResult().getScoreUnit()));
        }
        System.out.println();
        System.out.printf("Lexgap benchmarks (%d cores; options %s)%n", Runtime.getRuntime().availableProcessors(),
                options);
        System.out.printf("  %-22s %10s %10s %10s %6s  %s%n", "benchmark", "median", "min", "max", "n", "unit");
        figures.values().forEach(f -> System.out.println(f.row()));
        System.out.println();
        System.out.println("Ratios (medians; Lexgap / reference; 1.0 = as fast as the reference)");
        ratio(figures, "warm, one jurisdiction (PH)", "lexgapPH", "droolsPH", "handPH");
        ratio(figures, "warm, ASEAN region (10)", "lexgapASEAN", "droolsASEAN", "handASEAN");
        ratio(figures, "cold, first PH verdict", "lexgapColdPH", "droolsColdPH", "handColdPH");
        ratio(figures, "cold, rules never compiled", "lexgapFirstLoadColdPH", "droolsColdPH", "handColdPH");
        ratio(figures, "cold, rules cached", "lexgapCachedColdPH", "droolsColdPH", "handColdPH");
    }

    private static void ratio(Map<String, Figure> figures, String what, String lexgap, String drools, String hand) {
        Figure l = figures.get(lexgap);
        if (l == null) {
            return;
        }
        Figure d = figures.get(drools);
        Figure h = figures.get(hand);
        System.out.printf("  %-30s Lexgap/plain Drools %s   Lexgap/hand-written %s%n", what,
                d == null ? "-" : String.format("%6.2fx", l.median / d.median),
                h == null ? "-" : String.format("%6.2fx", l.median / h.median));
    }
}
