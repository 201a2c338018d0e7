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

    /**
     * A split given from outside (another tool's folds, a bootstrap, a fixed holdout): sample
     * indices as {@link Splitters#fixed} and {@link org.gutsignal.eval.CrossValidation} use them,
     * positions in the labelled samples of the cohort in cohort order. The indices are copied and
     * sorted.
     *
     * @param train  training sample indices, at least one, no repeats
     * @param test   test sample indices, at least one, no repeats, none also in {@code train}
     * @param repeat 0-based repeat number (0 if not repeated)
     * @param fold   0-based fold number within the repeat
     * @throws IllegalArgumentException if an index is negative or repeated, train and test
     *                                  overlap, or either is empty
     */
    public static Split of(int[] train, int[] test, int repeat, int fold) {
        int[] tr = checked(train, "train");
        int[] te = checked(test, "test");
        for (int a = 0, b = 0; a < tr.length && b < te.length; ) {
            if (tr[a] == te[b]) {
                throw new IllegalArgumentException("sample " + tr[a] + " is in both train and test");
            }
            if (tr[a] < te[b]) {
                a++;
            } else {
                b++;
            }
        }
        if (repeat < 0 || fold < 0) {
            throw new IllegalArgumentException("repeat and fold must be ≥ 0 but are " + repeat + " and " + fold);
        }
        return new Split(tr, te, repeat, fold, List.of());
    }

    private static int[] checked(int[] indices, String what) {
        int[] s = indices.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            throw new IllegalArgumentException("the " + what + " indices are empty");
        }
        for (int k = 0; k < s.length; k++) {
            if (s[k] < 0) {
                throw new IllegalArgumentException("a " + what + " index is negative: " + s[k]);
            }
            if (k > 0 && s[k] == s[k - 1]) {
                throw new IllegalArgumentException("the " + what + " index " + s[k] + " appears twice");
            }
        }
        return s;
    }

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
