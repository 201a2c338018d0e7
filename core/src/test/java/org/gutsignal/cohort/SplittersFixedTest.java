package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** External splits: {@link Split#of} and {@link Splitters#fixed}. */
class SplittersFixedTest {

    @Test
    void externalFoldsAreUsedAsGivenAndEqualTheSameFoldIds() {
        int[] labels = {1, 0, 1, 0, 1, 0};
        List<Split> given = List.of(Split.of(new int[] {5, 0, 2, 3}, new int[] {4, 1}, 0, 0),
                Split.of(new int[] {1, 2, 4, 5}, new int[] {3, 0}, 0, 1),
                Split.of(new int[] {0, 1, 3, 4}, new int[] {2, 5}, 0, 2));
        List<Split> s = Splitters.fixed(given).split(labels, null);
        assertArrayEquals(new int[] {0, 2, 3, 5}, s.get(0).train(), "indices are sorted");
        assertArrayEquals(new int[] {1, 4}, s.get(0).test());
        assertEquals(Splitters.fromFoldIds(new int[] {1, 0, 2, 1, 0, 2}).split(labels, null), s);
    }

    @Test
    void splitsThatAreNotPartitionsOfTheSamplesAreRefused() {
        assertEquals("sample 2 is in both train and test", assertThrows(IllegalArgumentException.class,
                () -> Split.of(new int[] {0, 2}, new int[] {2, 3}, 0, 0)).getMessage());
        assertEquals("the train index 1 appears twice", assertThrows(IllegalArgumentException.class,
                () -> Split.of(new int[] {1, 1}, new int[] {2}, 0, 0)).getMessage());
        assertEquals("a test index is negative: -1", assertThrows(IllegalArgumentException.class,
                () -> Split.of(new int[] {1}, new int[] {-1}, 0, 0)).getMessage());
        assertEquals("the test indices are empty", assertThrows(IllegalArgumentException.class,
                () -> Split.of(new int[] {1}, new int[0], 0, 0)).getMessage());
        assertEquals("no splits", assertThrows(IllegalArgumentException.class,
                () -> Splitters.fixed(List.of())).getMessage());
        Splitter beyond = Splitters.fixed(List.of(Split.of(new int[] {0, 1}, new int[] {4}, 0, 0)));
        assertEquals("Split[repeat 0, fold 0, train 2, test 1] uses sample index 4 but there are 3 samples",
                assertThrows(IllegalArgumentException.class, () -> beyond.split(new int[] {0, 1, 0}, null))
                        .getMessage());
    }
}
