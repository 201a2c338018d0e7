package org.gutsignal.eval;

/**
 * Calibration slope and intercept of predicted probabilities (Van Calster et al. 2016,
 * J Clin Epidemiol 74:167; Steyerberg's {@code val.prob}): with {@code L = logit(p)},
 * <ul>
 * <li>the <b>slope</b> is β in the logistic model {@code logit P(y=1) = α + β L} (ideal 1;
 *     below 1 means predictions too extreme);
 * <li>the <b>intercept</b> (calibration-in-the-large) is α in {@code logit P(y=1) = α + L},
 *     i.e. with L as an offset (ideal 0; positive means risks underestimated).
 * </ul>
 * Both models are fitted by Newton-Raphson to a relative change below 1e-12 (at most 100
 * iterations), matching R's {@code glm(y ~ L, binomial)} and
 * {@code glm(y ~ 1 + offset(L), binomial)}. Probabilities are clipped to
 * {@code [LogLoss.EPSILON, 1 − LogLoss.EPSILON]} before the logit so that 0 and 1 give finite
 * (large) values. If the outcome is separated by L (completely, or quasi-completely with ties
 * at the boundary value) the slope's maximum-likelihood estimate is infinite and the slope is
 * NaN; if a fit does not converge the corresponding value is NaN too.
 *
 * <p>Immutable and thread-safe.
 */
public final class Calibration {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-12;

    private final double slope;
    private final double intercept;

    private Calibration(double slope, double intercept) {
        this.slope = slope;
        this.intercept = intercept;
    }

    /**
     * Fits the calibration slope and intercept.
     *
     * @param probabilities predicted probabilities of label 1, each in [0, 1]
     * @param labels 0/1 labels, both classes present
     * @return the result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, a probability is NaN or outside
     *         [0, 1], a label is not 0/1 or a class is absent
     */
    public static Calibration of(double[] probabilities, int[] labels) {
        Inputs.checkProbabilities(probabilities, labels);
        Inputs.checkBothClasses(probabilities, labels, "probabilities");
        double[] lp = new double[labels.length];
        for (int i = 0; i < lp.length; i++) {
            double p = Math.min(Math.max(probabilities[i], LogLoss.EPSILON), 1 - LogLoss.EPSILON);
            lp[i] = Math.log(p / (1 - p));
        }
        return new Calibration(fitSlope(lp, labels), fitOffsetIntercept(lp, labels));
    }

    /** @return the calibration slope (ideal 1), NaN if the fit did not converge */
    public double slope() {
        return slope;
    }

    /** @return the calibration intercept with logit(p) as offset (ideal 0), NaN if the fit did not converge */
    public double intercept() {
        return intercept;
    }

    @Override
    public String toString() {
        return "Calibration[slope " + slope + ", intercept " + intercept + "]";
    }

    private static double fitSlope(double[] x, int[] y) {
        if (separated(x, y)) {
            return Double.NaN; // the maximum-likelihood slope is ±∞; Newton steps would stall at a large value
        }
        double a = 0;
        double b = 1;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int i = 0; i < x.length; i++) {
                double mu = 1 / (1 + Math.exp(-(a + b * x[i])));
                double w = mu * (1 - mu);
                double r = y[i] - mu;
                g0 += r;
                g1 += r * x[i];
                h00 += w;
                h01 += w * x[i];
                h11 += w * x[i] * x[i];
            }
            double det = h00 * h11 - h01 * h01;
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            a += da;
            b += db;
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return Double.NaN;
            }
            if (Math.abs(da) <= TOLERANCE * (1 + Math.abs(a)) && Math.abs(db) <= TOLERANCE * (1 + Math.abs(b))) {
                return b;
            }
        }
        return Double.NaN;
    }

    /** Whether L separates the classes completely or quasi-completely (no overlap beyond ties at one value). */
    private static boolean separated(double[] x, int[] y) {
        double max0 = Double.NEGATIVE_INFINITY;
        double min0 = Double.POSITIVE_INFINITY;
        double max1 = Double.NEGATIVE_INFINITY;
        double min1 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (y[i] == 1) {
                max1 = Math.max(max1, x[i]);
                min1 = Math.min(min1, x[i]);
            } else {
                max0 = Math.max(max0, x[i]);
                min0 = Math.min(min0, x[i]);
            }
        }
        return max0 <= min1 || max1 <= min0;
    }

    private static double fitOffsetIntercept(double[] offset, int[] y) {
        double a = 0;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double g = 0, h = 0;
            for (int i = 0; i < offset.length; i++) {
                double mu = 1 / (1 + Math.exp(-(a + offset[i])));
                g += y[i] - mu;
                h += mu * (1 - mu);
            }
            double da = g / h;
            a += da;
            if (!Double.isFinite(a)) {
                return Double.NaN;
            }
            if (Math.abs(da) <= TOLERANCE * (1 + Math.abs(a))) {
                return a;
            }
        }
        return Double.NaN;
    }
}
