package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Predefined folds, glmnet's {@code foldid}. */
class SplittersFromFoldIdsTest {

    @Test
    void eachFoldTestsTheSamplesWithItsId() {
        List<Split> s = Splitters.fromFoldIds(new int[] {1, 0, 2, 1, 0, 2}).split(new int[] {1, 0, 1, 0, 1, 0}, null);
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {1, 4}, s.get(0).test());
        assertArrayEquals(new int[] {0, 2, 3, 5}, s.get(0).train());
        assertArrayEquals(new int[] {0, 3}, s.get(1).test());
        assertArrayEquals(new int[] {2, 5}, s.get(2).test());
        assertEquals(2, s.get(2).fold());
    }

    @Test
    void badFoldIdsAreRefused() {
        assertEquals("foldIds[1] is negative: -1", assertThrows(IllegalArgumentException.class,
                () -> Splitters.fromFoldIds(new int[] {0, -1})).getMessage());
        assertEquals("fold 1 of 0..2 has no sample", assertThrows(IllegalArgumentException.class,
                () -> Splitters.fromFoldIds(new int[] {0, 2, 2})).getMessage());
        assertEquals("k must be at least 2 but is 1", assertThrows(IllegalArgumentException.class,
                () -> Splitters.fromFoldIds(new int[] {0, 0})).getMessage());
        assertEquals("there are 3 fold ids but 2 samples", assertThrows(IllegalArgumentException.class,
                () -> Splitters.fromFoldIds(new int[] {0, 1, 1}).split(new int[] {0, 1}, null)).getMessage());
    }
}
