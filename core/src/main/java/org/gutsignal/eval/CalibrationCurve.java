package org.gutsignal.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Binned reliability curve: per bin of predicted probability, the mean prediction and the
 * observed fraction of positives. Follows scikit-learn 1.2's {@code calibration_curve}:
 * <ul>
 * <li>{@link Binning#UNIFORM}: edges {@code i/n} for i = 0..n;
 * <li>{@link Binning#QUANTILE}: edges at the {@code i/n} quantiles of the predictions
 *     (linear interpolation, numpy's default percentile), so bins hold about equally many
 *     samples (fewer bins remain when many predictions are tied);
 * <li>a prediction equal to an inner edge falls in the lower bin; empty bins are omitted.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class CalibrationCurve {

    /** How bin edges are placed. */
    public enum Binning {
        /** Equal-width bins over [0, 1]. */
        UNIFORM,
        /** Bins with edges at quantiles of the predictions. */
        QUANTILE
    }

    /**
     * One non-empty bin.
     *
     * @param meanPredicted mean predicted probability in the bin
     * @param fractionPositive observed fraction of label 1 in the bin
     * @param count number of samples in the bin
     */
    public record Bin(double meanPredicted, double fractionPositive, int count) {
    }

    private final List<Bin> bins;

    private CalibrationCurve(List<Bin> bins) {
        this.bins = List.copyOf(bins);
    }

    /**
     * Computes the curve.
     *
     * @param probabilities predicted probabilities of label 1, each in [0, 1]
     * @param labels 0/1 labels, same length, not empty
     * @param binCount number of bins, at least 1 (scikit-learn's default is 5, 10 is common)
     * @param binning edge placement
     * @return the curve
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code binCount < 1}, lengths differ, the input is
     *         empty, a probability is NaN or outside [0, 1], or a label is not 0/1
     */
    public static CalibrationCurve of(double[] probabilities, int[] labels, int binCount, Binning binning) {
        Objects.requireNonNull(binning, "binning");
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be at least 1 but is " + binCount);
        }
        Inputs.checkProbabilities(probabilities, labels);
        double[] edges = binning == Binning.UNIFORM ? uniformEdges(binCount) : quantileEdges(probabilities, binCount);
        double[] sumPredicted = new double[binCount];
        double[] sumTrue = new double[binCount];
        int[] counts = new int[binCount];
        for (int i = 0; i < probabilities.length; i++) {
            int bin = 0;
            // number of inner edges strictly below the prediction (numpy searchsorted, side left)
            while (bin < binCount - 1 && edges[bin + 1] < probabilities[i]) {
                bin++;
            }
            sumPredicted[bin] += probabilities[i];
            sumTrue[bin] += labels[i];
            counts[bin]++;
        }
        List<Bin> result = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            if (counts[b] > 0) {
                result.add(new Bin(sumPredicted[b] / counts[b], sumTrue[b] / counts[b], counts[b]));
            }
        }
        return new CalibrationCurve(result);
    }

    /** @return the non-empty bins in increasing order of probability (unmodifiable) */
    public List<Bin> bins() {
        return bins;
    }

    private static double[] uniformEdges(int n) {
        // numpy.linspace(0, 1, n + 1): i * step, last edge exactly 1
        double step = 1.0 / n;
        double[] edges = new double[n + 1];
        for (int i = 0; i < n; i++) {
            edges[i] = i * step;
        }
        edges[n] = 1.0;
        return edges;
    }

    private static double[] quantileEdges(double[] probabilities, int n) {
        double[] sorted = probabilities.clone();
        Arrays.sort(sorted);
        double[] q = uniformEdges(n);
        double[] edges = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            // numpy.percentile(x, q * 100): divides by 100 again, then linear interpolation
            double fraction = (q[i] * 100) / 100;
            double virtual = (sorted.length - 1) * fraction;
            double lowerIndex = Math.floor(virtual);
            int lo = (int) lowerIndex;
            int hi = Math.min(lo + 1, sorted.length - 1);
            double gamma = virtual - lowerIndex;
            double a = sorted[lo];
            double b = sorted[hi];
            double diff = b - a;
            edges[i] = gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
        }
        return edges;
    }
}
