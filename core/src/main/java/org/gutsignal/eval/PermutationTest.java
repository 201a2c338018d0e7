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
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] shuffled = labels.clone();
        double[] permuted = new double[permutations];
        int count = 0;
        for (int k = 0; k < permutations; k++) {
            PermutationSampler.shuffle(rng, shuffled);
            permuted[k] = statistic.applyAsDouble(shuffled.clone());
            if (permuted[k] >= observed) {
                count++;
            }
        }
        return new PermutationTest(observed, permuted, count);
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
