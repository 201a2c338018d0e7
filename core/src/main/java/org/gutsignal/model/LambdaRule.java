package org.gutsignal.model;

/**
 * How {@link LogisticTrainer} picks λ from its cross-validation curve (as {@code cv.glmnet}).
 */
public enum LambdaRule {
    /** The λ with the smallest mean cross-validated deviance (the largest such λ on ties). */
    MIN,
    /**
     * The largest λ whose mean deviance is within one standard error of the minimum: a sparser,
     * more strongly regularised model whose error is statistically indistinguishable.
     */
    ONE_SE
}
