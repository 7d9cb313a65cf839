package org.lexgap.core.internal;

import java.lang.management.ManagementFactory;

/**
 * A phase timeline for finding where a cold run spends its time: with the environment variable
 * {@code LEXGAP_TIMELINE=1}, each {@link #mark} prints to stderr the milliseconds since the JVM started and the CPU
 * milliseconds this process has used so far. Off (and costing one boolean read) otherwise. The launcher
 * has its own copy, since the core's classes are private to its bundle.
 */
public final class Timeline {
    private static final boolean ON = "1".equals(System.getenv("LEXGAP_TIMELINE"));

    private Timeline() {
    }

    public static boolean on() {
        return ON;
    }

    public static void mark(String phase) {
        if (ON) {
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            System.err.printf("lexgap-timeline %6d ms  cpu %6d ms  %s%n", System.currentTimeMillis() - start, cpu, phase);
        }
    }
}
