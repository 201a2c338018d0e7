package org.gutsignal.cohort;

import java.util.List;

/**
 * A deterministic rule that partitions samples into train/test {@link Split}s. Obtain one
 * from {@link Splitters}. Implementations are immutable and thread-safe; calling
 * {@link #split} twice on the same input returns equal lists.
 */
public interface Splitter {

    /**
     * Partitions the samples.
     *
     * @param labels 0/1 labels, one per sample
     * @param groups group (cohort, site) of each sample, same length as labels; may be
     *        {@code null} for splitters that do not use groups
     * @return the splits, ordered by repeat then fold (unmodifiable)
     * @throws NullPointerException if labels is null, or groups is null for a grouped splitter
     * @throws IllegalArgumentException if the data cannot be split as configured; the message
     *         says why (e.g. fewer samples in a class than folds, a single group, unknown
     *         group names, a group name that is null)
     */
    List<Split> split(int[] labels, String[] groups);
}
