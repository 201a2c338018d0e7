package org.gutsignal.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link ScoreBenchmark}'s contenders timed round-robin in one JVM, for ratios on a shared, noisy
 * machine: JMH measures one contender after another, so a burst of load from other processes can
 * fall on one and not the other; here every round calls each contender once, so load hits them
 * alike, and the fastest round of each (its time with the least interference) is compared. Not a
 * replacement for JMH (no forks, no blackhole; each call's result is summed into a checksum), a
 * cross-check of its ratios.
 *
 * <pre>{@code
 * java -Xms8g -Xmx8g -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.ScoreInterleaved \
 *     KO 80000 40 preparedGutsignal preparedStream preparedBareLoop
 * }</pre>
 *
 * Arguments: level, patients, rounds (the first third are warm-up and not counted), then the
 * contenders (method names of {@link ScoreBenchmark}). Prints, per contender, the fastest and the
 * median counted round in ms, and each contender's fastest round divided by the first contender's.
 */
public final class ScoreInterleaved {

    private ScoreInterleaved() {
    }

    /** Runs the rounds and prints the table. */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: ScoreInterleaved LEVEL PATIENTS ROUNDS CONTENDER...");
            System.exit(2);
        }
        ScoreBenchmark b = new ScoreBenchmark();
        b.level = Level.valueOf(args[0]);
        b.patients = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        b.setUp();
        Map<String, Supplier<double[]>> all = new LinkedHashMap<>();
        all.put("rawGutsignal", b::rawGutsignal);
        all.put("rawGutsignalThreads2", b::rawGutsignalThreads2);
        all.put("rawBareLoop", b::rawBareLoop);
        all.put("preparedGutsignal", b::preparedGutsignal);
        all.put("preparedGutsignalThreads2", b::preparedGutsignalThreads2);
        all.put("preparedSmile", b::preparedSmile);
        all.put("preparedStream", b::preparedStream);
        all.put("preparedBareLoop", b::preparedBareLoop);
        List<String> names = new ArrayList<>(Arrays.asList(args).subList(3, args.length));
        for (String name : names) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no contender '" + name + "'; the contenders are " + all.keySet());
            }
        }
        int warmup = rounds / 3;
        double[][] ms = new double[names.size()][rounds - warmup];
        double checksum = 0;
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < names.size(); c++) {
                long start = System.nanoTime();
                checksum += all.get(names.get(c)).get()[0];
                long elapsed = System.nanoTime() - start;
                if (r >= warmup) {
                    ms[c][r - warmup] = elapsed / 1e6;
                }
            }
        }
        System.out.printf("%s, %d patients, %d rounds (%d counted)%n", b.level, b.patients, rounds, rounds - warmup);
        double first = Arrays.stream(ms[0]).min().orElseThrow();
        for (int c = 0; c < names.size(); c++) {
            double[] sorted = ms[c].clone();
            Arrays.sort(sorted);
            System.out.printf("%-18s fastest %10.3f ms  median %10.3f ms  fastest / %s's %6.3f%n", names.get(c),
                    sorted[0], sorted[sorted.length / 2], names.get(0), sorted[0] / first);
        }
        System.out.println("checksum " + checksum);
    }
}
