package org.gutsignal.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Measures what scoring itself allocates, without JMH's background allocation: the bytes the
 * current thread allocates ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes})
 * over 1 000 calls of {@link ScoreBenchmark#rawGutsignal} and {@link ScoreBenchmark#preparedGutsignal}
 * after 3 000 warm-up calls, at 800 patients, for every level (run it from the project root, where
 * {@code testdata/lee2022} is found).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.AllocationCheck
 * }</pre>
 */
public final class AllocationCheck {

    private static final int WARMUP = 3_000;
    private static final int CALLS = 1_000;

    private AllocationCheck() {
    }

    /** Prints the bytes per call for each level and path. */
    public static void main(String[] args) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (Level level : Level.values()) {
            ScoreBenchmark b = new ScoreBenchmark();
            b.level = level;
            b.patients = 800;
            b.setUp();
            for (String path : new String[] {"raw", "prepared"}) {
                boolean raw = path.equals("raw");
                double sink = 0;
                for (int i = 0; i < WARMUP; i++) {
                    sink += (raw ? b.rawGutsignal() : b.preparedGutsignal())[0];
                }
                long before = threads.getThreadAllocatedBytes(self);
                for (int i = 0; i < CALLS; i++) {
                    sink += (raw ? b.rawGutsignal() : b.preparedGutsignal())[0];
                }
                long bytes = threads.getThreadAllocatedBytes(self) - before;
                System.out.printf("%-8s %-8s score(table, out): %d bytes over %d calls (%.2f B/call; checksum %.6f)%n",
                        level, path, bytes, CALLS, (double) bytes / CALLS, sink);
            }
        }
    }
}
