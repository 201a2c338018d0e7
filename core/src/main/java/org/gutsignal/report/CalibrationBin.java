package org.gutsignal.report;

/**
 * One bin of a calibration plot ({@link Plots#calibration}).
 *
 * @param meanPredicted    mean predicted probability of the bin's samples, in [0, 1]
 * @param observedFraction fraction of the bin's samples that responded, in [0, 1]
 * @param count            number of samples in the bin, at least 1
 */
public record CalibrationBin(double meanPredicted, double observedFraction, int count) {

    /**
     * Validates the bin.
     *
     * @throws IllegalArgumentException if a fraction is outside [0, 1] or NaN, or count < 1
     */
    public CalibrationBin {
        if (!(meanPredicted >= 0 && meanPredicted <= 1) || !(observedFraction >= 0 && observedFraction <= 1)) {
            throw new IllegalArgumentException("expected fractions in [0, 1] but found mean predicted "
                    + meanPredicted + ", observed " + observedFraction);
        }
        if (count < 1) {
            throw new IllegalArgumentException("expected a bin count of at least 1 but found " + count);
        }
    }
}
