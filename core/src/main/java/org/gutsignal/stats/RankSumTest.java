package org.gutsignal.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Two-sided Wilcoxon rank-sum / Mann-Whitney U test with scipy's default method choice
 * ({@code scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="auto")}): the exact
 * null distribution of U when the smaller sample has at most 8 values and no value is tied;
 * otherwise the normal approximation with tie-corrected variance and continuity correction.
 * When every value is tied the p-value is 1 (scipy's clipped result). Computation is
 * delegated to Commons Statistics {@code MannWhitneyUTest}. Package-private; stateless.
 */
final class RankSumTest {

    private static final MannWhitneyUTest EXACT = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.EXACT);
    private static final MannWhitneyUTest ASYMPTOTIC = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.ASYMPTOTIC)
            .with(ContinuityCorrection.ENABLED);

    /** Outcome: the p-value and whether the exact distribution was used. */
    record Result(double pValue, boolean exact) {
    }

    private RankSumTest() {
    }

    static Result test(double[] x, double[] y) {
        double[] a = normalised(x);
        double[] b = normalised(y);
        boolean ties = hasTies(a, b);
        if (allEqual(a, b)) {
            return new Result(1.0, false);
        }
        boolean exact = Math.min(a.length, b.length) <= 8 && !ties;
        double p = (exact ? EXACT : ASYMPTOTIC).test(a, b).getPValue();
        return new Result(Math.min(1.0, p), exact);
    }

    /** Copies and turns -0.0 into 0.0 so that the two zeros tie, as in scipy. */
    private static double[] normalised(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + 0.0;
        }
        return out;
    }

    private static boolean hasTies(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        java.util.Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean allEqual(double[] a, double[] b) {
        double first = a[0];
        for (double v : a) {
            if (v != first) {
                return false;
            }
        }
        for (double v : b) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }
}
