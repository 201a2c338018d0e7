package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogLossTest {

    @Test
    void isTheMeanNegativeLogLikelihoodInNats() {
        // -(ln 0.5 + ln(1 - 0.8)) / 2 = (ln 2 + ln 5) / 2 = ln(10) / 2
        assertEquals(Math.log(10) / 2, LogLoss.of(new double[] {0.5, 0.8}, new int[] {1, 0}).value(), 1e-15);
        assertEquals(Math.log(2), LogLoss.of(new double[] {0.5, 0.5, 0.5}, new int[] {1, 0, 1}).value(), 1e-15);
    }

    @Test
    void aConfidentWrongPredictionCostsFiftyTwoLnTwo() {
        assertEquals(Math.pow(2, -52), LogLoss.EPSILON, 0.0);
        // clipped to 2^-52: -ln(2^-52) = 52 ln 2 ≈ 36.04
        assertEquals(52 * Math.log(2), LogLoss.of(new double[] {0.0}, new int[] {1}).value(), 1e-12);
        assertEquals(52 * Math.log(2), LogLoss.of(new double[] {1.0}, new int[] {0}).value(), 1e-12);
        // a confident right prediction costs -ln(1 - 2^-52) ≈ 2^-52, not exactly 0
        assertEquals(0.0, LogLoss.of(new double[] {1.0, 0.0}, new int[] {1, 0}).value(), 1e-15);
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        assertEquals("probabilities[1] is outside [0, 1]: 1.0000001", assertThrows(IllegalArgumentException.class,
                () -> LogLoss.of(new double[] {0.5, 1.0000001}, new int[] {1, 0})).getMessage());
        assertEquals("probabilities[0] is not finite: Infinity", assertThrows(IllegalArgumentException.class,
                () -> LogLoss.of(new double[] {Double.POSITIVE_INFINITY}, new int[] {1})).getMessage());
        assertEquals("labels[0] must be 0 or 1 but is 3", assertThrows(IllegalArgumentException.class,
                () -> LogLoss.of(new double[] {0.5}, new int[] {3})).getMessage());
        assertEquals("LogLoss[" + Math.log(2) + "]", LogLoss.of(new double[] {0.5}, new int[] {0}).toString());
    }
}
