package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gutsignal.cohort.Splitters;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R glmnet 4.1.6. Reference fits and data were produced by
 * src/test/resources/model/make_reference.R (glmnet thresh = 1e-14); this test needs no R.
 * Tolerance: 1e-5 relative, or 1e-6 absolute for near-zero values. Both programs solve the same
 * strictly convex problem to a tight tolerance, so remaining differences are convergence noise.
 */
class GlmnetAgreementTest {

    private static final double REL = 1e-5;
    private static final double ABS = 1e-6;
    private static final double TIGHT = 1e-14;

    /** Largest relative difference seen per fixture, printed for the report. */
    private static double compare(String label, LogisticPath path, Fixtures.Csv ref, List<String> features,
            boolean comparePathLength) {
        double[] lam = ref.doubles("lambda");
        double[] a0 = ref.doubles("intercept");
        if (comparePathLength) {
            assertEquals(lam.length, path.size(), label + ": path length (glmnet stopping rules)");
        }
        int m = Math.min(lam.length, path.size());
        double worst = 0;
        for (int k = 0; k < m; k++) {
            worst = Math.max(worst, check(label + " λ[" + k + "]", lam[k], path.lambda(k)));
            worst = Math.max(worst, check(label + " intercept[" + k + "]", a0[k], path.intercept(k)));
            double[] b = path.coefficients(k);
            for (int j = 0; j < features.size(); j++) {
                double rb = ref.doubles(features.get(j))[k];
                worst = Math.max(worst, check(label + " " + features.get(j) + "[" + k + "]", rb, b[j]));
            }
            assertTrue(path.diagnostics(k).converged(), label + " converged at " + k);
        }
        System.out.printf("glmnet agreement %-26s %3d λ, max relative diff %.3g%n", label, m, worst);
        return worst;
    }

    /** Asserts agreement; returns the relative difference (absolute if the reference is near 0). */
    private static double check(String what, double expected, double actual) {
        double diff = Math.abs(expected - actual);
        assertTrue(diff <= Math.max(REL * Math.abs(expected), ABS),
                () -> what + ": glmnet " + expected + " vs " + actual);
        return Math.abs(expected) > 1e-3 ? diff / Math.abs(expected) : diff;
    }

    @Test
    void moleculeProfileLassoAndElasticNetMatchGlmnet() throws IOException {
        Fixtures.Data d = new Fixtures.Data("mol.data.csv", List.of("fold"));
        for (String tag : List.of("a1", "a05")) {
            double alpha = tag.equals("a1") ? 1.0 : 0.5;
            LogisticTrainer t = LogisticTrainer.withDefaults().withAlpha(alpha).withTolerance(TIGHT);
            compare("mol " + tag + " default path", t.path(d.cohort), Fixtures.csv("mol_" + tag + "_path.ref.csv"),
                    d.features, true);
            LogisticTrainer u = t.withLambdas(new double[] {0.2, 0.08, 0.03, 0.01, 0.003, 0.001});
            compare("mol " + tag + " user λ", u.path(d.cohort), Fixtures.csv("mol_" + tag + "_user.ref.csv"),
                    d.features, true);
        }
    }

    /**
     * The reference folds are fitted at the full-data λ values and summarised by glmnet's own
     * cv.lognet/cvstats/getOptcv.glmnet (see make_reference.R: cv.glmnet itself fits each fold on
     * its own λ path and interpolates, which moves cvm by up to ~5e-4 and cvsd by up to ~1e-2 relative).
     */
    @Test
    void crossValidationCurveMatchesCvGlmnetOnTheSameFolds() throws IOException {
        Fixtures.Data d = new Fixtures.Data("mol.data.csv", List.of("fold"));
        Fixtures.Csv ref = Fixtures.csv("mol_a1_cv.ref.csv");
        LogisticTrainer t = LogisticTrainer.withDefaults().withTolerance(TIGHT);
        double[] folds = d.csv.doubles("fold");
        int[] foldId = new int[folds.length];
        for (int i = 0; i < folds.length; i++) {
            foldId[i] = (int) folds[i] - 1;
        }
        // the same folds as glmnet's foldid, fitted on the full path's λ values
        CvCurve cv = t.withInnerSplitter(Splitters.fromFoldIds(foldId)).train(d.cohort).cvCurve().orElseThrow();
        double[] cvm = ref.doubles("cvm");
        double[] cvsd = ref.doubles("cvsd");
        assertEquals(cvm.length, cv.lambdas().length);
        double worst = 0;
        for (int k = 0; k < cvm.length; k++) {
                        worst = Math.max(worst, check("cvm[" + k + "]", cvm[k], cv.mean()[k]));
                        worst = Math.max(worst, check("cvsd[" + k + "]", cvsd[k], cv.standardError()[k]));
        }
        int c = ref.col("is_min");
        int c1 = ref.col("is_1se");
        for (int k = 0; k < cvm.length; k++) {
            assertEquals(ref.rows().get(k)[c].equals("TRUE"), k == cv.indexMin(), "lambda.min at " + k);
            assertEquals(ref.rows().get(k)[c1].equals("TRUE"), k == cv.indexOneSe(), "lambda.1se at " + k);
        }
        System.out.printf("glmnet agreement %-26s %3d λ, max relative diff %.3g%n", "cv.glmnet curve", cvm.length,
                worst);
    }

    @Test
    void wideSparseCountsMatchGlmnet() throws IOException {
        Fixtures.Data d = new Fixtures.Data("wide.data.csv", List.of());
        LogisticTrainer t = LogisticTrainer.withDefaults().withTolerance(TIGHT);
        compare("wide p>n default path", t.path(d.cohort), Fixtures.csv("wide_a1_path.ref.csv"), d.features, true);
        compare("wide p>n user λ", t.withLambdas(new double[] {0.15, 0.1, 0.07, 0.05}).path(d.cohort),
                Fixtures.csv("wide_a1_user.ref.csv"), d.features, true);
    }

    @Test
    void weightsLimitsAndUnpenalisedColumnMatchGlmnet() throws IOException {
        Fixtures.Data d = new Fixtures.Data("constrained.data.csv", List.of("weight"));
        double[] w = d.csv.doubles("weight");
        Map<String, Double> weights = new HashMap<>();
        for (int i = 0; i < w.length; i++) {
            weights.put(d.cohort.sampleIds().get(i), w[i]);
        }
        LogisticTrainer t = LogisticTrainer.withDefaults().withAlpha(0.7).withTolerance(TIGHT).withWeights(weights)
                .withUnpenalized(Set.of("site2")).withLowerLimit("HMBPP", 0).withLowerLimit("INDOLE", 0)
                .withUpperLimit("LPS", 0);
        LogisticPath path = t.path(d.cohort);
        compare("weights+limits default path", path, Fixtures.csv("constrained_path.ref.csv"), d.features, true);
        compare("weights+limits user λ", t.withLambdas(new double[] {0.2, 0.08, 0.03, 0.01, 0.003, 0.001})
                .path(d.cohort), Fixtures.csv("constrained_user.ref.csv"), d.features, true);
        for (int k = 0; k < path.size(); k++) {
            double[] b = path.coefficients(k);
            assertTrue(b[0] >= 0 && b[1] <= 0 && b[3] >= 0, "limits hold at " + k);
        }
    }
}
