package org.gutsignal.model;

import org.gutsignal.cohort.Cohort;

/**
 * Something fitted that scores samples: gutsignal's {@code ResponseModel}, or an outside
 * learner (Smile, Tribuo, …) wrapped in a lambda. Implementations used with parallel
 * cross-validation must be thread-safe.
 */
@FunctionalInterface
public interface Predictor {

    /**
     * Scores every sample of a cohort.
     *
     * @return one score per sample in cohort order; higher means more likely to respond
     *         (probabilities for gutsignal's models, but any monotone score works for AUROC)
     */
    double[] predict(Cohort cohort);
}
