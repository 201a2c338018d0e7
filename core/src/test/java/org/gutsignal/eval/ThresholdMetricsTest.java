package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdMetricsTest {

    @Test
    void countsByHandWithScoreEqualToThresholdPredictedPositive() {
        double[] s = {0.9, 0.7, 0.7, 0.4, 0.2, 0.1};
        int[] y = {1, 1, 0, 1, 0, 0};
        ThresholdMetrics m = ThresholdMetrics.at(s, y, 0.7);
        assertEquals(2, m.truePositives());
        assertEquals(1, m.falsePositives());
        assertEquals(2, m.trueNegatives());
        assertEquals(1, m.falseNegatives());
        assertEquals(2 / 3.0, m.sensitivity(), 0.0);
        assertEquals(2 / 3.0, m.specificity(), 0.0);
        assertEquals(2 / 3.0, m.ppv(), 0.0);
        assertEquals(2 / 3.0, m.npv(), 0.0);
        // Youden: threshold 0.4 gives sens 1, spec 2/3 -> J 2/3 (best)
        ThresholdMetrics best = ThresholdMetrics.youden(s, y);
        assertEquals(0.4, best.threshold(), 0.0);
        assertEquals(2 / 3.0, best.youdenIndex(), 1e-15);
    }

    @Test
    void emptyDenominatorIsNaN() {
        ThresholdMetrics m = ThresholdMetrics.at(new double[] {0.2, 0.3}, new int[] {1, 0}, Double.POSITIVE_INFINITY);
        assertTrue(Double.isNaN(m.ppv()));
        assertEquals(0.5, m.npv(), 0.0);
    }
}
