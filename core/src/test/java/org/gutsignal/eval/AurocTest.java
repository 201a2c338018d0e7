package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void tiesCountOneHalfByHand() {
        // pairs (pos, neg): (0.5 vs 0.5) = 1/2, (0.5 vs 0.1) = 1, (0.9 vs 0.5) = 1, (0.9 vs 0.1) = 1 -> 3.5/4
        Auroc auc = Auroc.of(new double[] {0.5, 0.9, 0.5, 0.1}, new int[] {1, 1, 0, 0});
        assertEquals(0.875, auc.value(), 0.0);
        assertEquals(2, auc.positives());
        assertEquals(2, auc.negatives());
    }

    @Test
    void bootstrapIsDeterministicAndCloseToDelongOnLargeSample() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2024L);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 2000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            s[i] = Math.round((gauss.sample() + y[i]) * 10) / 10.0; // rounded -> ties
        }
        Auroc auc = Auroc.of(s, y);
        ConfidenceInterval delong = auc.ci95();
        ConfidenceInterval boot = auc.bootstrapCi(2000, 7L);
        assertEquals(boot, auc.bootstrapCi(2000, 7L));
        assertNotEquals(boot, auc.bootstrapCi(2000, 8L));
        assertTrue(boot.lower() < auc.value() && auc.value() < boot.upper());
        double width = delong.upper() - delong.lower();
        assertEquals(delong.lower(), boot.lower(), 0.1 * width);
        assertEquals(delong.upper(), boot.upper(), 0.1 * width);
    }

    @Test
    void delongAndBootstrapIntervalsCoverTheTrueAurocAboutNinetyFivePercent() {
        // binormal model: positives N(1,1), negatives N(0,1): true AUROC = Phi(1/sqrt 2) = 0.7602499389065233
        double truth = 0.7602499389065233;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int trials = 300;
        int delongCovers = 0;
        int bootCovers = 0;
        for (int t = 0; t < trials; t++) {
            int n = 120;
            double[] s = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i < 50 ? 1 : 0;
                s[i] = gauss.sample() + y[i];
            }
            Auroc auc = Auroc.of(s, y);
            ConfidenceInterval d = auc.ci95();
            ConfidenceInterval b = auc.bootstrapCi(250, t);
            delongCovers += d.lower() <= truth && truth <= d.upper() ? 1 : 0;
            bootCovers += b.lower() <= truth && truth <= b.upper() ? 1 : 0;
        }
        // 95% coverage; binomial sd over 300 trials is 1.3 points, allow about 3 sd
        assertEquals(0.95, delongCovers / (double) trials, 0.04, "DeLong coverage");
        assertEquals(0.95, bootCovers / (double) trials, 0.05, "bootstrap coverage");
    }

    @Test
    void delongTestOfIdenticalScoresIsUndefined() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        int[] y = {0, 0, 1, 1};
        Auroc.Comparison c = Auroc.delongTest(s, s, y);
        assertEquals(0.75, c.aurocA(), 0.0);
        assertTrue(Double.isNaN(c.pValue()));
    }

    @Test
    void rejectsBadInput() {
        assertEquals("labels must contain both classes (0 and 1); found 2 positives among 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Auroc.of(new double[] {1, 2}, new int[] {1, 1})).getMessage());
        assertEquals("labels[1] must be 0 or 1 but is 2", assertThrows(IllegalArgumentException.class,
                () -> Auroc.of(new double[] {1, 2}, new int[] {1, 2})).getMessage());
        assertEquals("scores[0] is not finite: NaN", assertThrows(IllegalArgumentException.class,
                () -> Auroc.of(new double[] {Double.NaN, 2}, new int[] {1, 0})).getMessage());
        assertEquals("scores has 3 values but labels has 2", assertThrows(IllegalArgumentException.class,
                () -> Auroc.of(new double[] {1, 2, 3}, new int[] {1, 0})).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Auroc.of(new double[] {1, 2}, new int[] {1, 0}).bootstrapCi(1, 1L));
    }
}
