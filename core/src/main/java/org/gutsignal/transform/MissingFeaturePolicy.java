package org.gutsignal.transform;

/** What {@link FittedPreprocessing#apply(org.gutsignal.cohort.FeatureTable, MissingFeaturePolicy)}
 * does when the table lacks features the preprocessing was fitted on. */
public enum MissingFeaturePolicy {
    /** Fail with a message listing up to 10 missing feature names (the default). */
    ERROR,
    /** Treat missing features as 0 in every sample, and report which were filled. */
    FILL_ZERO
}
