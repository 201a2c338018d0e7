package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BrierScoreTest {

    @Test
    void isTheMeanSquaredError() {
        // ((0.5 - 1)² + (0.8 - 0)²) / 2 = (0.25 + 0.64) / 2
        assertEquals(0.445, BrierScore.of(new double[] {0.5, 0.8}, new int[] {1, 0}).value(), 1e-15);
    }

    @Test
    void predictingThePrevalenceGivesPiTimesOneMinusPi() {
        // π = 1/4: (0.75² + 3 · 0.25²) / 4 = 0.1875 = 0.25 · 0.75
        assertEquals(0.25 * 0.75, BrierScore.of(new double[] {0.25, 0.25, 0.25, 0.25}, new int[] {1, 0, 0, 0})
                .value(), 1e-15);
    }

    @Test
    void rangesFromZeroWhenPerfectToOneWhenConfidentlyWrong() {
        assertEquals(0.0, BrierScore.of(new double[] {1, 0}, new int[] {1, 0}).value(), 0.0);
        assertEquals(1.0, BrierScore.of(new double[] {0, 1}, new int[] {1, 0}).value(), 0.0);
    }

    @Test
    void rejectsBadInput() {
        assertEquals("probabilities[0] is outside [0, 1]: -0.5", assertThrows(IllegalArgumentException.class,
                () -> BrierScore.of(new double[] {-0.5}, new int[] {0})).getMessage());
        assertEquals("labels is empty", assertThrows(IllegalArgumentException.class,
                () -> BrierScore.of(new double[0], new int[0])).getMessage());
        assertEquals("probabilities has 1 values but labels has 2", assertThrows(IllegalArgumentException.class,
                () -> BrierScore.of(new double[] {0.5}, new int[] {0, 1})).getMessage());
    }
}
