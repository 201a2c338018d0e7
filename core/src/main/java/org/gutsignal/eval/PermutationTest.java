package org.gutsignal.eval;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.gutsignal.cohort.Response;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Label-permutation test of a performance statistic, typically a cross-validated AUROC:
 * the statistic is recomputed on {@code n} random permutations of the labels and
 * {@code p = (1 + #{permuted ≥ observed}) / (1 + n)} (Phipson &amp; Smyth 2010: never 0).
 *
 * <pre>{@code
 * PermutationTest t = PermutationTest.run(y -> cvAuroc(features, y), labels, 999, 7L);
 * double p = t.pValue();
 * }</pre>
 *
 * <p>Permutations are drawn with Commons RNG {@code XO_RO_SHI_RO_128_PP} seeded with
 * {@code seed} (Fisher-Yates shuffles of one label copy, consecutively), so the same seed
 * gives the same permutations. The statistic is called sequentially from the calling thread;
 * it receives a fresh array it may keep. A NaN permuted value never counts as ≥ observed.
 * Results are immutable and thread-safe.
 *
 * <p>To compute the statistics elsewhere (on other threads or machines, as the Spark module
 * does), draw the same permuted labels with {@link #permutedLabels}, compute the statistic of
 * each, and assemble the result with {@link #of}: with the same seed it equals {@code run}'s.
 *
 * <pre>{@code
 * int[][] y = PermutationTest.permutedLabels(labels, 999, 7L);   // exactly the arrays run(…, 999, 7L) passes
 * double[] permuted = …;                                          // statistic(y[k]) for each k, anywhere
 * PermutationTest t = PermutationTest.of(statistic(labels), permuted);
 * }</pre>
 */
public final class PermutationTest {

    private final double observed;
    private final double[] permuted;
    private final int atLeastObserved;

    private PermutationTest(double observed, double[] permuted, int atLeastObserved) {
        this.observed = observed;
        this.permuted = permuted;
        this.atLeastObserved = atLeastObserved;
    }

    /**
     * Runs the test.
     *
     * @param statistic maps (possibly permuted) 0/1 labels to the statistic, larger meaning better
     * @param labels the observed 0/1 labels
     * @param permutations number of permutations, at least 1
     * @param seed the random seed
     * @return the result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code permutations < 1}, labels are empty or not 0/1,
     *         or the observed statistic is NaN
     */
    public static PermutationTest run(ToDoubleFunction<int[]> statistic, int[] labels, int permutations, long seed) {
        Objects.requireNonNull(statistic, "statistic");
        Response.checkLabels(labels);
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1 but is " + permutations);
        }
        double observed = statistic.applyAsDouble(labels.clone());
        if (Double.isNaN(observed)) {
            throw new IllegalArgumentException("the statistic on the observed labels is NaN");
        }
        Shuffles shuffles = new Shuffles(labels, seed);
        double[] permuted = new double[permutations];
        for (int k = 0; k < permutations; k++) {
            permuted[k] = statistic.applyAsDouble(shuffles.next());
        }
        return new PermutationTest(observed, permuted, countAtLeast(permuted, observed));
    }

    /**
     * The permuted labels {@link #run run(statistic, labels, permutations, seed)} gives its
     * statistic, in the same order: {@code permutedLabels(labels, n, seed)[k]} is the array of the
     * {@code k}-th call after the observed one. For computing the statistics elsewhere and
     * assembling the result with {@link #of}.
     *
     * @param labels       the observed 0/1 labels (not changed)
     * @param permutations number of permutations, at least 1
     * @param seed         the random seed
     * @return {@code permutations} fresh arrays, each a permutation of {@code labels}
     * @throws NullPointerException     if {@code labels} is null
     * @throws IllegalArgumentException if {@code permutations < 1}, or labels are empty or not 0/1
     */
    public static int[][] permutedLabels(int[] labels, int permutations, long seed) {
        Response.checkLabels(labels);
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1 but is " + permutations);
        }
        Shuffles shuffles = new Shuffles(labels, seed);
        int[][] out = new int[permutations][];
        for (int k = 0; k < permutations; k++) {
            out[k] = shuffles.next();
        }
        return out;
    }

    /**
     * The test of statistics computed elsewhere: {@code observed} on the observed labels and
     * {@code permuted[k]} on {@link #permutedLabels permutedLabels(labels, n, seed)[k]}. With the
     * values {@link #run} would compute, the result equals {@code run}'s: the same
     * {@link #atLeastObserved()} (a NaN permuted value never counts) and p-value.
     *
     * @param observed the statistic on the observed labels, not NaN
     * @param permuted the statistic on each permutation, in the order drawn (copied), at least one
     * @return the result
     * @throws NullPointerException     if {@code permuted} is null
     * @throws IllegalArgumentException if {@code observed} is NaN or {@code permuted} is empty
     */
    public static PermutationTest of(double observed, double[] permuted) {
        Objects.requireNonNull(permuted, "permuted");
        if (Double.isNaN(observed)) {
            throw new IllegalArgumentException("the statistic on the observed labels is NaN");
        }
        if (permuted.length == 0) {
            throw new IllegalArgumentException("permutations must be at least 1 but is 0");
        }
        double[] copy = permuted.clone();
        return new PermutationTest(observed, copy, countAtLeast(copy, observed));
    }

    private static int countAtLeast(double[] permuted, double observed) {
        int count = 0;
        for (double v : permuted) {
            if (v >= observed) {
                count++;
            }
        }
        return count;
    }

    /** The one source of permutations: Fisher-Yates shuffles of one label copy, consecutively, from one seeded stream. */
    private static final class Shuffles {
        private final UniformRandomProvider rng;
        private final int[] shuffled;

        Shuffles(int[] labels, long seed) {
            rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            shuffled = labels.clone();
        }

        /** The next permutation, as a fresh array. */
        int[] next() {
            PermutationSampler.shuffle(rng, shuffled);
            return shuffled.clone();
        }
    }

    /** @return the statistic on the observed labels */
    public double observed() {
        return observed;
    }

    /** @return the statistic on each permutation, in the order drawn (a copy) */
    public double[] permuted() {
        return permuted.clone();
    }

    /** @return the number of permutations */
    public int permutations() {
        return permuted.length;
    }

    /** @return how many permuted statistics were ≥ the observed one */
    public int atLeastObserved() {
        return atLeastObserved;
    }

    /** @return {@code (1 + atLeastObserved) / (1 + permutations)}, in (0, 1] */
    public double pValue() {
        return (1.0 + atLeastObserved) / (1.0 + permuted.length);
    }

    @Override
    public String toString() {
        return "PermutationTest[observed " + observed + ", p " + pValue() + ", n " + permuted.length + "]";
    }
}
