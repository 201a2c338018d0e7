package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.transform.MissingFeaturePolicy;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseModel#scoreWithCoverage} and the missing-feature rules, on a model small enough to
 * work out by hand: features a, b, c with β = (1, 1, 2), intercept −1 and training variances
 * (2, 1, 0.25), so that β_j² v_j = (2, 1, 1) of a total 4: b alone carries 1/4 of the
 * linear-predictor variance, a 1/2, a and b 3/4.
 */
class ScoringCoverageTest {

    private static final Provenance PROV = new Provenance("test", 10, "sha256:none", 1);
    private static final ResponseModel MODEL = ResponseModel.of(List.of("a", "b", "c"), new double[] {1, 1, 2}, -1,
            0.01, 1, PROV).withTrainingVariances(new double[] {2, 1, 0.25}).withInputUnit(AbundanceUnit.CPM);

    /**
     * Linear predictors with every feature: s1 −1 + 1 + 2 + 1 = 3, s2 −1, s3 −1 + 5 = 4, s4 −1 + 2 + 2 = 3;
     * without b (scored as 0): s1 1, s2 −1, s3 −1, s4 3. Over a and c, s2 and s3 sum to 0.
     */
    private static final FeatureTable TABLE = FeatureTable.of(List.of("s1", "s2", "s3", "s4"),
            List.of("c", "b", "a", "extra"),
            new double[][] {{0.5, 2, 1, 9}, {0, 0, 0, 9}, {0, 5, 0, 9}, {1, 0, 2, 9}}, AbundanceUnit.CPM);
    private static final FeatureTable WITHOUT_B = TABLE.selectFeatures(List.of("a", "c", "extra"));

    private static final String ERROR_ADVICE = " (give them, or score them as 0 with withMissingFeatures("
            + "MissingFeaturePolicy.fillZero(maxShare)).scoreWithCoverage(table), which reports the coverage)";

    private static double[] sigmoids(double... eta) {
        double[] p = new double[eta.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = ResponseModel.sigmoid(eta[i]);
        }
        return p;
    }

