package org.gutsignal.cohort;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One train/test partition of sample indices produced by a {@link Splitter}.
 *
 * <p>Indices refer to positions in the label (and group) arrays given to the splitter and
 * are sorted ascending; train and test are disjoint. {@link #repeat()} and {@link #fold()}
 * are 0-based. {@link #heldOutGroups()} names the groups making up the test set for grouped
 * splitters (sorted) and is empty otherwise.
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class Split {

    private final int[] train;
    private final int[] test;
    private final int repeat;
    private final int fold;
    private final List<String> heldOutGroups;

    Split(int[] train, int[] test, int repeat, int fold, List<String> heldOutGroups) {
        this.train = train;
        this.test = test;
        this.repeat = repeat;
        this.fold = fold;
        this.heldOutGroups = List.copyOf(heldOutGroups);
    }

    /** @return the training sample indices, ascending (a copy) */
    public int[] train() {
        return train.clone();
    }

    /** @return the test sample indices, ascending (a copy) */
    public int[] test() {
        return test.clone();
    }

    /** @return the 0-based repeat number (always 0 for non-repeated splitters) */
    public int repeat() {
        return repeat;
    }

    /** @return the 0-based fold number within the repeat */
    public int fold() {
        return fold;
    }

    /** @return the groups held out as the test set (sorted, unmodifiable); empty if not grouped */
    public List<String> heldOutGroups() {
        return heldOutGroups;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && repeat == s.repeat && fold == s.fold && Arrays.equals(train, s.train)
                && Arrays.equals(test, s.test) && heldOutGroups.equals(s.heldOutGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repeat, fold, Arrays.hashCode(train), Arrays.hashCode(test), heldOutGroups);
    }

    @Override
    public String toString() {
        return "Split[repeat " + repeat + ", fold " + fold + ", train " + train.length + ", test " + test.length
                + (heldOutGroups.isEmpty() ? "" : ", held out " + heldOutGroups) + "]";
    }
}
