package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PermutationTestTest {

    private static final double[] SCORES = new double[40];
    private static final int[] LABELS = new int[40];

    static {
        for (int i = 0; i < 40; i++) {
            LABELS[i] = i % 2;
            SCORES[i] = i + (i % 2) * 100; // every positive above every negative: AUROC 1
        }
    }

    @Test
    void strongSignalGetsTheSmallestPossiblePValue() {
        PermutationTest t = PermutationTest.run(y -> Auroc.of(SCORES, y).value(), LABELS, 199, 5L);
        assertEquals(Auroc.of(SCORES, LABELS).value(), t.observed(), 0.0);
        assertEquals(0, t.atLeastObserved());
        assertEquals(1 / 200.0, t.pValue(), 0.0);
    }

    @Test
    void pValueFollowsTheFormulaAndIsDeterministic() {
        PermutationTest a = PermutationTest.run(y -> y[0] + y[1], LABELS, 99, 11L);
        PermutationTest b = PermutationTest.run(y -> y[0] + y[1], LABELS, 99, 11L);
        assertArrayEquals(a.permuted(), b.permuted());
        long count = Arrays.stream(a.permuted()).filter(v -> v >= a.observed()).count();
        assertEquals((1 + count) / 100.0, a.pValue(), 0.0);
        PermutationTest c = PermutationTest.run(y -> y[0] + y[1], LABELS, 99, 12L);
        assertFalse(Arrays.equals(a.permuted(), c.permuted()));
    }

    @Test
    void nullSignalGivesRoughlyUniformPValue() {
        // observed AUROC of a score unrelated to the labels: p should not be small
        double[] noise = new double[40];
        for (int i = 0; i < 40; i++) {
            noise[i] = (i * 7919) % 40;
        }
        PermutationTest t = PermutationTest.run(y -> Auroc.of(noise, y).value(), LABELS, 499, 3L);
        assertTrue(t.pValue() > 0.05, "p = " + t.pValue());
    }

    @Test
    void rejectsZeroPermutations() {
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.run(y -> 0.5, LABELS, 0, 1L));
    }
}
