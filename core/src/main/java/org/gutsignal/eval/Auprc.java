package org.gutsignal.eval;

/**
 * Area under the precision-recall curve as average precision, scikit-learn's
 * {@code average_precision_score}: {@code AP = Σₖ (Rₖ − Rₖ₋₁) Pₖ} over the distinct score
 * thresholds in descending order (tied scores enter together; predict positive when
 * {@code score >= threshold}); no trapezoidal interpolation. A random ranking gives about
 * the positive fraction ({@link #baseline()}), not 0.5.
 *
 * <p>Immutable and thread-safe.
 */
public final class Auprc {

    private final double value;
    private final double baseline;

    private Auprc(double value, double baseline) {
        this.value = value;
        this.baseline = baseline;
    }

    /**
     * Computes the average precision.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels 0/1 labels, both classes present
     * @return the result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, a score is not finite, a label is
     *         not 0/1 or a class is absent
     */
    public static Auprc of(double[] scores, int[] labels) {
        int positives = Inputs.checkBothClasses(scores, labels, "scores");
        return new Auprc(PrecisionRecallCurve.of(scores, labels).averagePrecision(),
                (double) positives / labels.length);
    }

    /** @return the average precision in [0, 1] */
    public double value() {
        return value;
    }

    /** @return the fraction of positives: the expected average precision of a random score */
    public double baseline() {
        return baseline;
    }

    @Override
    public String toString() {
        return "Auprc[" + value + ", baseline " + baseline + "]";
    }
}
