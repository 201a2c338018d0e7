package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;

/**
 * Each path of the scoring plan (select-only, a single logarithm, the general gather) gives the
 * linear predictor {@code b + Σ β_j z_j} of the preprocessed sample, z computed by the
 * preprocessing's own {@code apply}.
 */
class ScoringPlanTest {

    private static final FeatureTable TRAIN = FeatureTable.of(List.of("a", "b", "c", "d", "e", "f", "g"),
            List.of("HMBPP", "LPS", "TMA"),
            new double[][] {{1, 20, 0}, {3, 4, 5}, {5, 60, 1}, {7, 8, 0}, {9, 1, 2}, {0, 3, 3}, {2, 2, 9}},
            AbundanceUnit.CPM);
    /** The table to score: another feature order, an extra feature, samples not seen in training. */
    private static final FeatureTable NEW = FeatureTable.of(List.of("x", "y", "z", "u", "v"),
            List.of("TMA", "extra", "LPS", "HMBPP"),
            new double[][] {{4, 1, 2, 3}, {0, 1, 9, 1}, {7, 1, 1, 0}, {2, 1, 5, 8}, {1, 1, 1, 1}}, AbundanceUnit.CPM);
    private static final double[] BETA = {0.8, -0.5, 0.25};
    private static final double B0 = -0.3;

    private static void agreesWithApplyThenDot(Preprocessing prep) {
        FittedPreprocessing fitted = prep.fit(TRAIN);
        double[] beta = java.util.Arrays.copyOf(BETA, fitted.outputFeatures().size());
        FeatureTable z = fitted.apply(NEW);
        double[] eta = new double[NEW.sampleCount()];
        new ScoringPlan(fitted, beta, B0).linearPredictors(NEW, 0, NEW.sampleCount(), eta);
        for (int i = 0; i < NEW.sampleCount(); i++) {
            double expected = B0;
            for (int j = 0; j < beta.length; j++) {
                expected += beta[j] * z.get(i, j);
            }
            assertEquals(expected, eta[i], 1e-12, prep + " sample " + i);
        }
    }

    @Test
    void selectOnlyPathFoldsTheStandardisation() {
        agreesWithApplyThenDot(Preprocessing.of(Transform.standardize()));
        agreesWithApplyThenDot(Preprocessing.none());
        agreesWithApplyThenDot(Preprocessing.of(Transform.prevalenceFilter(0, 0.9), Transform.standardize()));
    }

    @Test
    void singleLogarithmPath() {
        agreesWithApplyThenDot(Preprocessing.of(Transform.ln(1.0), Transform.standardize()));
        agreesWithApplyThenDot(Preprocessing.of(Transform.log10(0.5)));
    }

    @Test
    void generalPath() {
        agreesWithApplyThenDot(Preprocessing.of(Transform.clr(1.0), Transform.standardize()));
        agreesWithApplyThenDot(Preprocessing.of(Transform.totalSumScaling(), Transform.log10(1e-5)));
        agreesWithApplyThenDot(Preprocessing.of(Transform.siamcatLogStd(1e-5, 0.1)));
    }

    @Test
    void aMissingRawFeatureCountsAsZero() {
        FittedPreprocessing fitted = Preprocessing.of(Transform.ln(1.0)).fit(TRAIN);
        FeatureTable lacksTma = NEW.selectFeatures(List.of("LPS", "HMBPP"));
        double[] eta = new double[lacksTma.sampleCount()];
        new ScoringPlan(fitted, BETA, B0).linearPredictors(lacksTma, 0, lacksTma.sampleCount(), eta);
        // ln(0 + 1) = 0: TMA adds nothing
        assertEquals(B0 + 0.8 * Math.log(1 + 3) - 0.5 * Math.log(1 + 2), eta[0], 1e-15);
    }
}
