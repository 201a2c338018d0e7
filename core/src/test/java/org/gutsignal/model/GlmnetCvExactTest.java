package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.gutsignal.cohort.Splitters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cv.glmnet-exact mode against R's {@code cv.glmnet} itself (glmnet 4.1.6, thresh 1e-14,
 * the same {@code foldid}): the curve, λ.min and λ.1se. References from
 * src/test/resources/model/make_cv_exact_reference.R; this test needs no R.
 */
class GlmnetCvExactTest {

    /** Relative agreement of cvm and cvsd (absolute below 1e-3). */
    private static final double TOLERANCE = 1e-10;

    @ParameterizedTest
    @CsvSource({
        "mol.data.csv, fold, , 1.0, mol_a1_cvexact.ref.csv",
        "mol.data.csv, fold, , 0.5, mol_a05_cvexact.ref.csv",
        "wide.data.csv, , wide_folds.csv, 1.0, wide_a1_cvexact.ref.csv",
    })
    void curveAndChosenLambdasMatchCvGlmnet(String data, String foldColumn, String foldFile, double alpha,
            String reference) throws IOException {
        Fixtures.Data d = new Fixtures.Data(data, foldColumn == null ? List.of() : List.of(foldColumn));
        double[] folds = foldColumn != null ? d.csv.doubles(foldColumn) : Fixtures.csv(foldFile).doubles("fold");
        int[] foldId = new int[folds.length];
        for (int i = 0; i < folds.length; i++) {
            foldId[i] = (int) folds[i] - 1;
        }
        LogisticTrainer t = LogisticTrainer.withDefaults().withAlpha(alpha).withTolerance(1e-14)
                .withInnerSplitter(Splitters.fromFoldIds(foldId)).withCvGlmnetExact(true);
        CvCurve cv = t.train(d.cohort).cvCurve().orElseThrow();
        Fixtures.Csv ref = Fixtures.csv(reference);
        double[] lambda = ref.doubles("lambda");
        double[] cvm = ref.doubles("cvm");
        double[] cvsd = ref.doubles("cvsd");
        assertEquals(lambda.length, cv.lambdas().length, "path length");
        double worst = 0;
        for (int k = 0; k < cvm.length; k++) {
            worst = Math.max(worst, check("λ[" + k + "]", lambda[k], cv.lambdas()[k]));
            worst = Math.max(worst, check("cvm[" + k + "]", cvm[k], cv.mean()[k]));
            worst = Math.max(worst, check("cvsd[" + k + "]", cvsd[k], cv.standardError()[k]));
        }
        int min = ref.col("is_min");
        int oneSe = ref.col("is_1se");
        for (int k = 0; k < cvm.length; k++) {
            assertEquals(ref.rows().get(k)[min].equals("TRUE"), k == cv.indexMin(), "lambda.min at " + k);
            assertEquals(ref.rows().get(k)[oneSe].equals("TRUE"), k == cv.indexOneSe(), "lambda.1se at " + k);
        }
        System.out.printf("cv.glmnet-exact %-24s %3d λ, max relative diff %.3g%n", reference, cvm.length, worst);
    }

    private static double check(String what, double expected, double actual) {
        double diff = Math.abs(expected - actual);
        double scale = Math.max(Math.abs(expected), 1e-3);
        assertTrue(diff <= TOLERANCE * scale, () -> what + ": cv.glmnet " + expected + " vs " + actual);
        return diff / scale;
    }
}
