package org.lexgap.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.lexgap.api.model.GapAnalysis;
import org.lexgap.launcher.Platform;

/**
 * Cold figures: one shot per fresh JVM fork, from nothing to the first PH verdict. Lexgap: start Felix and the core,
 * load the two packs (read, check, test; compile their rules, or read them as compiled at build time or cached),
 * assess. The references: read the same two pack jars with the same reader, compile the DRL (plain Drools) or
 * nothing (hand-written), evaluate. The JVM's own start and JMH's harness are outside every figure alike.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdBench {
    @State(Scope.Thread)
    public static class Running {
        Platform platform;

        @TearDown(Level.Iteration)
        public void stop() {
            if (platform != null) {
                platform.close();
                platform = null;
            }
        }
    }

    /** A first start on a new machine: the shipped packs' rules as compiled when the distribution was built. */
    @Benchmark
    public GapAnalysis lexgapColdPH(Running running) {
        running.platform = Setups.platform();
        return running.platform.evaluator().assess(Setups.PH);
    }

    /**
     * As {@link #lexgapColdPH}, without the rules compiled at build time: what the first load of a pack that did not
     * ship with the distribution costs (its rules parsed, allow-listed and compiled).
     */
    @Benchmark
    public GapAnalysis lexgapFirstLoadColdPH(Running running) {
        running.platform = Setups.compilingPlatform();
        return running.platform.evaluator().assess(Setups.PH);
    }

    /**
     * As {@link #lexgapColdPH}, with the caches the CLI keeps (filled by one run before the forks): the packs' tests'
     * clean pass is remembered, and Felix reuses the bundle cache an earlier run extracted.
     */
    @Benchmark
    public GapAnalysis lexgapCachedColdPH(Running running) {
        running.platform = Setups.cachedPlatform();
        return running.platform.evaluator().assess(Setups.PH);
    }

    @Benchmark
    public List<Verdict> droolsColdPH() {
        Law law = Law.read();
        return PlainDrools.compile(law).assess(law.edition(), law.jurisdictions().get("PH"), Setups.CUTOFF);
    }

    @Benchmark
    public List<Verdict> handColdPH() {
        Law law = Law.read();
        return HandWritten.assess(law.edition(), law.jurisdictions().get("PH"), Setups.CUTOFF);
    }
}
