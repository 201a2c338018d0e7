package org.gutsignal.cohort;

/**
 * What the numbers in a {@link FeatureTable} mean. A table keeps its unit so that a
 * percentage is never mistaken for a fraction: MetaPhlAn writes percent (a sample sums to
 * about 100), HUMAnN writes reads per kilobase unless renormalised, and the profiler writes
 * molecule capacities.
 */
public enum AbundanceUnit {
    /** Raw read counts (non-negative, usually integers). */
    COUNTS,
    /** Reads per kilobase, HUMAnN's default unit for gene families and pathways. */
    RPK,
    /** Copies per million, HUMAnN's renormalised unit (a sample sums to about 1e6). */
    CPM,
    /** Relative abundance as a fraction (a sample sums to about 1). */
    FRACTION,
    /** Relative abundance in percent (a sample sums to about 100), MetaPhlAn's unit. */
    PERCENT,
    /** Per-sample molecule capacity computed by the signalling profiler (arbitrary, non-negative). */
    CAPACITY,
    /** Values after a transform (log, CLR, standardisation): may be negative, no absolute unit. */
    TRANSFORMED;

    /** Whether values in this unit must be non-negative abundances. */
    public boolean isAbundance() {
        return this != TRANSFORMED;
    }
}
