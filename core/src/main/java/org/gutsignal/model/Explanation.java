package org.gutsignal.model;

import java.util.List;

/**
 * Why a model scored one sample as it did: the linear predictor split into per-feature
 * contributions {@code β_j · x_j} (on the model's input scale), sorted by absolute size, largest
 * first (ties in model feature order).
 *
 * <p>{@code linearPredictor} equals {@code intercept} plus the contributions summed in model
 * feature order, which is exactly how {@link ResponseModel#score} computes it, and
 * {@code probability} is its logistic transform. Immutable.
 *
 * @param sampleId        the sample
 * @param intercept       the model intercept
 * @param contributions   one entry per model feature, largest |contribution| first
 * @param linearPredictor log-odds of response
 * @param probability     probability of response, in [0, 1]
 */
public record Explanation(String sampleId, double intercept, List<Contribution> contributions,
        double linearPredictor, double probability) {

    /** Copies the contributions into an unmodifiable list. */
    public Explanation {
        contributions = List.copyOf(contributions);
    }

    /**
     * One feature's part of the linear predictor.
     *
     * @param feature      the feature name
     * @param value        the sample's value of the (preprocessed) feature
     * @param coefficient  the model coefficient
     * @param contribution {@code coefficient × value}, in log-odds
     */
    public record Contribution(String feature, double value, double coefficient, double contribution) {
    }
}
