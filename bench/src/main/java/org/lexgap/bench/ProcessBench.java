package org.lexgap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whole-process cold figures beside the two references, each a fresh JVM from the command line to its last line of
 * output: {@code lexgap assess -j PH} through the {@code lexgap} script (caches as a previous run left them; with the
 * cached rules and passed fixtures removed, so that the fixtures run and the rules come from the distribution's
 * build-time folder, as on a first run; and with that folder off too, so that the rules are checked and compiled as
 * on the first load of packs that did not ship), and {@link ReferenceMain}
 * running plain Drools or the hand-written evaluator on the same two pack jars, once with the JVM's defaults and once
 * with the script's start-up flags and an AppCDS archive of their own, so that every program gets the same start-up
 * tools. The cases alternate within each round, so that a drift in the machine's speed, which on the shared 2-core
 * machine reaches a third within an hour, falls on all of them alike; the ratios are what to compare across runs.
 *
 * <p>Options: {@code --runs N} (rounds, default 9), {@code --jurisdiction CODE} (default PH).
 */
public final class ProcessBench {
    private ProcessBench() {
    }

    /** A program to time; {@code before} runs untimed before each run (null: nothing). */
    private record Case(String name, List<String> command, Runnable before) {
        Case(String name, List<String> command) {
            this(name, command, null);
        }
    }

    private static final String LEXGAP_WARM = "lexgap assess (caches warm)";
    private static final String LEXGAP_RULES_UNCACHED = "lexgap assess (first run, build-time rules)";
    private static final String LEXGAP_COMPILING = "lexgap assess (rules compiled afresh)";

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = 9;
        String code = "PH";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--jurisdiction") && i + 1 < args.length) {
                code = args[++i];
            } else {
                System.err.println("usage: bench/run processes [--runs N] [--jurisdiction CODE]");
                System.exit(2);
            }
        }
        Path script = Law.home().getParent().getParent().getParent().resolve("lexgap");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no lexgap script at " + script);
        }
        Path scratch = Files.createTempDirectory("lexgap-bench-processes-");
        try {
            run(script, code, runs, scratch);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double time(Case c, Path scratch) throws IOException, InterruptedException {
        if (c.before() != null) {
            c.before().run();
        }
        return time(c.command(), scratch);
    }

    private static void run(Path script, String code, int runs, Path scratch) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> startFlags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss2m");
        List<Case> cases = new ArrayList<>();
        // Lexgap's caches live in a folder of this run's (LEXGAP_CACHE_DIR): the AppCDS archives, the kept Felix
        // bundle cache, and the load cache of compiled rules and passed fixtures, which the second case empties
        // before each of its runs, so that it checks, compiles and tests the packs' rules as a first run does.
        Path cache = scratch.resolve("lexgap-cache");
        List<String> assess = List.of("env", "LEXGAP_CACHE_DIR=" + cache, script.toString(), "assess", "-j", code);
        cases.add(new Case(LEXGAP_WARM, assess));
        Runnable emptyLoadCache = () -> {
            deleteTree(cache.resolve("rules"));
            deleteTree(cache.resolve("tests"));
        };
        cases.add(new Case(LEXGAP_RULES_UNCACHED, assess, emptyLoadCache));
        // And without the shipped packs' rules compiled at build time: the first load of packs never seen before.
        List<String> compiling = new ArrayList<>(List.of("env", "LEXGAP_JAVA_OPTS=-Dlexgap.rules.buildTime="));
        compiling.addAll(assess.subList(1, assess.size()));
        cases.add(new Case(LEXGAP_COMPILING, compiling, emptyLoadCache));
        for (String reference : List.of("drools", "hand")) {
            List<String> plain = new ArrayList<>(List.of(java, "-Dlexgap.home=" + Law.home(), "-cp", classpath,
                    ReferenceMain.class.getName(), reference, code));
            cases.add(new Case(label(reference) + " (JVM defaults)", plain));
            Path archive = staticArchive(java, classpath, plain, scratch.resolve(reference));
            List<String> reading = new ArrayList<>(startFlags);
            reading.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive));
            cases.add(new Case(label(reference) + " (start-up flags + AppCDS)", with(java, reading, plain)));
        }
        System.out.printf("Whole-process cold figures, %d rounds, cases alternating; jurisdiction %s; %d cores;"
                + " machine load %s%n", runs, code, Runtime.getRuntime().availableProcessors(), loadAverage());
        // One untimed run of each, so that every case finds the caches its previous run leaves.
        for (Case c : cases) {
            time(c, scratch);
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        cases.forEach(c -> times.put(c.name(), new ArrayList<>()));
        for (int round = 0; round < runs; round++) {
            for (Case c : cases) {
                times.get(c.name()).add(time(c, scratch));
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        System.out.printf("  %-48s %8s %8s %8s%n", "program", "median", "min", "max");
        times.forEach((name, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            medians.put(name, median(sorted));
            System.out.printf("  %-48s %8.0f %8.0f %8.0f  ms wall%n", name, median(sorted), sorted.get(0),
                    sorted.get(sorted.size() - 1));
        });
        System.out.println("Ratios of medians (Lexgap / reference)");
        for (String lexgap : List.of(LEXGAP_WARM, LEXGAP_RULES_UNCACHED, LEXGAP_COMPILING)) {
            for (String reference : medians.keySet()) {
                if (!reference.startsWith("lexgap")) {
                    System.out.printf("  %-44s / %-40s %6.2fx%n", lexgap, reference,
                            medians.get(lexgap) / medians.get(reference));
                }
            }
        }
    }

    /**
     * A static AppCDS archive of the classes {@code plain} loads: a class list written by one untimed run, then
     * {@code -Xshare:dump}. Not the dynamic archive the script uses: on this JDK (17.0.15) writing one at exit crashes
     * the JVM for the references' flat classpath (in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary),
     * and so does a static dump of their lambda proxies, which are therefore left out of the list.
     */
    private static Path staticArchive(String java, String classpath, List<String> plain, Path base)
            throws IOException, InterruptedException {
        Path list = Path.of(base + ".classlist");
        Path archive = Path.of(base + ".jsa");
        time(with(java, List.of("-XX:DumpLoadedClassList=" + list), plain), base.getParent());
        List<String> classes = Files.readAllLines(list).stream().filter(l -> !l.startsWith("@")).toList();
        Files.write(list, classes);
        time(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + archive,
                "-cp", classpath), base.getParent());
        return archive;
    }

    private static String label(String reference) {
        return reference.equals("drools") ? "plain Drools" : "hand-written";
    }

    private static List<String> with(String java, List<String> flags, List<String> plain) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(plain.subList(1, plain.size()));
        return command;
    }

    /** Runs {@code command} to its end and returns its wall time in ms; fails when it does not exit with 0. */
    private static double time(List<String> command, Path scratch) throws IOException, InterruptedException {
        Path stderr = scratch.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + exit + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return wall;
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
