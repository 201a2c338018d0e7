package org.gutsignal.eval;

/**
 * Confusion-matrix metrics at one score threshold: sensitivity, specificity, positive and
 * negative predictive value.
 *
 * <p>Convention: a sample is predicted positive when {@code score >= threshold}; the
 * threshold is always reported on the score scale. {@link #youden} picks the observed score
 * maximising Youden's J = sensitivity + specificity − 1 (the same optimum as pROC's
 * {@code coords(roc, "best", best.method="youden")}, whose threshold is instead the midpoint
 * between two neighbouring scores); among equal J the highest threshold wins.
 *
 * <p>A ratio with an empty denominator (PPV with no predicted positive, NPV with no
 * predicted negative) is NaN. Immutable and thread-safe.
 */
public final class ThresholdMetrics {

    private final double threshold;
    private final int truePositives;
    private final int falsePositives;
    private final int trueNegatives;
    private final int falseNegatives;

    private ThresholdMetrics(double threshold, int tp, int fp, int tn, int fn) {
        this.threshold = threshold;
        this.truePositives = tp;
        this.falsePositives = fp;
        this.trueNegatives = tn;
        this.falseNegatives = fn;
    }

    /**
     * Metrics at a given threshold.
     *
     * @param scores finite scores
     * @param labels 0/1 labels, same length, not empty
     * @param threshold predict positive when {@code score >= threshold}; may be infinite, not NaN
     * @return the metrics
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, the input is empty, a score is not
     *         finite, a label is not 0/1, or the threshold is NaN
     */
    public static ThresholdMetrics at(double[] scores, int[] labels, double threshold) {
        Inputs.checkScores(scores, labels, "scores");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (labels[i] == 1) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ThresholdMetrics(threshold, tp, fp, tn, fn);
    }

    /**
     * Metrics at the observed score maximising Youden's J.
     *
     * @param scores finite scores
     * @param labels 0/1 labels, both classes present
     * @return the metrics at the optimum
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, a score is not finite, a label is
     *         not 0/1 or a class is absent
     */
    public static ThresholdMetrics youden(double[] scores, int[] labels) {
        int positives = Inputs.checkBothClasses(scores, labels, "scores");
        int negatives = labels.length - positives;
        double[] best = {Double.NEGATIVE_INFINITY, Double.NaN};
        Counts.sweep(scores, labels, (threshold, tp, fp) -> {
            double j = (double) tp / positives + (double) (negatives - fp) / negatives - 1;
            if (j > best[0]) {
                best[0] = j;
                best[1] = threshold;
            }
        });
        return at(scores, labels, best[1]);
    }

    /** @return the threshold: predict positive when {@code score >= threshold} */
    public double threshold() {
        return threshold;
    }

    /** @return number of positives predicted positive */
    public int truePositives() {
        return truePositives;
    }

    /** @return number of negatives predicted positive */
    public int falsePositives() {
        return falsePositives;
    }

    /** @return number of negatives predicted negative */
    public int trueNegatives() {
        return trueNegatives;
    }

    /** @return number of positives predicted negative */
    public int falseNegatives() {
        return falseNegatives;
    }

    /** @return TP / (TP + FN); NaN without positives */
    public double sensitivity() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** @return TN / (TN + FP); NaN without negatives */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /** @return positive predictive value TP / (TP + FP); NaN with no predicted positive */
    public double ppv() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** @return negative predictive value TN / (TN + FN); NaN with no predicted negative */
    public double npv() {
        return ratio(trueNegatives, trueNegatives + falseNegatives);
    }

    /** @return Youden's J = sensitivity + specificity − 1 */
    public double youdenIndex() {
        return sensitivity() + specificity() - 1;
    }

    @Override
    public String toString() {
        return "ThresholdMetrics[threshold " + threshold + ", TP " + truePositives + ", FP " + falsePositives
                + ", TN " + trueNegatives + ", FN " + falseNegatives + "]";
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
