package org.lexgap.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.PackInfo;

/**
 * {@code lexgap bench synthetic}: how the engine scales with the number of jurisdictions. For each N it writes a
 * temporary pack of N synthetic jurisdictions, each a copy of one of the ASEAN pack's ten (round robin, so the
 * counts of instruments, provisions, elements and interpretations follow the shipped pack's), under codes shaped as
 * ISO 3166-2 subdivisions of the user-assigned alpha-2 codes XA..XZ ({@code XA-000} ... {@code XJ-999}), with the
 * ASEAN pack's rules and its fixtures pointed at the first copy of each country; it loads that pack into a real
 * platform beside the shipped packs, and assesses all N against the 8th edition in one request (as
 * {@code matrix --region SYNTHETIC} would). Each N runs in a fresh JVM ({@code -Xmx} as given) so that the heap
 * figures are its own.
 *
 * <p>The pack caps ({@link #FILES_CAP} files and so on by default) are a defence against hostile packs and stay as
 * they are for every other load; this bench raises them for its own pack only, by framework properties, to the
 * generated pack's size plus a margin.
 */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
        description = {"Assess N synthetic jurisdictions (copies of the ASEAN pack's, under ISO 3166-2-shaped codes)",
                "in one pack and print load time, assessment time per jurisdiction and peak heap.",
                "Each N runs in a fresh JVM."})
final class SyntheticBench implements Callable<Integer> {
    /** The default caps the bench raises for its own pack (PackFiles.Limits.DEFAULT in the core). */
    static final int FILES_CAP = 1_000;
    static final long PACK_BYTES_CAP = 32L << 20;
    static final int MOST = 26_000;

    @Option(names = {"-n", "--jurisdictions"}, split = ",", paramLabel = "N",
            description = "How many jurisdictions (repeatable or comma-separated; default: 100,1000,10000).")
    List<Integer> sizes = new ArrayList<>(List.of(100, 1_000, 10_000));

