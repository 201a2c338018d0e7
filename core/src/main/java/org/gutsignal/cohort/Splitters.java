package org.gutsignal.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Factories for the {@link Splitter}s used in cross-validation.
 *
 * <pre>{@code
 * List<Split> folds = Splitters.repeatedStratifiedKFold(5, 10, 42L).split(labels, null);
 * List<Split> sites = Splitters.leaveOneGroupOut().split(labels, groups);
 * List<Split> external = Splitters.groupHoldout("validation").split(labels, groups);
 * }</pre>
 *
 * <p>Randomised splitters draw from Commons RNG {@code XO_RO_SHI_RO_128_PP} seeded with the
 * given seed: the same seed and input give identical splits on every platform. Argument
 * errors on the configuration ({@code k < 2}, ...) are thrown by the factory; errors that
 * depend on the data are thrown by {@link Splitter#split}. All splitters are immutable and
 * thread-safe.
 */
public final class Splitters {

    private Splitters() {
    }

    /**
     * Stratified k-fold: each class is shuffled and dealt round-robin over the k folds (the
     * deal continues from one class to the next, so fold sizes differ by at most one), so every
     * fold has the class proportions of the whole within one sample per class. Each sample is
     * tested exactly once. Groups are ignored.
     *
     * @param k number of folds, at least 2
     * @param seed the random seed
     * @return the splitter
     * @throws IllegalArgumentException if {@code k < 2}; {@code split} throws if a class has
     *         fewer than k samples
     */
    public static Splitter stratifiedKFold(int k, long seed) {
        return repeatedStratifiedKFold(k, 1, seed);
    }

    /**
     * Stratified k-fold repeated with fresh shuffles: {@code repeats × k} splits; within each
     * repeat every sample is tested exactly once. The repeats use consecutive draws of one
     * random stream, so repeat 0 equals {@link #stratifiedKFold stratifiedKFold(k, seed)}.
     *
     * @param k number of folds, at least 2
     * @param repeats number of repeats, at least 1
     * @param seed the random seed
     * @return the splitter
     * @throws IllegalArgumentException if {@code k < 2} or {@code repeats < 1}; {@code split}
     *         throws if a class has fewer than k samples
     */
    public static Splitter repeatedStratifiedKFold(int k, int repeats, long seed) {
        checkK(k);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1 but is " + repeats);
        }
        return (labels, groups) -> {
            Response.checkLabels(labels);
            checkGroupsLength(labels, groups, false);
            int positives = 0;
            for (int label : labels) {
                positives += label;
            }
            int smallest = Math.min(positives, labels.length - positives);
            if (k > smallest) {
                throw new IllegalArgumentException("cannot make " + k + " stratified folds: the smallest class has "
                        + smallest + " samples (" + positives + " positives, " + (labels.length - positives)
                        + " negatives); use k <= " + smallest);
            }
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            List<Split> splits = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                int[] foldOf = new int[labels.length];
                int dealt = 0;
                for (int c = 0; c <= 1; c++) {
                    int[] members = indicesWhere(labels, c);
                    PermutationSampler.shuffle(rng, members);
                    for (int member : members) {
                        foldOf[member] = dealt++ % k;
                    }
                }
                for (int f = 0; f < k; f++) {
                    splits.add(makeSplit(foldOf, f, r, f, List.of()));
                }
            }
            return Collections.unmodifiableList(splits);
        };
    }

    /**
     * Predefined folds, as glmnet's {@code foldid}: sample {@code i} is tested in fold
     * {@code foldIds[i]} (0-based), so results can be compared with another tool on exactly the
     * same folds. Not random; the folds are checked when splitting.
     *
     * @param foldIds the fold of each sample, 0 … k-1, every fold used, k ≥ 2 (copied)
     * @return the splitter; {@code split} throws if the labels are not as many as the fold ids
     * @throws IllegalArgumentException if a fold id is negative, or fewer than 2 folds or an
     *         unused fold number appear
     */
    public static Splitter fromFoldIds(int[] foldIds) {
        int[] ids = foldIds.clone();
        int k = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new IllegalArgumentException("foldIds[" + i + "] is negative: " + ids[i]);
            }
            k = Math.max(k, ids[i] + 1);
        }
        checkK(k);
        boolean[] used = new boolean[k];
        for (int id : ids) {
            used[id] = true;
        }
        for (int f = 0; f < k; f++) {
            if (!used[f]) {
                throw new IllegalArgumentException("fold " + f + " of 0.." + (k - 1) + " has no sample");
            }
        }
        int folds = k;
        return (labels, groups) -> {
            Response.checkLabels(labels);
            checkGroupsLength(labels, groups, false);
            if (labels.length != ids.length) {
                throw new IllegalArgumentException("there are " + ids.length + " fold ids but " + labels.length
                        + " samples");
            }
            List<Split> splits = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                splits.add(makeSplit(ids, f, 0, f, List.of()));
            }
            return Collections.unmodifiableList(splits);
        };
    }

    /**
     * The given splits, whatever the data: external folds, for example another tool's outer
     * cross-validation or a bootstrap ({@link Split#of}). Each split's indices must be below the
     * number of samples split.
     *
     * @param splits at least one (copied)
     * @return the splitter; {@code split} throws if an index is not a sample
     * @throws IllegalArgumentException if {@code splits} is empty
     */
    public static Splitter fixed(List<Split> splits) {
        List<Split> copy = List.copyOf(splits);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no splits");
        }
        return (labels, groups) -> {
            Response.checkLabels(labels);
            checkGroupsLength(labels, groups, false);
            for (Split s : copy) {
                int[] train = s.train();
                int[] test = s.test();
                int last = Math.max(train[train.length - 1], test[test.length - 1]);
                if (last >= labels.length) {
                    throw new IllegalArgumentException(s + " uses sample index " + last + " but there are "
                            + labels.length + " samples");
                }
            }
            return copy;
        };
    }

    /**
     * Grouped k-fold: whole groups are assigned to folds, so a group is never split between
     * train and test. Groups are shuffled, then (stably) ordered by decreasing size and each
     * is given to the fold with the fewest samples so far (lowest fold number on ties), which
     * balances fold sizes as scikit-learn's {@code GroupKFold} does; the shuffle makes the
     * assignment of equal-sized groups depend on the seed. Classes are not stratified.
     *
     * @param k number of folds, at least 2
     * @param seed the random seed
     * @return the splitter
     * @throws IllegalArgumentException if {@code k < 2}; {@code split} throws if there are
     *         fewer distinct groups than k
     */
    public static Splitter groupKFold(int k, long seed) {
        checkK(k);
        return (labels, groups) -> {
            Map<String, List<Integer>> members = groupMembers(labels, groups);
            if (members.size() < k) {
                throw new IllegalArgumentException("cannot make " + k + " group folds from " + members.size()
                        + " distinct groups " + members.keySet() + "; use k <= " + members.size());
            }
            List<String> names = new ArrayList<>(members.keySet());
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            int[] order = PermutationSampler.natural(names.size());
            PermutationSampler.shuffle(rng, order);
            List<String> shuffled = new ArrayList<>();
            for (int i : order) {
                shuffled.add(names.get(i));
            }
            shuffled.sort(Comparator.comparingInt((String g) -> members.get(g).size()).reversed());
            int[] foldSize = new int[k];
            int[] foldOf = new int[labels.length];
            List<List<String>> foldGroups = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                foldGroups.add(new ArrayList<>());
            }
            for (String g : shuffled) {
                int target = 0;
                for (int f = 1; f < k; f++) {
                    if (foldSize[f] < foldSize[target]) {
                        target = f;
                    }
                }
                foldSize[target] += members.get(g).size();
                foldGroups.get(target).add(g);
                for (int i : members.get(g)) {
                    foldOf[i] = target;
                }
            }
            List<Split> splits = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                splits.add(makeSplit(foldOf, f, 0, f, foldGroups.get(f)));
            }
            return Collections.unmodifiableList(splits);
        };
    }

    /**
     * Leave-one-group-out (cross-cohort validation): one split per distinct group, that group
     * being the test set; folds follow the groups' lexicographic order. Not random.
     *
     * @return the splitter; {@code split} throws if there is only one group
     */
    public static Splitter leaveOneGroupOut() {
        return (labels, groups) -> {
            Map<String, List<Integer>> members = groupMembers(labels, groups);
            if (members.size() < 2) {
                throw new IllegalArgumentException("leave-one-group-out needs at least 2 groups but found "
                        + members.size() + " " + members.keySet());
            }
            List<Split> splits = new ArrayList<>();
            int f = 0;
            for (String g : new TreeSet<>(members.keySet())) {
                int[] foldOf = new int[labels.length];
                Arrays.fill(foldOf, 1);
                for (int i : members.get(g)) {
                    foldOf[i] = 0;
                }
                splits.add(makeSplit(foldOf, 0, 0, f++, List.of(g)));
            }
            return Collections.unmodifiableList(splits);
        };
    }

    /**
     * A fixed holdout: the samples of the named groups form the test set, all others the
     * training set (one split, repeat 0, fold 0). Not random.
     *
     * @param testGroups names of the groups to hold out, at least one, not null
     * @return the splitter; {@code split} throws if a named group has no sample or no
     *         training sample would remain
     * @throws NullPointerException if {@code testGroups} or one of its names is null
     * @throws IllegalArgumentException if no group is named
     */
    public static Splitter groupHoldout(String... testGroups) {
        Objects.requireNonNull(testGroups, "testGroups");
        if (testGroups.length == 0) {
            throw new IllegalArgumentException("groupHoldout needs at least one test group");
        }
        TreeSet<String> held = new TreeSet<>();
        for (String g : testGroups) {
            held.add(Objects.requireNonNull(g, "test group name"));
        }
        List<String> heldList = List.copyOf(held);
        return (labels, groups) -> {
            Map<String, List<Integer>> members = groupMembers(labels, groups);
            for (String g : heldList) {
                if (!members.containsKey(g)) {
                    throw new IllegalArgumentException("test group '" + g + "' has no sample; groups present: "
                            + new TreeSet<>(members.keySet()));
                }
            }
            if (members.keySet().equals(held)) {
                throw new IllegalArgumentException("holding out " + heldList
                        + " leaves no training sample");
            }
            int[] foldOf = new int[labels.length];
            Arrays.fill(foldOf, 1);
            for (String g : heldList) {
                for (int i : members.get(g)) {
                    foldOf[i] = 0;
                }
            }
            return List.of(makeSplit(foldOf, 0, 0, 0, heldList));
        };
    }

    private static void checkK(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2 but is " + k);
        }
    }

    private static void checkGroupsLength(int[] labels, String[] groups, boolean required) {
        if (groups == null) {
            if (required) {
                throw new NullPointerException("groups is required by this splitter");
            }
            return;
        }
        if (groups.length != labels.length) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries but labels has "
                    + labels.length);
        }
    }

    /** Sample indices per group, in order of first appearance. */
    private static Map<String, List<Integer>> groupMembers(int[] labels, String[] groups) {
        Response.checkLabels(labels);
        checkGroupsLength(labels, groups, true);
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                throw new IllegalArgumentException("groups[" + i + "] is null");
            }
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        return members;
    }

    private static int[] indicesWhere(int[] labels, int value) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] == value).toArray();
    }

    /** Split with test = samples whose mark is {@code testMark}, train = the rest. */
    private static Split makeSplit(int[] mark, int testMark, int repeat, int fold, List<String> heldOut) {
        int[] test = IntStream.range(0, mark.length).filter(i -> mark[i] == testMark).toArray();
        int[] train = IntStream.range(0, mark.length).filter(i -> mark[i] != testMark).toArray();
        List<String> sorted = new ArrayList<>(heldOut);
        Collections.sort(sorted);
        return new Split(train, test, repeat, fold, sorted);
    }
}
