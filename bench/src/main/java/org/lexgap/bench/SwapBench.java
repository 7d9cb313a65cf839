package org.lexgap.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import org.lexgap.api.model.PackInfo;

/**
 * A hot swap of the ASEAN pack in the running platform: read, verify, check and compile the new content, run its
 * fixtures beside what serves, commit, and update its bundle, until the call returns with the new content serving.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SwapBench {
    @Benchmark
    public PackInfo lexgapHotSwapASEAN(WarmBench.Lexgap lexgap) {
        PackInfo info = lexgap.platform.installer().update("asean", Law.pack("asean"));
        if (!"SERVING".equals(info.state())) {
            throw new IllegalStateException("asean did not swap: " + info.problems());
        }
        return info;
    }
}