    @Option(names = "--rounds", defaultValue = "3",
            description = "Assessments of all N after the load; the first is reported apart (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of each forked JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--in-process", description = "Run one N in this JVM instead of forking (what each fork runs).")
    boolean inProcess;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (int n : sizes) {
            if (n < 1 || n > MOST) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--jurisdictions must be 1-" + MOST);
            }
        }
        if (inProcess) {
            if (sizes.size() != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--in-process runs one N");
            }
            Result r = run(sizes.get(0), rounds);
            out.println(r.line());
            out.flush();
            return 0;
        }
        out.printf("synthetic scale bench: each N in a fresh JVM with -Xmx%s, %d cores, Java %s%n", heap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.println(Result.HEADER);
        out.flush();
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            Result r = fork(n);
            results.add(r);
            out.println(r.formatted());
            out.flush();
        }
        if (results.size() > 1) {
            Result last = results.get(results.size() - 1);
            Result before = results.get(results.size() - 2);
            out.printf("per-jurisdiction assessment at N=%d is %.2fx that at N=%d (linear: 1.0x; goal: under 1.5x);"
                            + " load %.2fx%n", last.n, last.warmPerJurisdictionMicros() / before.warmPerJurisdictionMicros(),
                    before.n, last.loadPerJurisdictionMicros() / before.loadPerJurisdictionMicros());
        }
        out.flush();
        return 0;
    }

    /** Runs {@code n} in a child JVM and reads its one result line. */
    private Result fork(int n) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("java.class.path");
        try {
            Path self = Path.of(SyntheticBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (classpath == null || classpath.isBlank()) {
                classpath = self.toString();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-cp", classpath));
        String home = System.getProperty("lexgap.home");
        if (home != null) {
            command.add("-Dlexgap.home=" + home);
        }
        command.addAll(List.of(Main.class.getName(), "bench", "synthetic", "--in-process", "--jurisdictions",
                String.valueOf(n), "--rounds", String.valueOf(rounds)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (l.startsWith(Result.PREFIX)) {
                    line = l;
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || line == null) {
            throw new IllegalStateException("the bench for N=" + n + " failed (exit " + exit + ", -Xmx" + heap + ")");
        }
        return Result.parse(line);
    }

    /** One N, in this JVM. */
    static Result run(int n, int rounds) throws IOException {
        HeapWatch heap = new HeapWatch();
        Path asean = Distribution.locate().packs().stream()
                .filter(p -> p.getFileName().toString().equals("lexgap-pack-asean.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the shipped ASEAN pack is missing"));
        Path dir = Files.createTempDirectory("lexgap-synthetic-");
        try {
            long bytes = write(dir, n, asean);
            Platform.Options options = Platform.Options.defaults()
                    .withProperty("lexgap.pack.maxFiles", String.valueOf(Math.max(FILES_CAP, n + 100)))
                    .withProperty("lexgap.pack.maxPackBytes", String.valueOf(Math.max(PACK_BYTES_CAP, bytes * 2)))
                    .withLoadBudget(java.time.Duration.ofMinutes(10));
            long t0 = System.nanoTime();
            try (Platform platform = Platform.start(options)) {
                long started = System.nanoTime();
                heap.reset();
                PackInfo info = platform.installer().install(dir);
                long loaded = System.nanoTime();
                if (!info.state().startsWith("SERVING")) {
                    throw new IllegalStateException("the synthetic pack was refused: " + info.problems());
                }
                long loadHeap = heap.peakUsed();
                long loadLive = heap.maxLiveAfterGc();
                heap.reset();
                AssessmentRequest all = new AssessmentRequest(List.of(), "SYNTHETIC", "8", LocalDate.of(2016, 1, 1));
                List<Double> passes = new ArrayList<>();
                int count = 0;
                for (int i = 0; i < Math.max(1, rounds); i++) {
                    long t = System.nanoTime();
                    GapAnalysis analysis = platform.evaluator().assess(all);
                    passes.add((System.nanoTime() - t) / 1e6);
                    count = analysis.jurisdictions().size();
                }
                if (count != n) {
                    throw new IllegalStateException("assessed " + count + " jurisdictions, expected " + n);
                }
                List<Double> warm = passes.size() > 1 ? new ArrayList<>(passes.subList(1, passes.size())) : passes;
                Collections.sort(warm);
                return new Result(n, bytes, (started - t0) / 1e6, (loaded - started) / 1e6, passes.get(0),
                        warm.get(warm.size() / 2), loadHeap, loadLive, heap.peakUsed(), heap.maxLiveAfterGc(),
                        Runtime.getRuntime().maxMemory());
            }
        } finally {
            delete(dir);
        }
    }

    /** The synthetic code of the {@code i}-th jurisdiction: XA-000 ... XA-999, XB-000, ... (ISO 3166-2 shape). */
    static String code(int i) {
        return "X" + (char) ('A' + i / 1000) + "-" + String.format("%03d", i % 1000);
    }

    /** Writes the pack; returns its size in bytes. */
    static long write(Path dir, int n, Path aseanJar) throws IOException {
        Map<String, String> templates = new TreeMap<>();
        Map<String, String> tests = new TreeMap<>();
        String rules;
        try (ZipFile zip = new ZipFile(aseanJar.toFile())) {
            rules = null;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                String text;
                try (var in = zip.getInputStream(entry)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (name.startsWith("jurisdictions/") && name.endsWith(".json")) {
                    templates.put(name.substring("jurisdictions/".length(), name.length() - 5), text);
                } else if (name.startsWith("tests/") && name.endsWith(".json")) {
                    tests.put(name, text);
                } else if (name.equals("rules/asean.drl")) {
                    rules = text;
                }
            }
        }
        if (templates.isEmpty() || rules == null) {
            throw new IllegalStateException("the ASEAN pack has no jurisdictions or rules: " + aseanJar);
        }
        List<String> countries = new ArrayList<>(templates.keySet());
        Map<String, String> firstCopy = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        long bytes = 0;
        Files.createDirectories(dir.resolve("jurisdictions"));
        for (int i = 0; i < n; i++) {
            String country = countries.get(i % countries.size());
            String code = code(i);
            codes.add(code);
            firstCopy.putIfAbsent(country, code);
            bytes += writeFile(dir.resolve("jurisdictions/" + code + ".json"), copy(templates.get(country), country, code));
        }
        Files.createDirectories(dir.resolve("rules"));
        bytes += writeFile(dir.resolve("rules/synthetic.drl"), rules.replace("ASEAN", "synthetic (ASEAN rules)"));
        Files.createDirectories(dir.resolve("tests"));
        for (Map.Entry<String, String> test : tests.entrySet()) {
            String text = test.getValue();
            for (Map.Entry<String, String> copy : firstCopy.entrySet()) {
                text = text.replace("\"jurisdiction\": \"" + copy.getKey() + "\"", "\"jurisdiction\": \"" + copy.getValue() + "\"")
                        .replace("\"" + copy.getKey() + "-", "\"" + copy.getValue() + "-");
            }
            // A case about a template with no copy (N below ten) would name a jurisdiction the pack lacks.
            if (firstCopy.size() == countries.size()) {
                bytes += writeFile(dir.resolve(test.getKey()), text);
            }
        }
        StringBuilder members = new StringBuilder();
        for (String code : codes) {
            members.append(members.length() == 0 ? "" : ", ").append('"').append(code).append('"');
        }
        bytes += writeFile(dir.resolve("pack.json"), """
                {
                  "id": "synthetic",
                  "version": "1.0.0",
                  "title": "Synthetic jurisdictions for the scale bench (not law)",
                  "description": "Copies of the ASEAN pack's jurisdictions under synthetic codes; generated by lexgap bench synthetic.",
                  "kind": "jurisdictions",
                  "editions": ["8"],
                  "regions": [{"id": "SYNTHETIC", "name": "Synthetic jurisdictions", "members": [%s],
                    "source": "Lexgap, lexgap bench synthetic (generated)"}]
                }
                """.formatted(members));
        return bytes;
    }

    private static final Pattern NAME = Pattern.compile("\"name\": \"([^\"]*)\"");

    /** The template's text under {@code code}: its code, its name, and every id (all start with the code and '-'). */
    static String copy(String template, String country, String code) {
        String text = template.replace("\"code\": \"" + country + "\"", "\"code\": \"" + code + "\"")
                .replace("\"" + country + "-", "\"" + code + "-");
        Matcher name = NAME.matcher(text);
        return name.find() ? text.substring(0, name.start()) + "\"name\": \"Synthetic " + code + " (copy of "
                + name.group(1) + ")\"" + text.substring(name.end()) : text;
    }

    private static long writeFile(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /**
     * Heap figures: the peak of the heap's pools (summed, an upper bound on the peak in use) since the last reset,
     * and the most heap still in use after any collection (the live set, from GC notifications).
     */
    static final class HeapWatch {
        private final AtomicLong liveAfterGc = new AtomicLong();

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if ("com.sun.management.gc.notification".equals(notification.getType())
                                && notification.getUserData() instanceof CompositeData data) {
                            CompositeData info = (CompositeData) data.get("gcInfo");
                            long used = 0;
                            for (Object value : ((javax.management.openmbean.TabularData) info.get("memoryUsageAfterGc")).values()) {
                                CompositeData row = (CompositeData) value;
                                String pool = (String) row.get("key");
                                if (isHeap(pool)) {
                                    used += MemoryUsage.from((CompositeData) row.get("value")).getUsed();
                                }
                            }
                            liveAfterGc.accumulateAndGet(used, Math::max);
                        }
                    }, null, null);
                }
            }
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
        }

        void reset() {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            liveAfterGc.set(0);
        }

        long peakUsed() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long maxLiveAfterGc() {
            return liveAfterGc.get();
        }
    }

    /** One N's figures; times in ms, sizes in bytes. */
    record Result(int n, long packBytes, double platformMs, double loadMs, double firstMs, double warmMs,
                  long loadPeak, long loadLive, long assessPeak, long assessLive, long maxHeap) {
        static final String PREFIX = "synthetic-result ";
        static final String HEADER = String.format("%7s %8s %9s %9s %9s %9s %9s %10s %10s %10s%n%7s %8s %9s %9s %9s %9s %9s %10s %10s %10s",
                "N", "pack", "load", "load/j", "assess1", "assess", "assess/j", "load peak", "assess pk", "live max",
                "", "MiB", "ms", "us", "ms", "ms", "us", "MiB", "MiB", "MiB");

        double loadPerJurisdictionMicros() {
            return loadMs * 1000 / n;
        }

        double warmPerJurisdictionMicros() {
            return warmMs * 1000 / n;
        }

        String line() {
            return PREFIX + String.join(" ", String.valueOf(n), String.valueOf(packBytes), String.valueOf(platformMs),
                    String.valueOf(loadMs), String.valueOf(firstMs), String.valueOf(warmMs), String.valueOf(loadPeak),
                    String.valueOf(loadLive), String.valueOf(assessPeak), String.valueOf(assessLive),
                    String.valueOf(maxHeap));
        }

        static Result parse(String line) {
            String[] f = line.substring(PREFIX.length()).trim().split(" ");
            return new Result(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Long.parseLong(f[6]),
                    Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]));
        }

        String formatted() {
            double mib = 1024 * 1024;
            return String.format("%7d %8.1f %9.0f %9.0f %9.0f %9.0f %9.0f %10.0f %10.0f %10.0f", n, packBytes / mib,
                    loadMs, loadPerJurisdictionMicros(), firstMs, warmMs, warmPerJurisdictionMicros(),
                    loadPeak / mib, assessPeak / mib, Math.max(loadLive, assessLive) / mib);
        }
    }
}
