package org.gutsignal.eval;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Area under the ROC curve of scores against 0/1 labels, with DeLong and bootstrap
 * confidence intervals and DeLong's test for two correlated AUROCs.
 *
 * <p>The AUROC is the Mann-Whitney probability that a random positive scores higher than a
 * random negative, ties counting one half: {@code AUROC = (R₊ − n₊(n₊+1)/2) / (n₊ n₋)} with
 * R₊ the sum of the positives' midranks. Higher scores mean "more likely positive"; the
 * value is never flipped (an AUROC below 0.5 is reported as is; pROC's {@code direction="<"}).
 *
 * <pre>{@code
 * Auroc auc = Auroc.of(scores, labels);
 * double value = auc.value();
 * ConfidenceInterval delong = auc.ci95();
 * ConfidenceInterval boot = auc.bootstrapCi(2000, 42L);
 * Auroc.Comparison cmp = Auroc.delongTest(scoresA, scoresB, labels);
 * }</pre>
 *
 * <p>Variance and CI follow DeLong, DeLong &amp; Clarke-Pearson (1988, Biometrics 44:837),
 * computed with the midrank algorithm of Sun &amp; Xu (2014, IEEE Signal Process. Lett.
 * 21:1389); they match pROC 1.18 {@code ci.auc(method="delong")} and
 * {@code roc.test(method="delong", paired=TRUE)}.
 *
 * <p><b>Degenerate scores.</b> When every score is the same (for example a fitted model that
 * selected no feature and scores every sample with its intercept), the AUROC is 0.5 by the tie
 * rule but says nothing about the samples: {@link #isDegenerate()} is true, {@link #delongVariance()}
 * and both bounds of {@link #ci95()} and {@link #bootstrapCi} are NaN (DeLong's formula would give
 * a variance of 0 and the meaningless zero-width interval [0.5, 0.5]), and {@link #toString()}
 * says {@code "degenerate (constant scores)"}.
 *
 * <p>Instances are immutable and thread-safe (they keep private copies of the inputs).
 */
public final class Auroc {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final double[] scores;
    private final int[] labels;
    private final int positives;
    private final double value;
    private final double delongVariance;
    private final boolean degenerate;

    private Auroc(double[] scores, int[] labels, int positives) {
        this.scores = scores;
        this.labels = labels;
        this.positives = positives;
        Placements p = Placements.of(scores, labels, positives);
        this.value = p.auc;
        this.degenerate = Arrays.stream(scores).allMatch(s -> s == scores[0]);
        this.delongVariance = degenerate ? Double.NaN : p.variance();
    }

    /** What {@link #toString()} and the reports say for an AUROC of constant scores. */
    public static final String DEGENERATE = "degenerate (constant scores)";

    /**
     * Computes the AUROC of {@code scores} against {@code labels}.
     *
     * @param scores finite scores, higher meaning more likely positive (any scale)
     * @param labels 0/1 labels, same length, both classes present
     * @return the AUROC
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, a score is NaN or infinite, a label
     *         is not 0/1 or one class is absent
     */
    public static Auroc of(double[] scores, int[] labels) {
        int positives = Inputs.checkBothClasses(scores, labels, "scores");
        return new Auroc(scores.clone(), labels.clone(), positives);
    }

    /** @return the AUROC in [0, 1] */
    public double value() {
        return value;
    }

    /** @return the number of positive samples (label 1) */
    public int positives() {
        return positives;
    }

    /** @return the number of negative samples (label 0) */
    public int negatives() {
        return labels.length - positives;
    }

    /**
     * Whether every score is the same, so that the AUROC (0.5) carries no information about the
     * samples; see the class comment.
     *
     * @return true for constant scores
     */
    public boolean isDegenerate() {
        return degenerate;
    }

    /**
     * DeLong's variance estimate {@code S10/n₊ + S01/n₋} (pROC {@code var(roc, method="delong")}).
     * NaN when a class has a single sample or the AUROC {@linkplain #isDegenerate() is degenerate}.
     *
     * @return the variance of the AUROC estimate
     */
    public double delongVariance() {
        return delongVariance;
    }

    /**
     * The 95% DeLong confidence interval: normal quantiles around the AUROC with DeLong's
     * standard error, clipped to [0, 1] (as pROC {@code ci.auc(method="delong")}). Both bounds
     * are NaN when a class has a single sample or the AUROC {@linkplain #isDegenerate() is degenerate}.
     *
     * @return the interval
     */
    public ConfidenceInterval ci95() {
        double sd = Math.sqrt(delongVariance);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.975);
        double lower = value - z * sd;
        double upper = value + z * sd;
        return new ConfidenceInterval(Math.max(0, lower), Math.min(1, upper), 0.95);
    }

    /**
     * A 95% stratified bootstrap percentile interval, as pROC
     * {@code ci.auc(method="bootstrap", boot.stratified=TRUE)}: each replicate resamples the
     * positives and the negatives separately with replacement (keeping both class sizes),
     * the bounds are the 2.5% and 97.5% quantiles of the replicate AUROCs (R's type 7).
     * Random numbers come from Commons RNG {@code XO_RO_SHI_RO_128_PP} seeded with
     * {@code seed}, so the same seed gives bit-identical bounds (numerically different from
     * pROC, which uses R's generator). Both bounds are NaN when the AUROC
     * {@linkplain #isDegenerate() is degenerate}.
     *
     * @param replicates number of bootstrap replicates, at least 2 (pROC's default is 2000)
     * @param seed the random seed
     * @return the interval
     * @throws IllegalArgumentException if {@code replicates < 2}
     */
    public ConfidenceInterval bootstrapCi(int replicates, long seed) {
        if (replicates < 2) {
            throw new IllegalArgumentException("replicates must be at least 2 but is " + replicates);
        }
        if (degenerate) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, 0.95);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int negatives = labels.length - positives;
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, a = 0, b = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        double[] resampled = new double[labels.length];
        int[] resampledLabels = new int[labels.length];
        Arrays.fill(resampledLabels, 0, positives, 1);
        double[] aucs = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < positives; i++) {
                resampled[i] = pos[rng.nextInt(positives)];
            }
            for (int i = 0; i < negatives; i++) {
                resampled[positives + i] = neg[rng.nextInt(negatives)];
            }
            aucs[r] = mannWhitneyAuc(resampled, resampledLabels, positives);
        }
        Arrays.sort(aucs);
        return new ConfidenceInterval(quantile7(aucs, 0.025), quantile7(aucs, 0.975), 0.95);
    }

    /**
     * DeLong's test of two correlated AUROCs measured on the same samples (pROC
     * {@code roc.test(roc1, roc2, method="delong", paired=TRUE)}): {@code z = (A − B) / sd},
     * with the variance of the difference from the covariance of the two sets of placement
     * values; two-sided {@code p = 2 Φ(−|z|)}. When the two score vectors give identical
     * placements the variance is 0 and {@code z} and {@code p} are NaN.
     *
     * @param scoresA the first model's scores
     * @param scoresB the second model's scores, same samples in the same order
     * @param labels 0/1 labels, both classes present
     * @return the test result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException on the conditions of {@link #of}
     */
    public static Comparison delongTest(double[] scoresA, double[] scoresB, int[] labels) {
        int positives = Inputs.checkBothClasses(scoresA, labels, "scoresA");
        Inputs.checkBothClasses(scoresB, labels, "scoresB");
        Placements a = Placements.of(scoresA, labels, positives);
        Placements b = Placements.of(scoresB, labels, positives);
        int m = positives;
        int n = labels.length - positives;
        double varA = a.variance();
        double varB = b.variance();
        double cov = covariance(a.v10, a.auc, b.v10, b.auc) / m + covariance(a.v01, a.auc, b.v01, b.auc) / n;
        double sd = Math.sqrt(varA + varB - 2 * cov);
        double z = (a.auc - b.auc) / sd;
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        return new Comparison(a.auc, b.auc, z, p);
    }

    /**
     * Result of {@link #delongTest}. Immutable.
     *
     * @param aurocA AUROC of the first scores
     * @param aurocB AUROC of the second scores
     * @param z the DeLong z statistic of {@code aurocA − aurocB}
     * @param pValue the two-sided p-value
     */
    public record Comparison(double aurocA, double aurocB, double z, double pValue) {
    }

    @Override
    public String toString() {
        return "Auroc[" + (degenerate ? DEGENERATE : value) + ", n+=" + positives + ", n-=" + negatives() + "]";
    }

    /** Mann-Whitney AUROC from midranks. */
    static double mannWhitneyAuc(double[] scores, int[] labels, int positives) {
        double[] ranks = Ranks.midranks(scores);
        double sum = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (labels[i] == 1) {
                sum += ranks[i];
            }
        }
        double negatives = labels.length - positives;
        return (sum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
    }

    /** Type-7 quantile (R's default) of sorted values. */
    static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double covariance(double[] x, double mx, double[] y, double my) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    /** DeLong placement values via midranks (Sun &amp; Xu 2014). */
    private static final class Placements {
        final double[] v10; // per positive: fraction of negatives it beats (ties 1/2)
        final double[] v01; // per negative: fraction of positives that beat it (ties 1/2)
        final double auc;

        private Placements(double[] v10, double[] v01, double auc) {
            this.v10 = v10;
            this.v01 = v01;
            this.auc = auc;
        }

        static Placements of(double[] scores, int[] labels, int m) {
            int n = labels.length - m;
            double[] pos = new double[m];
            double[] neg = new double[n];
            for (int i = 0, a = 0, b = 0; i < labels.length; i++) {
                if (labels[i] == 1) {
                    pos[a++] = scores[i];
                } else {
                    neg[b++] = scores[i];
                }
            }
            double[] rz = Ranks.midranks(scores);
            double[] rx = Ranks.midranks(pos);
            double[] ry = Ranks.midranks(neg);
            double[] v10 = new double[m];
            double[] v01 = new double[n];
            double sum = 0;
            for (int i = 0, a = 0, b = 0; i < labels.length; i++) {
                if (labels[i] == 1) {
                    v10[a] = (rz[i] - rx[a]) / n;
                    sum += v10[a];
                    a++;
                } else {
                    v01[b] = 1.0 - (rz[i] - ry[b]) / m;
                    b++;
                }
            }
            return new Placements(v10, v01, sum / m);
        }

        double variance() {
            return covariance(v10, auc, v10, auc) / v10.length + covariance(v01, auc, v01, auc) / v01.length;
        }
    }
}
