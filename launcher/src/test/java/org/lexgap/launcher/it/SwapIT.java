package org.lexgap.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;

import org.lexgap.api.model.Assessment;
import org.lexgap.api.model.AssessmentRequest;
import org.lexgap.api.model.GapAnalysis;
import org.lexgap.api.model.JurisdictionResult;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackRef;
import org.lexgap.api.model.Status;
import org.lexgap.launcher.Platform;

/**
 * Swaps under load in the real platform: readers never see a gap or a mix of versions, a refused update leaves the
 * previous version serving, and a load that runs long never holds up listing or removing packs.
 */
class SwapIT {
    static final LocalDate AS_OF = LocalDate.parse("2016-01-01");

    /** Version 1.0.N of pack "swap": Swapland (ZZ) has a possession offence in odd versions only. */
    static void writeSwap(Path dir, int n, boolean malformed) {
        String version = "1.0." + n;
        boolean odd = n % 2 == 1;
        TestPacks.write(dir.resolve("pack.json"), "{\"id\": \"swap\", \"version\": \"" + version + "\", \"title\":"
                + " \"Swap test\", \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}");
        String provisions = odd ? "{\"id\": \"ZZ-A1-s1\", \"section\": \"s. 1\", \"summary\": \"Possessing the material"
                + " is an offence.\", \"elements\": [{\"type\": \"offence\", \"subject\": \"csam\", \"conduct\": \"possess\","
                + " \"intent\": \"none\", \"medium\": \"any\"}]}" : "";
        TestPacks.write(dir.resolve("jurisdictions/ZZ.json"), malformed
                ? "{\"code\": \"ZZ\", \"name\": \"Swapland v" + version + "\", \"instruments\": [\n"
                : "{\"code\": \"ZZ\", \"name\": \"Swapland v" + version + "\", \"instruments\": [{\"id\": \"ZZ-A1\","
                + " \"title\": \"Test Act\", \"citation\": \"Act 1\", \"inForce\": \"2010-01-01\", \"source\": \"test"
                + " fixture\", \"verified\": true, \"provisions\": [" + provisions + "]}]}");
        TestPacks.write(dir.resolve("tests/ZZ.json"), "{\"cases\": [{\"name\": \"v" + version + "\", \"jurisdiction\":"
                + " \"ZZ\", \"edition\": \"8\", \"asOf\": \"2016-01-01\", \"expect\": {\"simple_possession\": \""
                + (odd ? "MET" : "NOT_MET") + "\"}}]}");
    }

    static Path flipPack(Path dir) {
        TestPacks.write(dir.resolve("pack.json"), "{\"id\": \"flip\", \"version\": \"1.0.0\", \"title\": \"Flip test\","
                + " \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}");
        TestPacks.write(dir.resolve("jurisdictions/YY.json"), "{\"code\": \"YY\", \"name\": \"Flipland\","
                + " \"instruments\": []}");
        return dir;
    }

