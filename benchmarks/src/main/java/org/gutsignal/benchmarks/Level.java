package org.gutsignal.benchmarks;

/** Which features a benchmarked model uses. */
public enum Level {
    /** The six profiled molecule capacities (KO table → {@code SignallingProfiler}), preprocessed by ln(1 + x) and standardised. */
    MOLECULE,
    /** Every KO of the synthetic KO table (400 by default), preprocessed by log10(1 + x) and standardised. */
    KO
}
