package org.gutsignal.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link ProfilesDirectoryBenchmark}'s contenders round-robin in one JVM (a manual run, not JMH):
 * the bare read of the bytes, {@code readDirectory} on one thread and with {@code withThreads(2)},
 * one after another in each round, so that load from other processes falls on all of them alike.
 * Prints the fastest and the median round of each, and their ratios to the bare read.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.ProfilesDirectoryInterleaved 1000 15
 * </pre>
 */
public final class ProfilesDirectoryInterleaved {

    private ProfilesDirectoryInterleaved() {
    }

    public static void main(String[] args) throws IOException {
        ProfilesDirectoryBenchmark b = new ProfilesDirectoryBenchmark();
        b.profiles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        b.setUp();
        try {
            String[] names = {"bytes only", "readDirectory, 1 thread", "readDirectory, withThreads(2)"};
            double[][] ms = new double[names.length][rounds];
            long check = 0;
            for (int r = -3; r < rounds; r++) { // three rounds of warm-up
                for (int c = 0; c < names.length; c++) {
                    long t = System.nanoTime();
                    check += switch (c) {
                        case 0 -> b.bytesOnly();
                        case 1 -> b.gutsignalReadDirectory().table().featureCount();
                        default -> b.gutsignalReadDirectoryThreads2().table().featureCount();
                    };
                    if (r >= 0) {
                        ms[c][r] = (System.nanoTime() - t) / 1e6;
                    }
                }
            }
            for (int c = 0; c < names.length; c++) {
                double[] s = ms[c].clone();
                Arrays.sort(s);
                double[] bare = ms[0].clone();
                Arrays.sort(bare);
                System.out.printf(Locale.ROOT, "%-32s fastest %8.1f ms, median %8.1f ms; × bare read %5.1f (fastest)"
                        + " %5.1f (median)%n", names[c], s[0], s[rounds / 2], s[0] / bare[0], s[rounds / 2] / bare[rounds / 2]);
            }
            System.out.println("(checksum " + check + ")");
        } finally {
            b.tearDown();
        }
    }
}