    @Test
    void aCompleteTableScoresAsScoreDoesWithFullCoverage() {
        Scores s = MODEL.scoreWithCoverage(TABLE);
        assertArrayEquals(sigmoids(3, -1, 4, 3), s.probabilities(), 0);
        assertArrayEquals(MODEL.score(TABLE), s.probabilities(), 0);
        assertEquals(List.of("s1", "s2", "s3", "s4"), s.sampleIds());
        assertEquals(ResponseModel.sigmoid(4), s.probability(2));
        Scores.Coverage c = s.coverage();
        assertEquals(List.of("a", "b", "c"), c.presentFeatures());
        assertEquals(List.of(), c.absentFeatures());
        assertEquals(0.0, c.absentVarianceShare());
        assertEquals(UnitCheck.Outcome.SAME, c.unitCheck().outcome());
        assertEquals(1, c.zeroTotalSamples()); // s2; s3 has b = 5
        assertEquals(List.of("s2"), c.zeroTotalSampleIds());
        assertEquals(MissingFeaturePolicy.ERROR, c.policy());
        // the probabilities are a copy
        s.probabilities()[0] = 7;
        assertEquals(ResponseModel.sigmoid(3), s.probability(0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.probability(4));
        assertEquals("Scores[4 samples, 3 of 3 input features present, absent-variance share 0.0]", s.toString());
    }

    @Test
    void byDefaultAMissingFeatureIsRefusedNamingItAndWhatToDo() {
        String expected = "the table lacks 1 of the 3 model input features: [b]" + ERROR_ADVICE;
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> MODEL.score(WITHOUT_B)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> MODEL.scoreWithCoverage(WITHOUT_B)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> MODEL.explain(WITHOUT_B, 0)).getMessage());
    }

    @Test
    void theRefusalListsTheFirstTenOfTwelveMissingFeatures() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 13; j++) {
            names.add("g" + j);
        }
        double[] ones = new double[13];
        java.util.Arrays.fill(ones, 1);
        ResponseModel wide = ResponseModel.of(names, ones, 0, 0, 1, PROV).withTrainingVariances(ones);
        FeatureTable onlyLast = FeatureTable.of(List.of("s"), List.of("g12"), new double[][] {{1}},
                AbundanceUnit.TRANSFORMED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wide.score(onlyLast));
        assertEquals("the table lacks 12 of the 13 model input features: [g0, g1, g2, g3, g4, g5, g6, g7, g8, g9]"
                + " and 2 more" + ERROR_ADVICE, e.getMessage());
        // 12 of 13 equal parts absent: 12/13 = 0.923
        e = assertThrows(IllegalArgumentException.class, () -> wide.withMissingFeatures(MissingFeaturePolicy.fillZero(0.9))
                .scoreWithCoverage(onlyLast));
        assertEquals("the table lacks 12 of the 13 model input features: [g0, g1, g2, g3, g4, g5, g6, g7, g8, g9]"
                + " and 2 more; they carry 0.923 of the model's linear-predictor variance, more than the policy's"
                + " maximum of 0.9: give them, or allow more with withMissingFeatures(MissingFeaturePolicy.fillZero(…))",
                e.getMessage());
    }

    @Test
    void fillZeroWithinTheLimitScoresAbsentFeaturesAsZeroAndReportsThem() {
        Scores s = MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.25)).scoreWithCoverage(WITHOUT_B);
        assertArrayEquals(sigmoids(1, -1, -1, 3), s.probabilities(), 0);
        Scores.Coverage c = s.coverage();
        assertEquals(List.of("a", "c"), c.presentFeatures());
        assertEquals(List.of("b"), c.absentFeatures());
        assertEquals(0.25, c.absentVarianceShare());
        assertEquals(2, c.zeroTotalSamples()); // s2, and s3 whose only non-zero feature is the absent b
        assertEquals(List.of("s2", "s3"), c.zeroTotalSampleIds());
        assertEquals(MissingFeaturePolicy.fillZero(0.25), c.policy());
        // a and b: 3/4; a alone: 1/2
        FeatureTable onlyC = TABLE.selectFeatures(List.of("c"));
        assertEquals(0.75, MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.75)).scoreWithCoverage(onlyC)
                .coverage().absentVarianceShare());
        assertArrayEquals(sigmoids(0, -1, -1, 1), MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.75))
                .scoreWithCoverage(onlyC).probabilities(), 0);
        assertEquals(0.5, MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.5))
                .scoreWithCoverage(TABLE.selectFeatures(List.of("b", "c"))).coverage().absentVarianceShare());
    }

    @Test
    void fillZeroBeyondTheLimitIsRefusedNamingBothShares() {
        ResponseModel strict = MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> strict.scoreWithCoverage(WITHOUT_B));
        assertEquals("the table lacks 1 of the 3 model input features: [b]; they carry 0.25 of the model's"
                + " linear-predictor variance, more than the policy's maximum of 0.2: give them, or allow more with"
                + " withMissingFeatures(MissingFeaturePolicy.fillZero(…))", e.getMessage());
        // a feature with coefficient 0 carries nothing: allowed even at a maximum of 0
        ResponseModel zeroB = ResponseModel.of(List.of("a", "b", "c"), new double[] {1, 0, 2}, -1, 0.01, 1, PROV)
                .withTrainingVariances(new double[] {2, 1, 0.25}).withMissingFeatures(MissingFeaturePolicy.fillZero(0));
        assertEquals(0.0, zeroB.scoreWithCoverage(WITHOUT_B).coverage().absentVarianceShare());
    }

    @Test
    void scoreAndExplainNeverFillEvenUnderFillZero() {
        ResponseModel lenient = MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.5));
        String expected = "the table lacks 1 of the 3 model input features: [b]; score, predict and explain never"
                + " fill missing features: scoreWithCoverage(table) fills them with 0 under this model's policy"
                + " fillZero(0.5) and reports the coverage";
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> lenient.score(WITHOUT_B)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> lenient.score(WITHOUT_B, new double[4])).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> lenient.explain(WITHOUT_B, 0)).getMessage());
    }

    @Test
    void aTableWithNoneOfTheFeaturesIsAlwaysRefused() {
        FeatureTable none = FeatureTable.of(List.of("s1"), List.of("x", "y", "z", "w"), new double[][] {{1, 2, 3, 4}},
                AbundanceUnit.CPM);
        String expected = "the table holds none of the 3 model input features [a, b, c] (its 4 features begin"
                + " [x, y, z]): every sample would get the same score, so it is not scored whatever the"
                + " missing-feature policy; check the feature names and the table";
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> MODEL.score(none)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> MODEL.scoreWithCoverage(none)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.999)).scoreWithCoverage(none))
                .getMessage());
    }

    @Test
    void fillingNeedsTheTrainingVariances() {
        ResponseModel old = ResponseModel.of(List.of("a", "b", "c"), new double[] {1, 1, 2}, -1, 0.01, 1, PROV)
                .withMissingFeatures(MissingFeaturePolicy.fillZero(0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> old.scoreWithCoverage(WITHOUT_B));
        assertEquals("the table lacks 1 of the 3 model input features: [b]; the model does not record its features'"
                + " training variances (a model file of format 1 to 3, or a model built by ResponseModel.of without"
                + " withTrainingVariances), so the share of its linear-predictor variance they carry is unknown and"
                + " they are not filled: give them, or state the variances with withTrainingVariances",
                e.getMessage());
        // nothing missing: the share is 0 without them
        Scores s = old.scoreWithCoverage(TABLE);
        assertEquals(0.0, s.coverage().absentVarianceShare());
        assertEquals(UnitCheck.Outcome.UNKNOWN, s.coverage().unitCheck().outcome());
    }

    @Test
    void theUnitCheckIsCarriedAndRefusedUnitsAreNotScored() {
        ResponseModel percent = MODEL.withInputUnit(AbundanceUnit.PERCENT);
        FeatureTable fraction = FeatureTable.of(List.of("s1"), List.of("a", "b", "c"),
                new double[][] {{0.01, 0.02, 0.005}}, AbundanceUnit.FRACTION);
        Scores s = percent.scoreWithCoverage(fraction);
        assertEquals(percent.unitCheck(fraction), s.coverage().unitCheck());
        assertEquals(UnitCheck.Outcome.CONVERTED, s.coverage().unitCheck().outcome());
        assertArrayEquals(percent.score(fraction), s.probabilities(), 0);
        assertEquals(ResponseModel.sigmoid(3), s.probability(0), 1e-15); // 1 + 2 + 2·0.5 − 1 after ×100
        FeatureTable rpk = FeatureTable.of(List.of("s1"), List.of("a", "b", "c"), new double[][] {{1, 2, 3}},
                AbundanceUnit.RPK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MODEL.scoreWithCoverage(rpk));
        assertEquals(MODEL.unitCheck(rpk).note(), e.getMessage());
    }

    @Test
    void zeroTotalSamplesAreCountedAndTheFirstTenListed() {
        List<String> ids = new ArrayList<>();
        double[][] rows = new double[13][];
        for (int i = 0; i < rows.length; i++) {
            ids.add("z" + i);
            rows[i] = i == 5 ? new double[] {0, 0, 1} : new double[3]; // z5 has c = 1
        }
        Scores s = MODEL.scoreWithCoverage(FeatureTable.of(ids, List.of("a", "b", "c"), rows, AbundanceUnit.CPM));
        assertEquals(12, s.coverage().zeroTotalSamples());
        assertEquals(List.of("z0", "z1", "z2", "z3", "z4", "z6", "z7", "z8", "z9", "z10"),
                s.coverage().zeroTotalSampleIds());
    }

    @Test
    void thePolicyStatesAMaximumBelowOne() {
        assertEquals("the maximum absent share is a fraction in [0, 1) but is 1.0; a table lacking every feature is"
                + " never scored", assertThrows(IllegalArgumentException.class,
                        () -> MissingFeaturePolicy.fillZero(1)).getMessage());
        assertEquals("the maximum absent share is a fraction in [0, 1) but is 20.0 (a percentage?); a table lacking"
                + " every feature is never scored", assertThrows(IllegalArgumentException.class,
                        () -> MissingFeaturePolicy.fillZero(20)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MissingFeaturePolicy.fillZero(-0.1));
        assertThrows(IllegalArgumentException.class, () -> MissingFeaturePolicy.fillZero(Double.NaN));
        assertEquals("fillZero(0.2)", MissingFeaturePolicy.fillZero(0.2).toString());
        assertEquals("ERROR", MissingFeaturePolicy.ERROR.toString());
        assertEquals(MissingFeaturePolicy.fillZero(0.2), MissingFeaturePolicy.fillZero(0.2));
        assertNotEquals(MissingFeaturePolicy.fillZero(0.2), MissingFeaturePolicy.fillZero(0.3));
        assertSame(MODEL, MODEL.withMissingFeatures(MissingFeaturePolicy.ERROR));
        ResponseModel lenient = MODEL.withMissingFeatures(MissingFeaturePolicy.fillZero(0.2));
        assertSame(lenient, lenient.withMissingFeatures(MissingFeaturePolicy.fillZero(0.2)));
        assertNotEquals(MODEL, lenient);
    }

    @Test
    void coverageChecksItsParts() {
        UnitCheck unit = MODEL.unitCheck(TABLE);
        assertThrows(IllegalArgumentException.class, () -> new Scores.Coverage(List.of(), List.of(), 1.5, unit, 0,
                List.of(), MissingFeaturePolicy.ERROR));
        assertThrows(IllegalArgumentException.class, () -> new Scores.Coverage(List.of(), List.of(), 0, unit, 2,
                List.of("s"), MissingFeaturePolicy.ERROR));
    }
}
