package org.gutsignal.model;

/**
 * The inner cross-validation curve of {@link LogisticTrainer#train}: for each λ of the full-data
 * path, the mean binomial deviance of held-out samples over the folds and its standard error,
 * computed as {@code cv.glmnet(type.measure = "deviance", grouped = TRUE)} does. Held-out
 * probabilities are clipped to [1e-5, 1 - 1e-5]; per fold, the deviance
 * {@code -2[y log p + (1-y) log(1-p)]} is averaged with the observation weights; the curve is
 * the weighted mean of the fold averages (weights: the folds' total weight) and the standard
 * error is {@code sqrt(weighted mean of squared deviations / (folds - 1))}.
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class CvCurve {

    private final double[] lambdas;
    private final double[] mean;
    private final double[] standardError;
    private final int folds;
    private final int indexMin;
    private final int indexOneSe;

    CvCurve(double[] lambdas, double[] mean, double[] standardError, int folds) {
        this.lambdas = lambdas.clone();
        this.mean = mean.clone();
        this.standardError = standardError.clone();
        this.folds = folds;
        int im = 0;
        for (int k = 1; k < mean.length; k++) {
            if (mean[k] < mean[im]) {
                im = k; // strict: ties keep the larger λ, as cv.glmnet's max(lambda[idmin])
            }
        }
        double bound = mean[im] + standardError[im];
        int i1 = im;
        for (int k = 0; k < im; k++) {
            if (mean[k] <= bound) {
                i1 = k;
                break;
            }
        }
        this.indexMin = im;
        this.indexOneSe = i1;
    }

    /** The λ values, decreasing (those of the full-data path). */
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** Mean held-out deviance per λ. */
    public double[] mean() {
        return mean.clone();
    }

    /** Standard error of the mean held-out deviance per λ. */
    public double[] standardError() {
        return standardError.clone();
    }

    /** Number of folds. */
    public int folds() {
        return folds;
    }

    /** Index of the λ with the smallest mean deviance (the largest such λ on ties). */
    public int indexMin() {
        return indexMin;
    }

    /** Index of the largest λ whose mean deviance is at most the minimum plus its standard error. */
    public int indexOneSe() {
        return indexOneSe;
    }

    /** The λ of {@link #indexMin()}. */
    public double lambdaMin() {
        return lambdas[indexMin];
    }

    /** The λ of {@link #indexOneSe()}. */
    public double lambdaOneSe() {
        return lambdas[indexOneSe];
    }

    /** The index chosen by a rule. */
    public int index(LambdaRule rule) {
        return rule == LambdaRule.MIN ? indexMin : indexOneSe;
    }

    @Override
    public String toString() {
        return "CvCurve[" + folds + " folds, " + lambdas.length + " λ, min " + mean[indexMin] + " at λ=" + lambdaMin()
                + ", 1-SE λ=" + lambdaOneSe() + "]";
    }
}
