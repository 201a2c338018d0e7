package org.gutsignal.transform;

/**
 * The kind of a {@link FittedStep}, which fixes how its {@code parameters} array is laid out
 * ({@code p} = number of the step's input features, {@code q} = number of its output features).
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
     * SIAMCAT {@code log.std}: on the features kept (those whose training sd is not 0),
     * {@code (log10(x_k + n0) - mean_k) / adjustedSd_k}. Parameters: {@code [n0, mean_1..mean_q,
     * adjustedSd_1..adjustedSd_q]}. (Files written before issue 16 keep every feature: q = p.)
     */
    SIAMCAT_LOG_STD(true, true),
    /**
     * SIAMCAT {@code log.unit}: on the features kept (those whose training sd is not 0), {@code y =
     * log10(x + n0)} divided by a norm fixed by {@code n.p} (1: the plain sum {@code Σ y}, 2:
     * {@code sqrt(Σ y²)}) and {@code norm.margin}: 1 = per feature, the training denominators
     * {@code d_k}; 2 = per sample, over the sample's own kept features; 3 = the training maximum of
     * all {@code y}. Parameters: {@code [n0, n.p, norm.margin]}, then {@code [d_1..d_q]} for margin
     * 1, nothing for margin 2, {@code [max]} for margin 3.
     */
    SIAMCAT_LOG_UNIT(true, true),
    /**
     * SIAMCAT {@code rank.unit}: on the features kept, each sample's ranks (ties averaged) divided
     * by the sample's {@code sqrt(Σ rank²)}. Parameters: none.
     */
    SIAMCAT_RANK_UNIT(true, true),
    /**
     * SIAMCAT {@code rank.std}: on the features kept, each sample's ranks (ties averaged), then
     * {@code (rank_k - mean_k) / adjustedSd_k} with the training mean and sd of each feature's rank.
     * Parameters: {@code [mean_1..mean_q, adjustedSd_1..adjustedSd_q]}.
     */
    SIAMCAT_RANK_STD(true, true),
    /**
     * SIAMCAT {@code std}: on the features kept, {@code (x_k - mean_k) / adjustedSd_k}. Parameters:
     * {@code [mean_1..mean_q, adjustedSd_1..adjustedSd_q]}.
     */
    SIAMCAT_STD(true, true),
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
    private final boolean dropsFeatures;

    StepKind(boolean changesValues) {
        this(changesValues, !changesValues);
    }

    StepKind(boolean changesValues, boolean dropsFeatures) {
        this.changesValues = changesValues;
        this.dropsFeatures = dropsFeatures;
    }

    /** Whether the step changes values (true) or only selects features (false, the filters). */
    public boolean changesValues() {
        return changesValues;
    }

    /**
     * Whether the step's output features may be a subset of its inputs (in input order): true for
     * the filters and for SIAMCAT's normalisations, which drop the features whose training sd is 0
     * as SIAMCAT does; false for the steps that write exactly the features they read.
     */
    public boolean dropsFeatures() {
        return dropsFeatures;
    }
}
