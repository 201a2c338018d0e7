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
     * @param path    fits a path on a fold's training data at the given λ values (no deviance needed)
     */
    static CvCurve curve(TrainingData d, double[] grid, List<Split> splits, int threads,
            BiFunction<TrainingData, double[], PathSolver.Result> path) {
        int k = splits.size();
        List<double[]> folds = ParallelFolds.map(splits, threads, s -> heldOut(d, grid, s, path));
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
            BiFunction<TrainingData, double[], PathSolver.Result> path) {
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
        for (int i : test) {
            d.x.copyRow(i, row, 0);
            double wi = d.w[i];
            for (int m = 0; m < nl; m++) {
                int mm = Math.min(m, r.lambdas.length - 1);
                double[] b = r.betas[mm];
                double eta = r.intercepts[mm];
                for (int j = 0; j < p; j++) {
                    eta += b[j] * row[j];
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
}
