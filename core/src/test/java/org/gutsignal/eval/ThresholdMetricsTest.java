package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void minusInfinityPredictsEveryonePositive() {
        ThresholdMetrics m = ThresholdMetrics.at(new double[] {0.2, 0.3, 0.9}, new int[] {1, 0, 0},
                Double.NEGATIVE_INFINITY);
        assertEquals(1, m.truePositives());
        assertEquals(2, m.falsePositives());
        assertEquals(1.0, m.sensitivity(), 0.0);
        assertEquals(0.0, m.specificity(), 0.0);
        assertEquals(1 / 3.0, m.ppv(), 0.0);
        assertTrue(Double.isNaN(m.npv()), "no predicted negative");
        assertEquals(0.0, m.youdenIndex(), 0.0);
    }

    @Test
    void oneClassAtAThresholdLeavesTheOtherRateUndefined() {
        ThresholdMetrics m = ThresholdMetrics.at(new double[] {0.2, 0.6}, new int[] {1, 1}, 0.5);
        assertEquals(0.5, m.sensitivity(), 0.0);
        assertTrue(Double.isNaN(m.specificity()));
        assertEquals("ThresholdMetrics[threshold 0.5, TP 1, FP 0, TN 0, FN 1]", m.toString());
    }

    @Test
    void youdenTiesGoToTheHighestThreshold() {
        // thresholds 0.9: J = 1/2 + 1 - 1 = 0.5; 0.8: 1/2 + 1/2 - 1 = 0; 0.3: 1 + 1/2 - 1 = 0.5; 0.2: 0
        ThresholdMetrics best = ThresholdMetrics.youden(new double[] {0.9, 0.8, 0.3, 0.2}, new int[] {1, 0, 1, 0});
        assertEquals(0.9, best.threshold(), 0.0);
        assertEquals(0.5, best.youdenIndex(), 0.0);
    }

    @Test
    void youdenCountsTiedScoresTogether() {
        // 0.5 is shared by a responder and a non-responder: at 0.5 sens 1, spec 1/2 -> J 0.5;
        // at 0.7 sens 1/2, spec 1 -> J 0.5 as well, and the higher threshold wins
        ThresholdMetrics best = ThresholdMetrics.youden(new double[] {0.7, 0.5, 0.5, 0.1}, new int[] {1, 1, 0, 0});
        assertEquals(0.7, best.threshold(), 0.0);
        // with a third non-responder below, 0.5 gives sens 1, spec 2/3 -> J 2/3 > 1/2
        ThresholdMetrics more = ThresholdMetrics.youden(new double[] {0.7, 0.5, 0.5, 0.1, 0.0},
                new int[] {1, 1, 0, 0, 0});
        assertEquals(0.5, more.threshold(), 0.0);
        assertEquals(2 / 3.0, more.youdenIndex(), 1e-15);
    }

    @Test
    void rejectsNaNThresholdAndSingleClassYouden() {
        assertEquals("threshold is NaN", assertThrows(IllegalArgumentException.class,
                () -> ThresholdMetrics.at(new double[] {0.1}, new int[] {1}, Double.NaN)).getMessage());
        assertEquals("labels must contain both classes (0 and 1); found 0 positives among 2",
                assertThrows(IllegalArgumentException.class,
                        () -> ThresholdMetrics.youden(new double[] {0.1, 0.2}, new int[] {0, 0})).getMessage());
        assertEquals("scores has 2 values but labels has 3", assertThrows(IllegalArgumentException.class,
                () -> ThresholdMetrics.at(new double[] {0.1, 0.2}, new int[] {0, 0, 1}, 0.5)).getMessage());
        assertEquals("scores[1] is not finite: -Infinity", assertThrows(IllegalArgumentException.class,
                () -> ThresholdMetrics.at(new double[] {0.1, Double.NEGATIVE_INFINITY}, new int[] {0, 1}, 0.5))
                .getMessage());
    }
}