    static Status status(JurisdictionResult j, String criterion) {
        return j.criteria().stream().filter(a -> a.criterion().equals(criterion)).map(Assessment::status)
                .findFirst().orElseThrow();
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void eightReadersWhileOnePackIsUpdatedFiftyTimesAndAnotherInstalledAndRemovedTwentyFiveTimes(@TempDir Path tmp)
            throws Exception {
        Path swap = tmp.resolve("swap");
        writeSwap(swap, 0, false);
        Path flip = flipPack(tmp.resolve("flip"));
        try (Platform p = Platform.start(Platform.Options.defaults().withPacks(List.of(swap)))) {
            assertEquals("SERVING", p.registry().packs().stream().filter(x -> x.id().equals("swap")).findFirst()
                    .orElseThrow().state());
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong answers = new AtomicLong();
            AtomicLong flipAnswers = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                Thread reader = new Thread(() -> {
                    while (!done.get()) {
                        try {
                            GapAnalysis a = p.evaluator().assess(new AssessmentRequest(List.of("PH", "ZZ"), null, "8", AS_OF));
                            answers.incrementAndGet();
                            String version = a.provenance().packs().stream().filter(x -> x.id().equals("swap"))
                                    .map(PackRef::version).findFirst().orElse("none");
                            JurisdictionResult ph = a.jurisdictions().get(0);
                            JurisdictionResult zz = a.jurisdictions().get(1);
                            boolean odd = Integer.parseInt(version.substring(version.lastIndexOf('.') + 1)) % 2 == 1;
                            if (!zz.name().equals("Swapland v" + version)
                                    || status(zz, "simple_possession") != (odd ? Status.MET : Status.NOT_MET)
                                    || ph.metCount() != 6
                                    || a.provenance().packs().stream().map(PackRef::id).distinct().count()
                                    != a.provenance().packs().size()) {
                                mixed.add(version + " " + zz.name() + " " + status(zz, "simple_possession"));
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                        try {
                            GapAnalysis yy = p.evaluator().assess(new AssessmentRequest(List.of("YY"), null, "8", AS_OF));
                            if (!yy.jurisdictions().get(0).name().equals("Flipland")) {
                                mixed.add("YY: " + yy.jurisdictions().get(0).name());
                            }
                            flipAnswers.incrementAndGet();
                        } catch (IllegalArgumentException e) {
                            if (!e.getMessage().startsWith("unknown jurisdiction \"YY\"")) {
                                failures.add(e.toString());
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }, "reader-" + r);
                reader.start();
                readers.add(reader);
            }

            List<Long> swapMillis = new ArrayList<>();
            List<Long> refusedMillis = new ArrayList<>();
            List<String> wrongRefusals = new ArrayList<>();
            CompletableFuture<List<Long>> flipper = CompletableFuture.supplyAsync(() -> {
                List<Long> millis = new ArrayList<>();
                for (int j = 0; j < 25; j++) {
                    long start = System.nanoTime();
                    PackInfo in = p.installer().install(flip);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    if (!in.state().equals("SERVING")) {
                        throw new AssertionError("flip install " + j + ": " + in);
                    }
                    p.installer().uninstall("flip");
                }
                return millis;
            });
            String lastGood = "1.0.0";
            for (int n = 1; n <= 50; n++) {
                boolean malformed = n % 5 == 0;
                writeSwap(swap, n, malformed);
                long start = System.nanoTime();
                PackInfo info = p.installer().update("swap", null);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (malformed) {
                    refusedMillis.add(millis);
                    if (!info.state().equals("SERVING_PREVIOUS") || !info.version().equals(lastGood)) {
                        wrongRefusals.add(n + ": " + info.state() + " " + info.version());
                    }
                } else {
                    swapMillis.add(millis);
                    assertEquals("SERVING", info.state(), n + ": " + info.problems());
                    lastGood = "1.0." + n;
                    assertEquals(lastGood, info.version());
                }
            }
            List<Long> flipMillis = flipper.get(5, TimeUnit.MINUTES);
            done.set(true);
            for (Thread reader : readers) {
                reader.join(30_000);
            }
            System.out.printf("SwapIT: %d answers (PH+ZZ) and %d Flipland answers by 8 readers; %d swaps, median %d ms,"
                            + " max %d ms; %d malformed updates refused, median %d ms; 25 installs of another pack,"
                            + " median %d ms, max %d ms; %d failed, %d mixed%n", answers.get(), flipAnswers.get(),
                    swapMillis.size(), median(swapMillis), Collections.max(swapMillis), refusedMillis.size(),
                    median(refusedMillis), median(flipMillis), Collections.max(flipMillis), failures.size(), mixed.size());
            assertEquals(List.of(), List.copyOf(failures), "no reader failed");
            assertEquals(List.of(), List.copyOf(mixed), "every answer is consistent with one version of each pack");
            assertEquals(List.of(), wrongRefusals, "malformed updates refused, the previous version serving");
            assertEquals(10, refusedMillis.size());
            assertTrue(answers.get() > 0);
            assertEquals("1.0.49", p.evaluator().assess(new AssessmentRequest(List.of("ZZ"), null, "8", AS_OF))
                    .provenance().packs().stream().filter(x -> x.id().equals("swap")).findFirst().orElseThrow().version());
        }
    }

    /** A legal pack that takes long to load: {@code files} test files of 3,000 cases, each case an evaluation. */
    static Path slowPack(Path dir, int files) {
        TestPacks.write(dir.resolve("pack.json"), "{\"id\": \"slow\", \"version\": \"1.0.0\", \"title\": \"Slow\","
                + " \"kind\": \"jurisdictions\", \"editions\": [\"8\"]}");
        TestPacks.write(dir.resolve("jurisdictions/XS.json"), "{\"code\": \"XS\", \"name\": \"Slowland\","
                + " \"instruments\": []}");
        for (int f = 0; f < files; f++) {
            StringBuilder tests = new StringBuilder("{\"cases\": [");
            for (int i = 0; i < 3_000; i++) {
                tests.append(i == 0 ? "" : ",\n").append("{\"name\": \"case ").append(f).append('.').append(i)
                        .append("\", \"jurisdiction\": \"XS\", \"edition\": \"8\", \"asOf\": \"2016-01-01\","
                        + " \"expect\": {\"simple_possession\": \"NOT_MET\"}}");
            }
            TestPacks.write(dir.resolve("tests/XS-" + f + ".json"), tests.append("]}").toString());
        }
        return dir;
    }

    static Object shellCommands(Platform p) throws Exception {
        ServiceReference<?>[] refs = p.context().getServiceReferences((String) null, "(osgi.command.scope=lexgap)");
        return p.context().getService(refs[0]);
    }

    static String call(Object commands, String name, String... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        java.util.Arrays.fill(types, String.class);
        Method method = commands.getClass().getMethod(name, types);
        return (String) method.invoke(commands, (Object[]) args);
    }

    @Test
    void aLongLoadHoldsUpNeitherPacksNorRemovepackAndCanBeCancelled(@TempDir Path tmp) throws Exception {
        Path slow = slowPack(tmp.resolve("slow"), 40);
        Path flip = flipPack(tmp.resolve("flip"));
        try (Platform p = Platform.start(Platform.Options.defaults().withPacks(List.of(flip)))) {
            Object shell = shellCommands(p);
            CompletableFuture<PackInfo> loading = CompletableFuture.supplyAsync(() -> p.installer().install(slow));
            long seen = System.nanoTime();
            while (p.registry().packs().stream().noneMatch(x -> x.state().equals("LOADING"))) {
                assertTrue(System.nanoTime() - seen < 30_000_000_000L, "the slow load shows as LOADING");
                assertTrue(!loading.isDone(), "the slow pack loaded before it could be watched: " + loading.getNow(null));
                Thread.sleep(5);
            }
            // While it loads: listing and removing answer at once (a blocked call would time out here).
            String listed = CompletableFuture.supplyAsync(() -> uncheck(() -> call(shell, "packs")))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(listed.contains("LOADING"), listed);
            String removed = CompletableFuture.supplyAsync(() -> uncheck(() -> call(shell, "removepack", "flip")))
                    .get(10, TimeUnit.SECONDS);
            assertEquals("Pack flip uninstalled.\n", removed);
            assertTrue(!loading.isDone(), "still loading when the other calls returned");
            assertEquals("Cancelled 1 load(s).\n", call(shell, "cancelload"));
            PackInfo cancelled = loading.get(10, TimeUnit.SECONDS);
            assertEquals("FAILED", cancelled.state());
            assertEquals("the load was cancelled (cancelload)", cancelled.problems().get(0).message());
            assertEquals(6, PlatformIT.assess(p, "PH", "2016-01-01").metCount());
        }
        // The budget itself is tested with a worker that never finishes (LoadsTest): how long a real pack's load
        // takes depends on the machine, so no pack is slow enough here to make a budget test that cannot flake.
    }

    interface Call<T> {
        T run() throws Exception;
    }

    static <T> T uncheck(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
