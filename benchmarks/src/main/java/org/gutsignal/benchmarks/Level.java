package org.gutsignal.benchmarks;

/** Which features a benchmarked model uses. */
public enum Level {
    /** The six profiled molecule capacities (KO table → {@code SignallingProfiler}), preprocessed by ln(1 + x) and standardised. */
    MOLECULE,
    /** 1,000 KOs ({@code SyntheticCohort.withKoCount(1000)}), preprocessed by log10(1 + x) and standardised. */
    KO,
    /**
     * The 601 species (percent) of the real Lee 2022 melanoma cohort ({@code testdata/lee2022}, 83 %
     * of the cells 0), preprocessed by log10(x + half the smallest positive value) and standardised;
     * trained on its 164 patients, scored on them repeated. Scoring only.
     */
    LEE2022,
    /**
     * 20,000 gene families ({@link GeneFamilies} from the default synthetic cohort's species, about
     * 80 % of the cells 0), preprocessed by ln(1 + x) only, so zeros stay zeros and the solver
     * standardises internally (as glmnet does with a sparse matrix). Fitting only: p ≫ n.
     */
    GENES
}
