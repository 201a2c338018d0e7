package org.gutsignal.benchmarks;

/** Which features a benchmarked model uses. */
public enum Level {
    /** The six profiled molecule capacities (KO table → {@code SignallingProfiler}), preprocessed by ln(1 + x) and standardised. */
    MOLECULE,
    /** 1,000 KOs ({@code SyntheticCohort.withKoCount(1000)}), preprocessed by log10(1 + x) and standardised. */
    KO
}
