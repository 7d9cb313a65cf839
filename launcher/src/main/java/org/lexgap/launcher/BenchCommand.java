package org.lexgap.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.Status;

/**
 * {@code lexgap bench}: prints start-up and hot-path figures measured in this JVM. Figures, not assertions: run it
 * on the machine you care about.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {ColdBenchCommand.class, SyntheticBench.class, ServeBench.class},
        description = {"Measure start-up, first verdict, pack reload, assessment and what-if times, and print them.",
                "'bench cold' times whole fresh processes of the real distribution; 'bench synthetic' measures how assessment scales with the number of jurisdictions;",
                "'bench serve' drives concurrent clients against the HTTP API, also while a pack is swapped."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "10", description = "Repetitions of each warm measurement (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        AssessmentRequest ph = new AssessmentRequest(List.of("PH"), null, "8", LocalDate.of(2016, 1, 1));
        try (Platform platform = Platform.start(Platform.Options.defaults())) {
            long started = System.currentTimeMillis();
            platform.evaluator().assess(ph);
            long firstVerdict = System.currentTimeMillis();
            out.printf("JVM start -> platform up, shipped packs loaded   %6d ms%n", started - jvmStart);
            out.printf("JVM start -> first verdict (PH)                 %6d ms%n", firstVerdict - jvmStart);

            Path asean = Distribution.locate().packs().stream().filter(p -> p.toString().contains("asean")).findFirst()
                    .orElseThrow();
            List<Double> updates = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                PackInfo info = platform.installer().update("asean", asean);
                platform.evaluator().assess(ph);
                updates.add((System.nanoTime() - t) / 1e6);
                if (!"SERVING".equals(info.state())) {
                    throw new IllegalStateException("asean did not reload: " + info.problems());
                }
            }
            out.printf("hot update of asean until new rules answer      %s%n", stats(updates));
            out.println("  (an update reads, checks and compiles the pack, runs its own test cases, then swaps)");

            Path unpacked = unpack(asean);
            List<Double> compiles = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                platform.toolkit().validate(unpacked);
                compiles.add((System.nanoTime() - t) / 1e6);
            }
            out.printf("compile asean (read, schema, checks, DRL)       %s%n", stats(compiles));

            List<Double> assessments = new ArrayList<>();
            for (int i = 0; i < rounds * 10; i++) {
                long t = System.nanoTime();
                platform.evaluator().assess(ph);
                assessments.add((System.nanoTime() - t) / 1e6);
            }
            out.printf("warm assessment of PH (one session)             %s%n", stats(assessments));

            // What-if: the same compiled rules, only the facts change. Each round reads and checks the amendment,
            // runs Malaysia on its recorded law and on the amended copy, and compares the two.
            AssessmentRequest my = new AssessmentRequest(List.of("MY"), null, "8", LocalDate.of(2016, 1, 1));
            AssessmentRequest whatIf = new AssessmentRequest(List.of("MY"), null, "8", LocalDate.of(2016, 1, 1),
                    List.of(BenchAmendment.file()));
            if (platform.evaluator().assess(whatIf).jurisdictions().get(0).criteria().get(3).status() != Status.MET) {
                throw new IllegalStateException("the bench amendment did not meet criterion 4");
            }
            List<Double> plain = new ArrayList<>();
            List<Double> amended = new ArrayList<>();
            for (int i = 0; i < rounds * 10; i++) {
                long t = System.nanoTime();
                platform.evaluator().assess(my);
                plain.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                platform.evaluator().assess(whatIf);
                amended.add((System.nanoTime() - t) / 1e6);
            }
            out.printf("warm assessment of MY                           %s%n", stats(plain));
            out.printf("warm what-if re-evaluation of MY, one amendment %s%n", stats(amended));
            out.println("  (reads and checks the amendment, runs the recorded and the amended law over the cached rules)");

            Runtime runtime = Runtime.getRuntime();
            System.gc();
            out.printf("heap used after the runs                        %6d MB%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
            out.printf("(%d cores, %s)%n", runtime.availableProcessors(), System.getProperty("java.vm.version"));
            out.flush();
            return 0;
        }
    }


    /** The pack's files, out of its jar, as the directory the toolkit reads. */
    private static Path unpack(Path jar) {
        try {
            Path dir = Files.createTempDirectory("lexgap-bench-");
            dir.toFile().deleteOnExit();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                        Path target = dir.resolve(entry.getName());
                        Files.createDirectories(target.getParent());
                        try (var in = zip.getInputStream(entry)) {
                            Files.copy(in, target);
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stats(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return String.format("median %7.1f ms  (min %.1f, max %.1f, n=%d)", sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }
}
