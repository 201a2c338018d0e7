package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.transform.MissingFeaturePolicy;
import org.junit.jupiter.api.Test;

class ResponseModelTest {

    private static final Provenance PROV = new Provenance("test", 3, "sha256:none", 1);
    private static final ResponseModel MODEL = ResponseModel.of(List.of("HMBPP", "LPS", "TMA"),
            new double[] {0.5, -2.0, 0.25}, -1.0, 0.01, 1.0, PROV);

    /** Table with the model's features in another order plus an extra one. */
    private static final FeatureTable TABLE = FeatureTable.of(List.of("a", "b"), List.of("TMA", "extra", "LPS", "HMBPP"),
            new double[][] {{4, 100, 0.5, 2}, {0, -7, 1, 0}}, AbundanceUnit.TRANSFORMED);

    @Test
    void scoresByNameAsTheLogisticOfTheLinearPredictor() {
        // a: -1 + 0.5*2 - 2*0.5 + 0.25*4 = 0  → 0.5;  b: -1 - 2 = -3 → 1/(1+e^3)
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(3))}, MODEL.score(TABLE), 1e-15);
        double[] out = new double[5];
        java.util.Arrays.fill(out, 9);
        MODEL.score(TABLE, out);
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(3)), 9, 9, 9}, out, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MODEL.score(TABLE, new double[1]));
    }

    @Test
    void missingFeaturesFailListingThemOrScoreAsZeroWithCoverage() {
        FeatureTable partial = TABLE.selectFeatures(List.of("LPS"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MODEL.score(partial));
        assertEquals("the table lacks 2 of the 3 model input features: [HMBPP, TMA] (give them, or score them as 0"
                + " with withMissingFeatures(MissingFeaturePolicy.fillZero(maxShare)).scoreWithCoverage(table), which"
                + " reports the coverage)", e.getMessage());
        // β² Var = 0.25·1, 4·1, 0.0625·1: HMBPP and TMA carry 0.3125 / 4.3125 = 5/69 = 0.0725
        ResponseModel zero = MODEL.withTrainingVariances(new double[] {1, 1, 1})
                .withMissingFeatures(MissingFeaturePolicy.fillZero(0.08));
        assertEquals(List.of("HMBPP", "TMA"), zero.missingFeatures(partial));
        Scores s = zero.scoreWithCoverage(partial);
        assertArrayEquals(new double[] {ResponseModel.sigmoid(-2), ResponseModel.sigmoid(-3)}, s.probabilities(), 0);
        assertEquals(5.0 / 69, s.coverage().absentVarianceShare(), 1e-16);
    }

    @Test
    void sigmoidIsStableAtExtremes() {
        assertEquals(1.0, ResponseModel.sigmoid(1000));
        assertEquals(0.0, ResponseModel.sigmoid(-1000));
        assertEquals(Math.exp(-700), ResponseModel.sigmoid(-700), 1e-310);
        assertEquals(0.5, ResponseModel.sigmoid(0));
        assertEquals(1.0, ResponseModel.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, ResponseModel.sigmoid(Double.NEGATIVE_INFINITY));
    }

    @Test
    void explanationSortsContributionsAndAddsUpToTheScore() {
        Explanation x = MODEL.explain(TABLE, 1);
        assertEquals("b", x.sampleId());
        assertEquals(List.of("LPS", "HMBPP", "TMA"), x.contributions().stream().map(Explanation.Contribution::feature)
                .toList());
        assertEquals(-2.0, x.contributions().get(0).contribution());
        assertEquals(-3.0, x.linearPredictor());
        assertEquals(MODEL.score(TABLE)[1], x.probability(), 0.0);
        Explanation a = MODEL.explain(TABLE, 0);
        assertEquals(List.of("HMBPP", "LPS", "TMA"), a.contributions().stream().map(Explanation.Contribution::feature)
                .toList()); // |1.0|, |-1.0|, |1.0|: ties keep model order
        assertThrows(IndexOutOfBoundsException.class, () -> MODEL.explain(TABLE, 2));
    }

    @Test
    void invalidPartsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ResponseModel.of(List.of("a", "a"), new double[] {1, 2}, 0, 0, 1, PROV));
        assertThrows(IllegalArgumentException.class,
                () -> ResponseModel.of(List.of("a"), new double[] {Double.NaN}, 0, 0, 1, PROV));
        assertThrows(IllegalArgumentException.class, () -> ResponseModel.of(List.of("a"), new double[] {1, 2}, 0, 0, 1,
                PROV));
    }
}
