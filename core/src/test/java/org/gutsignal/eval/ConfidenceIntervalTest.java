package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    /** The 0.975 quantile of the standard normal (R: qnorm(0.975)). */
    private static final double Z = 1.959963984540054;

    @Test
    void isAPlainValue() {
        ConfidenceInterval ci = new ConfidenceInterval(0.6, 0.8, 0.95);
        assertEquals(0.6, ci.lower());
        assertEquals(0.8, ci.upper());
        assertEquals(0.95, ci.level());
        assertEquals(new ConfidenceInterval(0.6, 0.8, 0.95), ci);
        assertNotEquals(new ConfidenceInterval(0.6, 0.8, 0.9), ci);
    }

    @Test
    void delongIntervalIsClippedToTheUnitInterval() {
        // responders {3, 2, 4}, non-responders {1, 2.5, 0}: placements V10 = (1, 2/3, 1), V01 = (1, 2/3, 1),
        // AUROC 8/9, S10 = S01 = ((1/9)² + (2/9)² + (1/9)²) / 2 = 1/27, var = 1/81 + 1/81 = 2/81, sd = √2/9;
        // 8/9 + 1.96·0.157 > 1 is clipped
        Auroc auc = Auroc.of(new double[] {3, 1, 2, 2.5, 4, 0}, new int[] {1, 0, 1, 0, 1, 0});
        assertEquals(8 / 9.0, auc.value(), 1e-15);
        assertEquals(2 / 81.0, auc.delongVariance(), 1e-15);
        ConfidenceInterval ci = auc.ci95();
        assertEquals(8 / 9.0 - Z * Math.sqrt(2) / 9, ci.lower(), 1e-12);
        assertEquals(1.0, ci.upper(), 0.0);
        assertEquals(0.95, ci.level(), 0.0);
    }

    @Test
    void delongIntervalOfASingleResponderIsNaN() {
        ConfidenceInterval ci = Auroc.of(new double[] {0.9, 0.1, 0.2}, new int[] {1, 0, 0}).ci95();
        assertTrue(Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()), ci.toString());
    }

    @Test
    void bootstrapIntervalHasLevel95AndBoundsInsideTheUnitInterval() {
        ConfidenceInterval ci = Auroc.of(new double[] {3, 1, 2, 2.5, 4, 0}, new int[] {1, 0, 1, 0, 1, 0})
                .bootstrapCi(200, 1L);
        assertEquals(0.95, ci.level(), 0.0);
        assertTrue(0 <= ci.lower() && ci.lower() <= ci.upper() && ci.upper() <= 1, ci.toString());
    }

    @Test
    void constantScoresAreDegenerateWithNoIntervalInsteadOfAZeroWidthOne() {
        // DeLong would give placements all 1/2, variance 0 and the interval [0.5, 0.5]
        Auroc auc = Auroc.of(new double[] {0.3, 0.3, 0.3, 0.3}, new int[] {1, 0, 1, 0});
        assertTrue(auc.isDegenerate());
        assertEquals(0.5, auc.value(), 0.0);
        assertTrue(Double.isNaN(auc.delongVariance()));
        assertTrue(Double.isNaN(auc.ci95().lower()) && Double.isNaN(auc.ci95().upper()), auc.ci95().toString());
        ConfidenceInterval boot = auc.bootstrapCi(50, 1L);
        assertTrue(Double.isNaN(boot.lower()) && Double.isNaN(boot.upper()), boot.toString());
        assertEquals("Auroc[degenerate (constant scores), n+=2, n-=2]", auc.toString());
        assertTrue(!Auroc.of(new double[] {0.3, 0.3, 0.4, 0.3}, new int[] {1, 0, 1, 0}).isDegenerate());
    }
}
