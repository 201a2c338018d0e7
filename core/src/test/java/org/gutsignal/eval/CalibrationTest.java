package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * With two distinct predictions the logistic model y ~ α + β·logit(p) is saturated, so its fit
 * reproduces the observed fraction of each group: α + β·L_k = logit(f_k). That gives the expected
 * values below without an outside tool.
 */
class CalibrationTest {

    private static final int[] Y = {1, 0, 0, 0, 1, 1, 1, 0};

    @Test
    void predictionsEqualToTheObservedFractionsHaveSlopeOneAndInterceptZero() {
        // p 0.25 (1 of 4 observed) and 0.75 (3 of 4): -ln3 = α - β ln3 and ln3 = α + β ln3 -> α 0, β 1;
        // with logit(p) as offset, 4σ(a - ln3) + 4σ(a + ln3) = 4 holds at a = 0
        double[] p = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
        Calibration c = Calibration.of(p, Y);
        assertEquals(1.0, c.slope(), 1e-9);
        assertEquals(0.0, c.intercept(), 1e-9);
    }

    @Test
    void predictionsNotExtremeEnoughHaveSlopeAboveOne() {
        // p 0.5 (L 0, observed 1/4) and 0.75 (L ln3, observed 3/4): α = logit(1/4) = -ln3, β = 2ln3 / ln3 = 2;
        // offset model: σ(a) + σ(a + ln3) = 1 -> a + ln3 = -a -> a = -ln3 / 2
        double[] p = {0.5, 0.5, 0.5, 0.5, 0.75, 0.75, 0.75, 0.75};
        Calibration c = Calibration.of(p, Y);
        assertEquals(2.0, c.slope(), 1e-9);
        assertEquals(-Math.log(3) / 2, c.intercept(), 1e-9);
        assertTrue(c.toString().startsWith("Calibration[slope 2."), c.toString());
    }

    @Test
    void constantPredictionsHaveNoSlopeButAnIntercept() {
        // L = 0 for all: the slope is not identifiable (singular Hessian) -> NaN; intercept = logit(2/8) = -ln3
        Calibration c = Calibration.of(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5},
                new int[] {1, 0, 0, 0, 1, 0, 0, 0});
        assertTrue(Double.isNaN(c.slope()), "slope " + c.slope());
        assertEquals(-Math.log(3), c.intercept(), 1e-9);
    }

    @Test
    void perfectSeparationGivesNaNSlope() {
        // y separated by L: the slope's likelihood has no maximum
        Calibration c = Calibration.of(new double[] {0.2, 0.3, 0.7, 0.8}, new int[] {0, 0, 1, 1});
        assertTrue(Double.isNaN(c.slope()), "slope " + c.slope());
    }

    @Test
    void perfectSeparationStillHasAnInterceptWithTheOffset() {
        // offset model: Σ σ(a + logit p) = Σ y = 2, and at a = 0 the left side is 0.2 + 0.3 + 0.7 + 0.8 = 2
        Calibration c = Calibration.of(new double[] {0.2, 0.3, 0.7, 0.8}, new int[] {0, 0, 1, 1});
        assertEquals(0.0, c.intercept(), 1e-9);
    }

    @Test
    void probabilitiesZeroAndOneAreClippedToFiniteLogits() {
        // p 0 and 1 clip to ±logit(1 - 2^-52); the offset model stays symmetric -> a = 0
        Calibration c = Calibration.of(new double[] {0.0, 1.0, 0.0, 1.0}, new int[] {0, 1, 1, 0});
        assertEquals(0.0, c.intercept(), 1e-9);
    }

    @Test
    void rejectsInputWithoutBothClassesOrOutsideTheUnitInterval() {
        assertEquals("labels must contain both classes (0 and 1); found 2 positives among 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Calibration.of(new double[] {0.2, 0.4}, new int[] {1, 1})).getMessage());
        assertEquals("probabilities[1] is outside [0, 1]: 1.5", assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new double[] {0.2, 1.5}, new int[] {1, 0})).getMessage());
        assertEquals("probabilities[0] is not finite: NaN", assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new double[] {Double.NaN, 0.5}, new int[] {1, 0})).getMessage());
        assertEquals("probabilities", assertThrows(NullPointerException.class,
                () -> Calibration.of(null, new int[] {1, 0})).getMessage());
    }
}
