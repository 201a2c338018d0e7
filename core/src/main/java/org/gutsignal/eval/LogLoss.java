package org.gutsignal.eval;

/**
 * Log-loss (binary cross-entropy), {@code −(1/n) Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)]}, natural
 * logarithm. Probabilities are first clipped to {@code [EPSILON, 1 − EPSILON]} with
 * {@link #EPSILON} = 2⁻⁵² (the double machine epsilon, scikit-learn 1.2's
 * {@code log_loss(eps="auto")} for float64 input), so a confident wrong prediction costs
 * about 36.04 instead of infinity.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogLoss {

    /** Clipping bound for probabilities: {@code Math.ulp(1.0)} = 2⁻⁵² ≈ 2.22e-16. */
    public static final double EPSILON = Math.ulp(1.0);

    private final double value;

    private LogLoss(double value) {
        this.value = value;
    }

    /**
     * Computes the log-loss.
     *
     * @param probabilities predicted probabilities of label 1, each in [0, 1]
     * @param labels 0/1 labels, same length, not empty
     * @return the result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, the input is empty, a probability is
     *         NaN or outside [0, 1], or a label is not 0/1
     */
    public static LogLoss of(double[] probabilities, int[] labels) {
        Inputs.checkProbabilities(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(Math.max(probabilities[i], EPSILON), 1 - EPSILON);
            sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return new LogLoss(sum / labels.length);
    }

    /** @return the mean log-loss in nats, ≥ 0 */
    public double value() {
        return value;
    }

    @Override
    public String toString() {
        return "LogLoss[" + value + "]";
    }
}
