package org.gutsignal.model;

/**
 * What {@link ResponseModel} does when a table to score lacks some of the model's features.
 */
public enum MissingFeaturePolicy {
    /** Scoring fails with an {@link IllegalArgumentException} that lists the missing features. */
    FAIL,
    /**
     * A missing feature counts as 0 in every sample (its contribution is dropped). Callers
     * report the substitution themselves with {@link ResponseModel#missingFeatures}.
     */
    ZERO
}
