package org.gutsignal.model;

import java.util.List;
import java.util.function.BiFunction;
import org.gutsignal.cohort.ParallelFolds;
import org.gutsignal.cohort.Split;

/**
 * λ selection by inner cross-validation, as {@code cv.glmnet} does it: each split's training
 * part is fitted on the full-data λ grid, its held-out part scored by the weighted mean binomial
 * deviance at every λ, and the fold curves averaged with the held-out weights into a
 * {@link CvCurve} (glmnet's {@code cv.lognet} and {@code cvstats}). The splits come from a
 * {@link org.gutsignal.cohort.Splitter} — by default the same stratified splitter that
 * {@code eval.CrossValidation} uses — and run on {@link ParallelFolds}, so the curve is
 * bit-identical whatever the thread count. Stateless; package-private.
 */
final class LambdaSelection {

    /** glmnet's {@code cv.lognet} clamps held-out probabilities to [1e-5, 1 - 1e-5]. */
    private static final double PROBABILITY_CLAMP = 1e-5;

    private LambdaSelection() {
    }

    /**
     * The cross-validated deviance curve.
     *
     * @param d       the training data the full path was fitted on
     * @param grid    the full path's λ values, decreasing
     * @param splits  train/test partitions of {@code d}'s samples
     * @param threads most folds fitted at once
     * @param path    fits a path on a fold's training data, given the full path's λ values (no
     *                deviance needed)
     * @param interpolate whether each fold's fits are read at the grid by glmnet's
     *                {@code lambda.interp} (for fold paths of their own λ values, {@code cv.glmnet}'s
     *                way) rather than one fit per grid λ
     */
    static CvCurve curve(TrainingData d, double[] grid, List<Split> splits, int threads,
            BiFunction<TrainingData, double[], PathSolver.Result> path, boolean interpolate) {
        int k = splits.size();
        List<double[]> folds = ParallelFolds.map(splits, threads, s -> heldOut(d, grid, s, path, interpolate));
        int nl = grid.length;
        double tw = 0;
        for (double[] f : folds) {
            tw += f[nl];
        }
        double[] mean = new double[nl];
        double[] se = new double[nl];
        for (int m = 0; m < nl; m++) {
            double s = 0;
            for (int f = 0; f < k; f++) {
                s += folds.get(f)[nl] * folds.get(f)[m];
            }
            mean[m] = s / tw;
            double ss = 0;
            for (int f = 0; f < k; f++) {
                double dd = folds.get(f)[m] - mean[m];
                ss += folds.get(f)[nl] * dd * dd;
            }
            se[m] = Math.sqrt(ss / tw / (k - 1));
        }
        return new CvCurve(grid, mean, se, k);
    }

    /**
     * Fits the split's training samples at every λ of the grid and returns the weighted mean
     * binomial deviance of its held-out samples at each λ, followed by their total weight (at
     * index {@code grid.length}). A fold path that ended early is read at its last λ.
     */
    private static double[] heldOut(TrainingData d, double[] grid, Split split,
            BiFunction<TrainingData, double[], PathSolver.Result> path, boolean interpolate) {
        int[] test = split.test();
        double weight = 0;
        for (int i : test) {
            weight += d.w[i];
        }
        PathSolver.Result r = path.apply(d.subset(split.train()), grid);
        int p = d.featureCount();
        int nl = grid.length;
        double[] acc = new double[nl + 1];
        double[] row = new double[p];
        Interpolation at = interpolate ? Interpolation.of(r.lambdas, grid) : null;
        int[][] nonZero = nonZeroCoefficients(r);
        for (int i : test) {
            d.copyRow(i, row);
            double wi = d.w[i];
            for (int m = 0; m < nl; m++) {
                double eta;
                if (at == null) {
                    int k = Math.min(m, r.lambdas.length - 1);
                    eta = link(r, k, nonZero[k], row);
                } else {
                    double f = at.fraction[m];
                    eta = f == 1 ? link(r, at.left[m], nonZero[at.left[m]], row)
                            : f * link(r, at.left[m], nonZero[at.left[m]], row)
                                    + (1 - f) * link(r, at.right[m], nonZero[at.right[m]], row);
                }
                double pr = Math.min(Math.max(ResponseModel.sigmoid(eta), PROBABILITY_CLAMP), 1 - PROBABILITY_CLAMP);
                double dev = -2 * (d.y[i] > 0 ? Math.log(pr) : Math.log(1 - pr));
                acc[m] += wi * dev;
            }
        }
        for (int m = 0; m < nl; m++) {
            acc[m] /= weight;
        }
        acc[nl] = weight;
        return acc;
    }

