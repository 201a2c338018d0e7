package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SplittersTest {

    /** 103 samples, 41 positives, 7 groups of unequal size. */
    private static final int N = 103;
    private static final int[] LABELS = new int[N];
    private static final String[] GROUPS = new String[N];

    static {
        for (int i = 0; i < N; i++) {
            LABELS[i] = (i * 37) % 103 < 41 ? 1 : 0;
            GROUPS[i] = "site" + ((i * i) % 7);
        }
    }

    private static void assertPartition(List<Split> splits, int repeats, int folds) {
        assertEquals(repeats * folds, splits.size());
        for (int r = 0; r < repeats; r++) {
            int[] tested = new int[N];
            for (int f = 0; f < folds; f++) {
                Split s = splits.get(r * folds + f);
                assertEquals(r, s.repeat());
                assertEquals(f, s.fold());
                assertEquals(N, s.train().length + s.test().length);
                Set<Integer> train = new HashSet<>();
                for (int i : s.train()) {
                    train.add(i);
                }
                for (int i : s.test()) {
                    assertTrue(!train.contains(i));
                    tested[i]++;
                }
            }
            for (int i = 0; i < N; i++) {
                assertEquals(1, tested[i], "sample " + i + " tested once in repeat " + r);
            }
        }
    }

    @Test
    void stratifiedFoldsKeepClassProportionsAndTestEachSampleOncePerRepeat() {
        List<Split> splits = Splitters.repeatedStratifiedKFold(5, 3, 42L).split(LABELS, null);
        assertPartition(splits, 3, 5);
        for (Split s : splits) {
            int pos = 0;
            for (int i : s.test()) {
                pos += LABELS[i];
            }
            // 41 positives over 5 folds: 8 or 9 each; 62 negatives: 12 or 13 each; sizes 20 or 21
            assertTrue(pos == 8 || pos == 9, "positives in fold " + pos);
            assertTrue(s.test().length == 20 || s.test().length == 21);
            assertTrue(s.heldOutGroups().isEmpty());
        }
    }

    @Test
    void seedDeterminesTheSplits() {
        assertEquals(Splitters.stratifiedKFold(5, 1L).split(LABELS, null),
                Splitters.stratifiedKFold(5, 1L).split(LABELS, null));
        assertNotEquals(Splitters.stratifiedKFold(5, 1L).split(LABELS, null),
                Splitters.stratifiedKFold(5, 2L).split(LABELS, null));
        assertEquals(Splitters.stratifiedKFold(5, 1L).split(LABELS, null),
                Splitters.repeatedStratifiedKFold(5, 4, 1L).split(LABELS, null).subList(0, 5));
        assertEquals(Splitters.groupKFold(3, 9L).split(LABELS, GROUPS), Splitters.groupKFold(3, 9L).split(LABELS, GROUPS));
    }

    @Test
    void groupFoldsNeverSplitAGroup() {
        for (long seed = 0; seed < 5; seed++) {
            List<Split> splits = Splitters.groupKFold(3, seed).split(LABELS, GROUPS);
            assertPartition(splits, 1, 3);
            for (Split s : splits) {
                Set<String> testGroups = new HashSet<>();
                for (int i : s.test()) {
                    testGroups.add(GROUPS[i]);
                }
                for (int i : s.train()) {
                    assertTrue(!testGroups.contains(GROUPS[i]), "group " + GROUPS[i] + " split");
                }
                assertEquals(testGroups, new HashSet<>(s.heldOutGroups()));
            }
        }
    }

    @Test
    void leaveOneGroupOutHoldsOutEachGroupInOrder() {
        List<Split> splits = Splitters.leaveOneGroupOut().split(LABELS, GROUPS);
        assertPartition(splits, 1, splits.size());
        Set<String> distinct = new HashSet<>(List.of(GROUPS));
        assertEquals(distinct.size(), splits.size());
        String previous = "";
        for (Split s : splits) {
            String g = s.heldOutGroups().get(0);
            assertTrue(g.compareTo(previous) > 0);
            previous = g;
            for (int i : s.test()) {
                assertEquals(g, GROUPS[i]);
            }
        }
    }

    @Test
    void groupHoldoutSplitsByName() {
        Split s = Splitters.groupHoldout("site2", "site1").split(LABELS, GROUPS).get(0);
        assertEquals(List.of("site1", "site2"), s.heldOutGroups());
        for (int i : s.test()) {
            assertTrue(GROUPS[i].equals("site1") || GROUPS[i].equals("site2"));
        }
        for (int i : s.train()) {
            assertTrue(!GROUPS[i].equals("site1") && !GROUPS[i].equals("site2"));
        }
        assertEquals(N, s.train().length + s.test().length);
    }

    @Test
    void clearErrors() {
        assertEquals("k must be at least 2 but is 1",
                assertThrows(IllegalArgumentException.class, () -> Splitters.stratifiedKFold(1, 0L)).getMessage());
        assertEquals("cannot make 4 stratified folds: the smallest class has 3 samples (3 positives, 5 negatives);"
                + " use k <= 3", assertThrows(IllegalArgumentException.class, () -> Splitters.stratifiedKFold(4, 0L)
                        .split(new int[] {1, 1, 1, 0, 0, 0, 0, 0}, null)).getMessage());
        String[] one = {"a", "a", "a"};
        int[] y = {1, 0, 1};
        assertEquals("leave-one-group-out needs at least 2 groups but found 1 [a]",
                assertThrows(IllegalArgumentException.class,
                        () -> Splitters.leaveOneGroupOut().split(y, one)).getMessage());
        assertEquals("cannot make 2 group folds from 1 distinct groups [a]; use k <= 1",
                assertThrows(IllegalArgumentException.class, () -> Splitters.groupKFold(2, 0L).split(y, one))
                        .getMessage());
        assertEquals("test group 'b' has no sample; groups present: [a]",
                assertThrows(IllegalArgumentException.class, () -> Splitters.groupHoldout("b").split(y, one))
                        .getMessage());
        assertEquals("holding out [a] leaves no training sample",
                assertThrows(IllegalArgumentException.class, () -> Splitters.groupHoldout("a").split(y, one))
                        .getMessage());
        assertEquals("groups[1] is null", assertThrows(IllegalArgumentException.class,
                () -> Splitters.leaveOneGroupOut().split(y, new String[] {"a", null, "b"})).getMessage());
        assertThrows(NullPointerException.class, () -> Splitters.leaveOneGroupOut().split(y, null));
    }

    @Test
    void dealingContinuesAcrossClassesSoFoldSizesDifferByAtMostOne() {
        // 5 negatives are dealt to folds 0,1,2,0,1 and the 5 positives continue at 2,0,1,2,0, whatever the
        // shuffle: fold 0 tests 2 neg + 2 pos, fold 1 tests 2 neg + 1 pos, fold 2 tests 1 neg + 2 pos.
        int[] y = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        for (long seed = 0; seed < 4; seed++) {
            List<Split> splits = Splitters.stratifiedKFold(3, seed).split(y, null);
            int[][] expected = {{2, 2}, {2, 1}, {1, 2}};
            for (int f = 0; f < 3; f++) {
                int[] byClass = new int[2];
                for (int i : splits.get(f).test()) {
                    byClass[y[i]]++;
                }
                assertArrayEquals(expected[f], byClass, "seed " + seed + ", fold " + f);
            }
        }
    }

    @Test
    void splitIndicesAreSortedAndArraysAreCopies() {
        for (Split s : Splitters.repeatedStratifiedKFold(4, 2, 3L).split(LABELS, null)) {
            assertSorted(s.train());
            assertSorted(s.test());
        }
        Split s = Splitters.stratifiedKFold(2, 0L).split(LABELS, null).get(0);
        int[] test = s.test();
        int first = test[0];
        test[0] = -1;
        assertEquals(first, s.test()[0]);
        List<Split> splits = Splitters.leaveOneGroupOut().split(LABELS, GROUPS);
        assertThrows(UnsupportedOperationException.class, () -> splits.remove(0));
    }

    private static void assertSorted(int[] a) {
        for (int k = 1; k < a.length; k++) {
            assertTrue(a[k - 1] < a[k], "indices ascending");
        }
    }

    @Test
    void groupKFoldGivesEachGroupToTheEmptiestFold() {
        // sizes A 3, B 2, C 1, D 1 in 2 folds: A -> fold 0 (tie, lowest), B -> fold 1 (2 < 3),
        // then C/D in shuffled order: the first -> fold 1 (2 < 3), the second -> fold 0 (3 = 3, lowest)
        String[] g = {"C", "A", "B", "A", "D", "B", "A"};
        int[] y = {1, 0, 1, 0, 1, 0, 1};
        for (long seed = 0; seed < 6; seed++) {
            List<Split> splits = Splitters.groupKFold(2, seed).split(y, g);
            List<String> fold0 = splits.get(0).heldOutGroups();
            List<String> fold1 = splits.get(1).heldOutGroups();
            assertTrue(fold0.equals(List.of("A", "C")) || fold0.equals(List.of("A", "D")), fold0.toString());
            assertTrue(fold1.equals(List.of("B", "C")) || fold1.equals(List.of("B", "D")), fold1.toString());
            assertEquals(4, splits.get(0).test().length);
            assertEquals(3, splits.get(1).test().length);
            assertEquals(0, splits.get(1).repeat());
        }
    }

    @Test
    void leaveOneGroupOutOrdersGroupsByNameNotByAppearance() {
        String[] g = {"site9", "site10", "site9", "a"};
        List<Split> splits = Splitters.leaveOneGroupOut().split(new int[] {1, 0, 0, 1}, g);
        assertEquals(List.of("a"), splits.get(0).heldOutGroups());
        assertEquals(List.of("site10"), splits.get(1).heldOutGroups());
        assertEquals(List.of("site9"), splits.get(2).heldOutGroups());
        assertArrayEquals(new int[] {0, 2}, splits.get(2).test());
        assertArrayEquals(new int[] {1, 3}, splits.get(2).train());
        assertEquals(2, splits.get(2).fold());
    }

    @Test
    void groupHoldoutIsOneSplitAtRepeatZeroFoldZero() {
        String[] g = {"train", "validation", "train", "validation", "other"};
        List<Split> splits = Splitters.groupHoldout("validation", "validation").split(new int[] {1, 0, 0, 1, 1}, g);
        assertEquals(1, splits.size());
        Split s = splits.get(0);
        assertArrayEquals(new int[] {1, 3}, s.test());
        assertArrayEquals(new int[] {0, 2, 4}, s.train());
        assertEquals(0, s.repeat());
        assertEquals(0, s.fold());
        assertEquals(List.of("validation"), s.heldOutGroups());
        assertEquals("Split[repeat 0, fold 0, train 3, test 2, held out [validation]]", s.toString());
    }

    @Test
    void configurationErrorsAreThrownByTheFactories() {
        assertEquals("repeats must be at least 1 but is 0", assertThrows(IllegalArgumentException.class,
                () -> Splitters.repeatedStratifiedKFold(5, 0, 1L)).getMessage());
        assertEquals("k must be at least 2 but is 0", assertThrows(IllegalArgumentException.class,
                () -> Splitters.groupKFold(0, 1L)).getMessage());
        assertEquals("groupHoldout needs at least one test group", assertThrows(IllegalArgumentException.class,
                Splitters::groupHoldout).getMessage());
        assertEquals("test group name", assertThrows(NullPointerException.class,
                () -> Splitters.groupHoldout("a", null)).getMessage());
        assertEquals("testGroups", assertThrows(NullPointerException.class,
                () -> Splitters.groupHoldout((String[]) null)).getMessage());
    }

    @Test
    void dataErrorsAreThrownBySplit() {
        int[] y = {1, 0, 1, 0};
        assertEquals("groups has 3 entries but labels has 4", assertThrows(IllegalArgumentException.class,
                () -> Splitters.stratifiedKFold(2, 0L).split(y, new String[] {"a", "b", "c"})).getMessage());
        assertEquals("groups has 5 entries but labels has 4", assertThrows(IllegalArgumentException.class,
                () -> Splitters.groupHoldout("a").split(y, new String[] {"a", "b", "c", "d", "e"})).getMessage());
        assertEquals("labels[3] must be 0 or 1 but is 2", assertThrows(IllegalArgumentException.class,
                () -> Splitters.groupKFold(2, 0L).split(new int[] {1, 0, 1, 2}, new String[] {"a", "b", "c", "d"}))
                .getMessage());
        assertEquals("labels is empty", assertThrows(IllegalArgumentException.class,
                () -> Splitters.stratifiedKFold(2, 0L).split(new int[0], null)).getMessage());
        assertEquals("cannot make 2 stratified folds: the smallest class has 0 samples (4 positives, 0 negatives);"
                + " use k <= 0", assertThrows(IllegalArgumentException.class,
                        () -> Splitters.stratifiedKFold(2, 0L).split(new int[] {1, 1, 1, 1}, null)).getMessage());
        assertEquals("groups is required by this splitter", assertThrows(NullPointerException.class,
                () -> Splitters.groupKFold(2, 0L).split(y, null)).getMessage());
    }
}
