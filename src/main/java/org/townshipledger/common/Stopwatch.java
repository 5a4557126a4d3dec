package org.townshipledger.common;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Wall time and the calling thread's CPU time of the stages of long work (imports, demo data), for the log. The CPU
 * time says how much work a stage did even when other programs share the machine and stretch the wall time.
 */
public final class Stopwatch {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long wall;
    private long cpu;

    private Stopwatch() {
        wall = System.nanoTime();
        cpu = cpuNow();
    }

    public static Stopwatch start() {
        return new Stopwatch();
    }

    /** "1234 ms (1100 ms CPU)" since the start or the previous lap; starts the next lap. */
    public String lap() {
        long w = System.nanoTime();
        long c = cpuNow();
        String s = (w - wall) / 1_000_000 + " ms (" + (c - cpu) / 1_000_000 + " ms CPU)";
        wall = w;
        cpu = c;
        return s;
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