    /**
     * The linear predictor of fit {@code k} of the path for one row, summed over the fit's non-zero
     * coefficients {@code nonZero} in feature order: the terms left out are ±0 (the values are
     * finite), which leave the sum as it is (a −0 sum may become +0; its sigmoid is the same ½).
     */
    private static double link(PathSolver.Result r, int k, int[] nonZero, double[] row) {
        double[] b = r.betas[k];
        double eta = r.intercepts[k];
        for (int j : nonZero) {
            eta += b[j] * row[j];
        }
        return eta;
    }

    /** For each fit of the path, the indices of its non-zero coefficients, increasing. */
    private static int[][] nonZeroCoefficients(PathSolver.Result r) {
        int[][] nz = new int[r.betas.length][];
        for (int k = 0; k < nz.length; k++) {
            double[] b = r.betas[k];
            int c = 0;
            for (double v : b) {
                c += v != 0 ? 1 : 0;
            }
            nz[k] = new int[c];
            for (int j = 0, t = 0; j < b.length; j++) {
                if (b[j] != 0) {
                    nz[k][t++] = j;
                }
            }
        }
        return nz;
    }

    /**
     * Where each λ of a grid falls on a fold's own λ sequence, as glmnet's {@code lambda.interp}
     * computes it: the fits to the left and right and the weight of the left one, on the scale
     * of the fraction of the fold's λ range; a grid λ outside the fold's range takes the nearer end.
     */
    static final class Interpolation {
        final int[] left;
        final int[] right;
        final double[] fraction;

        private Interpolation(int[] left, int[] right, double[] fraction) {
            this.left = left;
            this.right = right;
            this.fraction = fraction;
        }

        static Interpolation of(double[] lambdas, double[] s) {
            int n = s.length;
            int[] left = new int[n];
            int[] right = new int[n];
            double[] frac = new double[n];
            int k = lambdas.length;
            if (k == 1) {
                java.util.Arrays.fill(frac, 1);
                return new Interpolation(left, right, frac);
            }
            double first = lambdas[0];
            double range = first - lambdas[k - 1];
            double[] scaled = new double[k]; // 0 at the first λ, 1 at the last
            for (int i = 0; i < k; i++) {
                scaled[i] = (first - lambdas[i]) / range;
            }
            for (int m = 0; m < n; m++) {
                double f = Math.min(Math.max((first - s[m]) / range, scaled[0]), scaled[k - 1]);
                // R's approx(scaled, 1..k, f): the fractional index, then its floor and ceiling
                int i = 0;
                while (i < k - 2 && f > scaled[i + 1]) {
                    i++;
                }
                double coord = scaled[i + 1] == scaled[i] ? i : i + (f - scaled[i]) / (scaled[i + 1] - scaled[i]);
                int l = (int) Math.floor(coord);
                int r = (int) Math.ceil(coord);
                left[m] = l;
                right[m] = r;
                double w = (f - scaled[r]) / (scaled[l] - scaled[r]);
                frac[m] = l == r || Math.abs(scaled[l] - scaled[r]) < Math.ulp(1.0) ? 1 : w;
            }
            return new Interpolation(left, right, frac);
        }
    }
}
