package org.gutsignal.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One named curve for {@link Plots#roc} or {@link Plots#precisionRecall}: the points, and
 * optionally a summary estimate with its confidence interval (shown in the legend), a
 * confidence band and thin per-fold curves.
 *
 * <p>For a ROC curve {@code x} is the false positive rate and {@code y} the true positive rate;
 * for a precision-recall curve {@code x} is the recall and {@code y} the precision. All values
 * are fractions in [0, 1]; points are drawn in the given order. Example:
 * <pre>{@code
 * Curve c = Curve.of("molecules", fpr, tpr).withEstimate(0.71, 0.66, 0.76);
 * }</pre>
 *
 * <p>Immutable and thread-safe: arrays are copied on the way in and out.
 */
public final class Curve {

    private final String name;
    private final double[] x;
    private final double[] y;
    private final double estimate;
    private final double lower;
    private final double upper;
    private final double[] bandX;
    private final double[] bandLower;
    private final double[] bandUpper;
    private final List<Curve> folds;

    private Curve(String name, double[] x, double[] y, double estimate, double lower, double upper,
            double[] bandX, double[] bandLower, double[] bandUpper, List<Curve> folds) {
        this.name = name;
        this.x = x;
        this.y = y;
        this.estimate = estimate;
        this.lower = lower;
        this.upper = upper;
        this.bandX = bandX;
        this.bandLower = bandLower;
        this.bandUpper = bandUpper;
        this.folds = folds;
    }

    /**
     * A curve through the points {@code (x[i], y[i])}.
     *
     * @param name shown in the legend
     * @throws IllegalArgumentException if the arrays differ in length, have fewer than 2 points,
     *                                  or hold a value outside [0, 1] or NaN
     * @throws NullPointerException     if an argument is null
     */
    public static Curve of(String name, double[] x, double[] y) {
        Objects.requireNonNull(name, "name");
        checkPoints("curve '" + name + "'", x, y);
        return new Curve(name, x.clone(), y.clone(), Double.NaN, Double.NaN, Double.NaN, null, null, null, List.of());
    }

    /**
     * A copy with a summary estimate (e.g. the AUROC) and its confidence interval, shown in the
     * legend as {@code "name: AUROC 0.71 (0.66–0.76)"}. A NaN interval bound leaves the interval
     * out; a NaN estimate leaves the summary out.
     */
    public Curve withEstimate(double estimate, double lower, double upper) {
        return new Curve(name, x, y, estimate, lower, upper, bandX, bandLower, bandUpper, folds);
    }

    /**
     * A copy with a confidence band: lower and upper {@code y} values on a common {@code x} grid
     * (e.g. pointwise bootstrap limits of the true positive rate on an FPR grid), drawn as a
     * translucent area.
     *
     * @throws IllegalArgumentException if the arrays differ in length, have fewer than 2 points,
     *                                  hold a value outside [0, 1] or NaN, or lower > upper somewhere
     */
    public Curve withBand(double[] grid, double[] lowerY, double[] upperY) {
        checkPoints("band of curve '" + name + "'", grid, lowerY);
        checkPoints("band of curve '" + name + "'", grid, upperY);
        for (int i = 0; i < grid.length; i++) {
            if (lowerY[i] > upperY[i]) {
                throw new IllegalArgumentException("band of curve '" + name + "': lower " + lowerY[i]
                        + " > upper " + upperY[i] + " at index " + i);
            }
        }
        return new Curve(name, x, y, estimate, lower, upper, grid.clone(), lowerY.clone(), upperY.clone(), folds);
    }

    /**
     * A copy with per-fold (or per-repeat) curves, drawn as thin translucent lines in this
     * curve's colour without legend entries; their own estimates, bands and folds are ignored.
     */
    public Curve withFolds(List<Curve> foldCurves) {
        return new Curve(name, x, y, estimate, lower, upper, bandX, bandLower, bandUpper, List.copyOf(foldCurves));
    }

    /** The legend name. */
    public String name() {
        return name;
    }

    /** A copy of the x values. */
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y values. */
    public double[] y() {
        return y.clone();
    }

    /** The summary estimate, NaN if none. */
    public double estimate() {
        return estimate;
    }

    /** The lower confidence limit of the estimate, NaN if none. */
    public double lower() {
        return lower;
    }

    /** The upper confidence limit of the estimate, NaN if none. */
    public double upper() {
        return upper;
    }

    /** Whether a confidence band was given. */
    public boolean hasBand() {
        return bandX != null;
    }

    /** A copy of the band's x grid; empty if there is no band. */
    public double[] bandX() {
        return bandX == null ? new double[0] : bandX.clone();
    }

    /** A copy of the band's lower y values; empty if there is no band. */
    public double[] bandLower() {
        return bandLower == null ? new double[0] : bandLower.clone();
    }

    /** A copy of the band's upper y values; empty if there is no band. */
    public double[] bandUpper() {
        return bandUpper == null ? new double[0] : bandUpper.clone();
    }

    /** The per-fold curves (possibly empty). */
    public List<Curve> folds() {
        return folds;
    }

    /** The legend label: the name, then {@code ": <metric> 0.71 (0.66–0.76)"} when an estimate is set. */
    String label(String metric) {
        if (Double.isNaN(estimate)) {
            return name;
        }
        String s = name + ": " + metric + " " + Fmt.fixed(estimate, 2);
        if (!Double.isNaN(lower) && !Double.isNaN(upper)) {
            s += " (" + Fmt.fixed(lower, 2) + "\u2013" + Fmt.fixed(upper, 2) + ")";
        }
        return s;
    }

    private static void checkPoints(String what, double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException(what + ": " + x.length + " x values but " + y.length + " y values");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException(what + ": needs at least 2 points, found " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0 && x[i] <= 1) || !(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException(what + ": expected values in [0, 1] but point " + i
                        + " is (" + x[i] + ", " + y[i] + ")");
            }
        }
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + x.length + " points, estimate " + estimate + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && name.equals(c.name) && Arrays.equals(x, c.x) && Arrays.equals(y, c.y)
                && Double.compare(estimate, c.estimate) == 0 && Double.compare(lower, c.lower) == 0
                && Double.compare(upper, c.upper) == 0 && Arrays.equals(bandX, c.bandX)
                && Arrays.equals(bandLower, c.bandLower) && Arrays.equals(bandUpper, c.bandUpper)
                && folds.equals(c.folds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), estimate, folds);
    }
}
