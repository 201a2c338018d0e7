package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {

    /** Logistic data with known coefficients; x ~ N(0,1) with correlation 0.3 between neighbours. */
    private static Cohort simulate(int n, double intercept, double[] beta, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int p = beta.length;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double prev = g.sample();
            double eta = intercept;
            for (int j = 0; j < p; j++) {
                double z = 0.3 * prev + Math.sqrt(1 - 0.09) * g.sample();
                x[i][j] = z;
                prev = z;
                eta += beta[j] * z;
            }
            y[i] = rng.nextDouble() < ResponseModel.sigmoid(eta) ? 1 : 0;
        }
        return Fixtures.cohort(Fixtures.names(p), x, y);
    }

    @Test
    void recoversTheSignOfEveryNonZeroTrueCoefficient() {
        double[] truth = {0.8, -0.6, 0, 0.5, -0.9, 0};
        Cohort c = simulate(800, -0.4, truth, 2025);
        for (LambdaRule rule : LambdaRule.values()) {
            ResponseModel m = LogisticTrainer.withDefaults().withAlpha(0.5).withLambdaRule(rule).withSeed(3).fit(c);
            double[] b = m.coefficients();
            for (int j = 0; j < truth.length; j++) {
                if (truth[j] != 0) {
                    assertEquals(Math.signum(truth[j]), Math.signum(b[j]), rule + " sign of f" + j + " in " + m);
                }
            }
        }
    }

    @Test
    void trainingRecordsTheCvCurveAndChoosesByTheRule() {
        Cohort c = simulate(300, 0, new double[] {1, -1, 0, 0}, 11);
        LogisticTrainer t = LogisticTrainer.withDefaults().withSeed(5);
        LogisticFit min = t.train(c);
        LogisticFit oneSe = t.withLambdaRule(LambdaRule.ONE_SE).train(c);
        CvCurve cv = min.cvCurve().orElseThrow();
        assertEquals(10, cv.folds());
        assertEquals(min.path().size(), cv.mean().length);
        assertEquals(cv.indexMin(), min.lambdaIndex());
        assertEquals(cv.lambdaMin(), min.model().lambda());
        assertEquals(cv.lambdaOneSe(), oneSe.model().lambda());
        assertTrue(cv.lambdaOneSe() >= cv.lambdaMin());
        assertTrue(cv.mean()[cv.indexOneSe()] <= cv.mean()[cv.indexMin()] + cv.standardError()[cv.indexMin()]);
        assertEquals(300, min.model().provenance().trainingSamples());
        assertTrue(min.model().provenance().trainingChecksum().matches("sha256:[0-9a-f]{64}"));
        assertEquals(5, min.model().provenance().seed());
        assertArrayEquals(min.path().coefficients(min.lambdaIndex()), min.model().coefficients());
    }

    @Test
    void sameSeedGivesTheSameModelBitForBit() {
        Cohort c = simulate(200, 0, new double[] {0.7, -0.5, 0.1}, 12);
        LogisticTrainer t = LogisticTrainer.withDefaults().withSeed(99);
        assertEquals(t.fit(c), t.fit(c));
        assertNotEquals(t.train(c).cvCurve().orElseThrow().mean()[10],
                t.withSeed(98).train(c).cvCurve().orElseThrow().mean()[10], "seeds should change the inner folds");
    }

    @Test
    void separableDataGivesFiniteCoefficientsUnderPenalty() {
        int n = 60;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i][0] = y[i] == 1 ? 1 + i * 0.01 : -1 - i * 0.01; // separates perfectly
            x[i][1] = Math.sin(i);
        }
        Cohort c = Fixtures.cohort(Fixtures.names(2), x, y);
        LogisticFit fit = LogisticTrainer.withDefaults().withFolds(5).train(c);
        LogisticPath path = fit.path();
        for (int k = 0; k < path.size(); k++) {
            for (double b : path.coefficients(k)) {
                assertTrue(Double.isFinite(b));
            }
            assertTrue(Double.isFinite(path.intercept(k)));
        }
        assertTrue(path.stopReason() != LogisticPath.StopReason.COMPLETE, path.toString());
        assertTrue(path.coefficients(path.size() - 1)[0] > 0);
        assertTrue(Double.isFinite(fit.model().coefficients()[0]));
    }

    @Test
    void constantAndAllZeroColumnsGetZeroCoefficients() {
        Cohort base = simulate(100, 0, new double[] {1, -1}, 4);
        FeatureTable f = base.features();
        double[][] x = new double[100][4];
        for (int i = 0; i < 100; i++) {
            x[i][0] = f.get(i, 0);
            x[i][1] = 0.0;
            x[i][2] = 3.5;
            x[i][3] = f.get(i, 1);
        }
        Cohort c = base.withFeatures(FeatureTable.of(f.sampleIds(), List.of("a", "zero", "const", "b"), x,
                AbundanceUnit.TRANSFORMED));
        LogisticPath path = LogisticTrainer.withDefaults().path(c);
        for (int k = 0; k < path.size(); k++) {
            double[] b = path.coefficients(k);
            assertEquals(0.0, b[1]);
            assertEquals(0.0, b[2]);
            assertFalse(Double.isNaN(b[0]) || Double.isNaN(b[3]) || Double.isNaN(path.intercept(k)));
        }
        assertTrue(path.coefficients(path.size() - 1)[0] != 0);
    }

    @Test
    void oneClassOnlyIsRejectedWithTheCounts() {
        Cohort c = Fixtures.cohort(Fixtures.names(2), new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticTrainer.withDefaults().fit(c));
        assertEquals("training needs both classes but there are 3 responders and 0 non-responders", e.getMessage());
    }

    @Test
    void tinyCohortFitsAndTooManyFoldsAreRejected() {
        Cohort c = Fixtures.cohort(Fixtures.names(2), new double[][] {{1, 0.3}, {2, 0.1}, {3, 0.9}, {4, 0.2}, {5, 0.5}},
                new int[] {0, 1, 0, 1, 1});
        LogisticFit fit = LogisticTrainer.withDefaults().withFolds(2).train(c);
        assertTrue(fit.path().converged());
        assertEquals(5, fit.model().provenance().trainingSamples());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticTrainer.withDefaults().train(c));
        assertTrue(e.getMessage().startsWith("10-fold cross-validation needs at least 10 samples of each class but"
                + " there are 3 responders and 2 non-responders"), e.getMessage());
        ResponseModel single = LogisticTrainer.withDefaults().withLambdas(new double[] {0.05}).fit(c);
        assertEquals(0.05, single.lambda());
    }

    @Test
    void nonFiniteInputIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.cohort(Fixtures.names(2), new double[][] {{1, Double.NaN}, {0, 1}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("feature 'f1' is not finite: NaN"), e.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> LogisticTrainer.withDefaults().withWeights(Map.of("s0", Double.NaN)));
        assertEquals("weight of sample 's0' must be finite and non-negative but is NaN", w.getMessage());
    }

    @Test
    void conflictingAndInvalidSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticTrainer.withDefaults().withLambdas(new double[] {1, 0.1}).withLambdaCount(20));
        assertEquals("withLambdas conflicts with withLambdaCount: give one or the other", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticTrainer.withDefaults().withAlpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> LogisticTrainer.withDefaults().withLowerLimit("x", 0.5));
        assertThrows(IllegalArgumentException.class, () -> LogisticTrainer.withDefaults().withLambdas(new double[] {1, 1}));
        Cohort c = simulate(50, 0, new double[] {1}, 1);
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> LogisticTrainer.withDefaults().withUnpenalized(java.util.Set.of("site9")).path(c));
        assertEquals("unpenalised features [site9] are not in the training table", u.getMessage());
    }

    @Test
    void nonConvergenceIsReportedAndStrictModeThrows() {
        Cohort c = simulate(200, 0, new double[] {1, -1, 0.5}, 8);
        LogisticTrainer t = LogisticTrainer.withDefaults().withMaxIterations(1).withTolerance(1e-14);
        LogisticPath path = t.path(c);
        assertFalse(path.converged());
        assertTrue(path.toString().contains("NOT CONVERGED"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.withStrictConvergence(true).path(c));
        assertTrue(e.getMessage().contains("did not converge at λ["), e.getMessage());
    }

    @Test
    void classBalancingEqualsExplicitBalancedWeights() {
        Cohort c = simulate(150, -1.2, new double[] {0.8, -0.4}, 21);
        int[] y = c.labels();
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        Map<String, Double> w = new HashMap<>();
        for (int i = 0; i < y.length; i++) {
            w.put(c.sampleIds().get(i), y[i] == 1 ? 150 / (2.0 * pos) : 150 / (2.0 * (150 - pos)));
        }
        LogisticPath a = LogisticTrainer.withDefaults().withClassBalancing(true).path(c);
        LogisticPath b = LogisticTrainer.withDefaults().withWeights(w).path(c);
        assertEquals(b.size(), a.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(b.coefficients(k), a.coefficients(k), 1e-12);
        }
    }

    /** p ≫ n: the path must stay cheap because each λ works on the strong/active set. */
    @Test
    void wideSparseDataFitsQuickly() {
        int n = 800;
        int p = 20_000;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77);
        double[] values = new double[n * p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (rng.nextDouble() < 0.05) {
                    values[i * p + j] = Math.log1p(rng.nextInt(200));
                }
            }
            double eta = 0.8 * values[i * p] - 0.8 * values[i * p + 1] + 0.5 * values[i * p + 2];
            y[i] = rng.nextDouble() < ResponseModel.sigmoid(eta - 0.2) ? 1 : 0;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("s" + i);
        }
        Cohort base = Fixtures.cohort(Fixtures.names(1), new double[n][1], y);
        Cohort c = base.withFeatures(FeatureTable.ofRowMajor(base.sampleIds(), Fixtures.names(p), values,
                AbundanceUnit.TRANSFORMED));
        long t0 = System.nanoTime();
        LogisticPath path = LogisticTrainer.withDefaults().path(c);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("800 x 20000 sparse path: %d λ in %.2f s (%s)%n", path.size(), seconds, path.stopReason());
        assertTrue(path.converged());
        assertTrue(seconds < 120, "took " + seconds + " s");
        double[] last = path.coefficients(path.size() - 1);
        assertTrue(last[0] > 0 && last[1] < 0, "the true signals enter with the right signs");
    }

    /** Inner folds on several threads: the same curve, λ and model bit for bit, and fold failures still surface. */
    @Test
    void parallelInnerFoldsGiveBitIdenticalResults() {
        Cohort c = simulate(400, -0.3, new double[] {0.8, -0.6, 0, 0.5, -0.9, 0}, 2026);
        LogisticTrainer t = LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(4);
        LogisticFit one = t.train(c);
        for (int threads : new int[] {2, 3, 16}) {
            LogisticFit many = t.withThreads(threads).train(c);
            CvCurve a = one.cvCurve().orElseThrow();
            CvCurve b = many.cvCurve().orElseThrow();
            assertArrayEquals(a.mean(), b.mean(), threads + " threads: CV mean");
            assertArrayEquals(a.standardError(), b.standardError(), threads + " threads: CV standard error");
            assertEquals(one.lambdaIndex(), many.lambdaIndex());
            assertEquals(one.model(), many.model());
        }
        LogisticTrainer failing = LogisticTrainer.withDefaults().withMaxIterations(1).withTolerance(1e-14)
                .withStrictConvergence(true).withThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.train(c));
        assertTrue(e.getMessage().contains("did not converge at λ["), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LogisticTrainer.withDefaults().withThreads(0));
        assertEquals("threads must be at least 1 but is 0", bad.getMessage());
    }
}
