package org.lexgap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.lexgap.api.model.GapAnalysis;
import org.lexgap.launcher.Platform;

/**
 * Warm figures: the same answers, over and over, once everything is compiled and the JIT has run. Lexgap through
 * the real platform's Evaluator service; the references in the same JVM shape (one fork each).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmBench {
    @State(Scope.Benchmark)
    public static class Lexgap {
        Platform platform;

        @Setup(Level.Trial)
        public void start() {
            platform = Setups.platform();
        }

        @TearDown(Level.Trial)
        public void stop() {
            platform.close();
        }
    }

    @State(Scope.Benchmark)
    public static class References {
        Law law;
        PlainDrools drools;

        @Setup(Level.Trial)
        public void read() {
            law = Law.read();
            drools = PlainDrools.compile(law);
        }
    }

    @Benchmark
    public GapAnalysis lexgapPH(Lexgap lexgap) {
        return lexgap.platform.evaluator().assess(Setups.PH);
    }

    @Benchmark
    public GapAnalysis lexgapASEAN(Lexgap lexgap) {
        return lexgap.platform.evaluator().assess(Setups.ASEAN);
    }

    /** Reads and checks the amendment, then runs Malaysia on its recorded and on its amended law. */
    @Benchmark
    public GapAnalysis lexgapWhatIfMY(Lexgap lexgap) {
        return lexgap.platform.evaluator().assess(Setups.WHAT_IF);
    }

    @Benchmark
    public List<Verdict> droolsPH(References r) {
        return r.drools.assess(r.law.edition(), r.law.jurisdictions().get("PH"), Setups.CUTOFF);
    }

    @Benchmark
    public List<List<Verdict>> droolsASEAN(References r) {
        List<List<Verdict>> out = new ArrayList<>();
        for (String code : r.law.asean()) {
            out.add(r.drools.assess(r.law.edition(), r.law.jurisdictions().get(code), Setups.CUTOFF));
        }
        return out;
    }

    @Benchmark
    public List<Verdict> handPH(References r) {
        return HandWritten.assess(r.law.edition(), r.law.jurisdictions().get("PH"), Setups.CUTOFF);
    }

    @Benchmark
    public List<List<Verdict>> handASEAN(References r) {
        List<List<Verdict>> out = new ArrayList<>();
        for (String code : r.law.asean()) {
            out.add(HandWritten.assess(r.law.edition(), r.law.jurisdictions().get(code), Setups.CUTOFF));
        }
        return out;
    }
}
