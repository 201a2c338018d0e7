package org.gutsignal.eval;

/**
 * Brier score: the mean squared difference between predicted probabilities and 0/1
 * outcomes, {@code (1/n) Σ (pᵢ − yᵢ)²} (scikit-learn's {@code brier_score_loss}). 0 is
 * perfect; always predicting the prevalence π gives π(1 − π).
 *
 * <p>Immutable and thread-safe.
 */
public final class BrierScore {

    private final double value;

    private BrierScore(double value) {
        this.value = value;
    }

    /**
     * Computes the Brier score.
     *
     * @param probabilities predicted probabilities of label 1, each in [0, 1]
     * @param labels 0/1 labels, same length, not empty
     * @return the result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, the input is empty, a probability is
     *         NaN or outside [0, 1], or a label is not 0/1
     */
    public static BrierScore of(double[] probabilities, int[] labels) {
        Inputs.checkProbabilities(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double d = probabilities[i] - labels[i];
            sum += d * d;
        }
        return new BrierScore(sum / labels.length);
    }

    /** @return the Brier score in [0, 1] */
    public double value() {
        return value;
    }

    @Override
    public String toString() {
        return "BrierScore[" + value + "]";
    }
}
