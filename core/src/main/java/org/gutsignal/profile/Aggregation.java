package org.gutsignal.profile;

/**
 * How a molecule's marker abundances combine into one capacity per sample, when profiling
 * gene-family (KEGG KO) tables.
 */
public enum Aggregation {
    /** Capacity = sum of the abundances of all marker genes. */
    MARKER,
    /**
     * Capacity = minimum over the pathway's required steps, each step being the sum of its
     * alternative genes (a bottleneck: the pathway runs no faster than its scarcest step).
     */
    PATHWAY_MIN
}
