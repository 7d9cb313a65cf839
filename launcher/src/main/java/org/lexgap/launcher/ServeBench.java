package org.lexgap.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.lexgap.api.model.SignatureCheck;

/**
 * {@code lexgap bench serve}: load on a real {@code lexgap serve} over loopback. N clients (JDK HttpClient, one
 * thread each, no pause) send a mix of {@code GET /api/assess} for the ASEAN region and for single member states,
 * first for S seconds as they are, then for S seconds more while the ASEAN pack is replaced {@code --swaps} times
 * through {@code PUT /api/packs}. Prints requests per second, p50 and p99 latency and errors for both phases. A
 * figure, not a test: the clients and the server share this machine's cores.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Load-test 'lexgap serve' on loopback: N clients for S seconds, then S seconds more while",
                "the ASEAN pack is swapped through PUT /api/packs; prints req/s, p50, p99 and errors."})
final class ServeBench implements Callable<Integer> {
    private static final String AS_OF = "2016-01-01";
    private static final List<String> MEMBERS = List.of("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([0-9]+)\\.([0-9]+)\\.([0-9]+)\"");

    @Option(names = "--clients", defaultValue = "100", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of each phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--swaps", defaultValue = "20", description = "ASEAN pack swaps in the second phase (default: ${DEFAULT-VALUE}).")
    int swaps;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What one phase measured. */
    record Phase(long requests, long errors, double seconds, long[] latenciesMicros) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, index)] / 1000.0;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || swaps < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clients and --seconds must be at least 1,"
                    + " --swaps at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("lexgap-bench-serve-");
        Path key = Path.of(System.getProperty("lexgap.signing.key",
                System.getProperty("user.home") + "/.lexgap/build-key/lexgap-build.key.pem"));
        boolean signed = Files.isRegularFile(key);
        // With the build key, the swaps are signed updates of the shipped (signed) pack, as in production; without
        // it, the shipped pack is left out and unsigned copies replace one another.
        Platform.Options options = signed ? Platform.Options.defaults()
                : Platform.Options.defaults().withoutShipped("asean");
        Path shipped = Distribution.locate().packs().stream()
                .filter(p -> p.getFileName().toString().equals("lexgap-pack-asean.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no shipped ASEAN pack in the distribution"));
        try (TrainerServer server = TrainerServer.start(options, "127.0.0.1", 0, TrainerServer.newToken())) {
            Path folder = unpack(shipped, work.resolve("asean"));
            int[] version = version(folder);
            List<byte[]> uploads = new ArrayList<>();
            for (int i = 0; i <= swaps; i++) {
                setVersion(folder, version[0] + "." + version[1] + "." + (version[2] + 1 + i));
                if (signed) {
                    SignatureCheck check = server.platform().signing().sign(folder, key);
                    if (!"SIGNED".equals(check.status())) {
                        throw new IllegalStateException("cannot sign the bench's ASEAN copy: " + check.message());
                    }
                }
                uploads.add(zip(folder));
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(4)).build();
            URI base = server.url();
            if (!signed) {
                swap(http, base, server.token(), uploads.get(0));
            }
            out.printf("lexgap bench serve: %d clients, %d s a phase, %d swaps, %s; server %s%n", clients, seconds,
                    swaps, signed ? "signed swaps (build key)" : "unsigned swaps (no build key)", base);
            out.flush();
            // Warm-up, not counted: the JIT and the rule sessions' caches.
            run(http, base, Math.min(10, seconds), null, server.token(), new ArrayList<>());
            Phase steady = run(http, base, seconds, null, server.token(), new ArrayList<>());
            List<Long> swapTimes = Collections.synchronizedList(new ArrayList<>());
            Phase swapping = run(http, base, seconds, uploads.subList(signed ? 0 : 1, signed ? swaps : swaps + 1),
                    server.token(), swapTimes);
            out.printf("%-26s %9s %9s %9s %9s %7s%n", "phase", "requests", "req/s", "p50 ms", "p99 ms", "errors");
            print(out, "steady", steady);
            print(out, "during " + swapTimes.size() + " swaps", swapping);
            List<Long> sorted = new ArrayList<>(swapTimes);
            Collections.sort(sorted);
            if (!sorted.isEmpty()) {
                out.printf("swap (PUT /api/packs, new ASEAN version serving): median %d ms, max %d ms%n",
                        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
            }
            out.printf("(%d cores shared by clients and server, %s)%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.version"));
            out.flush();
            return steady.errors() + swapping.errors() == 0 ? 0 : 1;
        } finally {
            deleteQuietly(work);
        }
    }

    private static void print(PrintWriter out, String name, Phase phase) {
        out.printf("%-26s %9d %9.1f %9.1f %9.1f %7d%n", name, phase.requests(), phase.perSecond(),
                phase.percentileMillis(0.50), phase.percentileMillis(0.99), phase.errors());
    }

    private Phase run(HttpClient http, URI base, int length, List<byte[]> swapUploads, String token,
                      List<Long> swapTimes) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                int i = client;
                while (!stop.get()) {
                    String query = i % 2 == 0 ? "region=ASEAN" : "jurisdiction=" + MEMBERS.get((i / 2) % MEMBERS.size());
                    i++;
                    long t = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve("api/assess?"
                                + query + "&edition=8&asOf=" + AS_OF)).timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 || response.body().length == 0) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        break;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = (System.nanoTime() - t) / 1000;
                }
                perClient.add(Arrays.copyOf(latencies, n));
            });
        }
        Thread swapper = null;
        if (swapUploads != null && !swapUploads.isEmpty()) {
            long interval = Duration.ofSeconds(length).toNanos() / (swapUploads.size() + 1);
            swapper = new Thread(() -> {
                for (int k = 0; k < swapUploads.size(); k++) {
                    long wait = start + interval * (k + 1) - System.nanoTime();
                    try {
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    long t = System.nanoTime();
                    if (!swap(http, base, token, swapUploads.get(k))) {
                        errors.incrementAndGet();
                    }
                    swapTimes.add((System.nanoTime() - t) / 1_000_000);
                }
            }, "bench-swapper");
            swapper.start();
        }
        Thread.sleep(Duration.ofSeconds(length).toMillis());
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (swapper != null) {
            // The last swap started within the phase; wait for its answer.
            swapper.join(Duration.ofMinutes(2).toMillis());
        }
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Phase(all.length, errors.get(), elapsed, all);
    }

    /** One PUT of a new ASEAN version; true when it was accepted. */
    private static boolean swap(HttpClient http, URI base, String token, byte[] upload) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/packs"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                    .timeout(Duration.ofMinutes(2)).PUT(HttpRequest.BodyPublishers.ofByteArray(upload)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                System.err.println("lexgap bench: swap refused: " + response.body().lines().filter(l -> l.contains(
                        "\"message\"")).findFirst().orElse(String.valueOf(response.statusCode())).strip());
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("lexgap bench: swap failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The shipped pack jar's files (without its signature and manifest) in a folder of their own. */
    private static Path unpack(Path jar, Path folder) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("META-INF/") || name.equals("signature.jws")
                        || name.contains("..")) {
                    continue;
                }
                Path target = folder.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return folder;
    }

    private static int[] version(Path folder) throws IOException {
        Matcher m = VERSION.matcher(Files.readString(folder.resolve("pack.json")));
        if (!m.find()) {
            throw new IllegalStateException("the ASEAN pack.json has no MAJOR.MINOR.PATCH version");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static void setVersion(Path folder, String version) throws IOException {
        Path file = folder.resolve("pack.json");
        Files.writeString(file, VERSION.matcher(Files.readString(file)).replaceFirst("\"version\": \"" + version + "\""));
    }

    /** The folder's files, signature included, as a zip with the pack at its root. */
    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
