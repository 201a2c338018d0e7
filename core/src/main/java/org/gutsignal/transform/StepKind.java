package org.gutsignal.transform;

/**
 * The kind of a {@link FittedStep}, which fixes how its {@code parameters} array is laid out
 * ({@code p} = number of the step's input features).
 */
public enum StepKind {
    /** Total-sum scaling: each sample divided by its sum over the step's inputs. Parameters: none. */
    TOTAL_SUM_SCALING(true),
    /** {@code log10(x + pseudocount)}. Parameters: {@code [pseudocount]}. */
    LOG10(true),
    /** {@code ln(x + pseudocount)}. Parameters: {@code [pseudocount]}. */
    LN(true),
    /**
     * Centred log-ratio, {@code ln(x_j + c) - mean_k ln(x_k + c)} within each sample.
     * Parameters: {@code [pseudocount]}.
     */
    CLR(true),
    /** {@code (x - centre_j) / scale_j}. Parameters: {@code [centre_1..centre_p, scale_1..scale_p]}. */
    STANDARDIZE(true),
    /**
     * SIAMCAT {@code log.std}: {@code (log10(x + n0) - mean_j) / adjustedSd_j}. Parameters:
     * {@code [n0, mean_1..mean_p, adjustedSd_1..adjustedSd_p]}.
     */
    SIAMCAT_LOG_STD(true),
    /** Keeps the selected features. Parameters: {@code [threshold, minFraction]} (for the record). */
    PREVALENCE_FILTER(false),
    /**
     * Keeps the selected features. Parameters: {@code [statistic, threshold]} with statistic 0 =
     * max, 1 = mean (for the record).
     */
    ABUNDANCE_FILTER(false),
    /** Keeps the selected features. Parameters: {@code [freqCut, uniqueCut]} (for the record). */
    NEAR_ZERO_VARIANCE(false);

    private final boolean changesValues;

    StepKind(boolean changesValues) {
        this.changesValues = changesValues;
    }

    /** Whether the step changes values (true) or only selects features (false, the filters). */
    public boolean changesValues() {
        return changesValues;
    }
}
