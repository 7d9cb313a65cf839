package org.lexgap.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.lexgap.api.model.PackCheck;
import org.lexgap.api.model.PackInfo;
import org.lexgap.api.model.PackProblem;
import org.lexgap.api.model.PackTestResult;

/** {@code lexgap watch}: reload a pack directory on every save and re-run its tests. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Load a pack directory, then reload it within about a second of each saved change and",
                "re-run its tests. A change that breaks the pack is reported and the last good version keeps",
                "serving. Stop with Ctrl-C."})
final class WatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The pack directory.")
    Path directory;

    @Option(names = "--exit-after", paramLabel = "N", description = "Stop after N reloads (for scripts and tests).")
    Integer exitAfter;

    @Mixin
    PlatformOptions platform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String id = PackIds.of(directory);
        try (Platform running = platform.startExcluding(id)) {
            PackInfo first = running.installer().install(directory);
            out.println("Watching " + directory + " (pack " + first.id() + " " + first.version() + ", " + first.state() + ")");
            print(out, first, running.toolkit().test(directory));
            CountDownLatch done = new CountDownLatch(exitAfter == null ? -1 >>> 1 : exitAfter);
            try (PackWatcher watcher = new PackWatcher(running, directory, first.id(), reload -> {
                out.println("-- reload " + reload.number() + " (" + reload.millis() + " ms)");
                print(out, reload.pack(), reload.tests());
                done.countDown();
            })) {
                done.await();
            }
            return 0;
        }
    }

    static void print(PrintWriter out, PackInfo info, PackCheck tests) {
        out.println("pack " + info.id() + " " + info.version() + ": " + info.state());
        for (PackProblem p : info.problems()) {
            if (p.severity() == PackProblem.Severity.ERROR || p.message().contains("keeps serving")) {
                out.println("  " + p.format());
            }
        }
        if (tests.hasErrors()) {
            out.println("  tests not run: the new content does not load (errors above)");
            out.flush();
            return;
        }
        long passed = tests.tests().stream().filter(PackTestResult::passed).count();
        long failed = tests.tests().stream().filter(t -> t.skipped() == null && !t.passed()).count();
        tests.tests().stream().filter(t -> t.skipped() == null && !t.passed())
                .forEach(t -> out.println("  FAIL " + t.file() + ":" + t.line() + " " + t.name() + ": " + String.join("; ", t.failures())));
        out.println("  tests: " + passed + " passed, " + failed + " failed");
        out.flush();
    }
}
