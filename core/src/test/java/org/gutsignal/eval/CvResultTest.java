package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.cohort.Split;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.model.Predictor;
import org.gutsignal.model.Provenance;
import org.gutsignal.model.ResponseModel;
import org.junit.jupiter.api.Test;

/** CvResult on a tiny cohort with a deterministic fake learner; expected values by hand in the comments. */
class CvResultTest {

    /** Scores a sample x + shift, shift = mean x of the training samples; "a" always selected, "b" if s0 was trained on. */
    record Shift(double shift, Map<String, Double> coefficients) implements Predictor {
        @Override
        public double[] predict(Cohort cohort) {
            double[] x = cohort.features().column(0);
            for (int i = 0; i < x.length; i++) {
                x[i] += shift;
            }
            return x;
        }
    }

    static final Learner<Shift> LEARNER = train -> {
        double[] x = train.features().column(0);
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        Map<String, Double> coefficients = new LinkedHashMap<>();
        coefficients.put("a", 0.5);
        coefficients.put("b", train.sampleIds().contains("s0") ? -1.0 : 0.0);
        coefficients.put("c", 0.0);
        return new Shift(sum / x.length, coefficients);
    };

    //  id  group y  x
    //  s0  A     1  4
    //  s1  A     0  1
    //  s2  A     1  2
    //  s3  A     0  3
    //  s4  B     1  8
    //  s5  B     0  5
    //  s6  B     1  7
    //  s7  B     0  6
    //  u   A     ?  0   (unknown response: dropped before splitting)
    static final Cohort COHORT = cohort(new double[] {4, 1, 2, 3, 8, 5, 7, 6, 0});

    static Cohort cohort(double[] x) {
        String[] ids = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "u"};
        Response[] r = {Response.RESPONDER, Response.NON_RESPONDER, Response.RESPONDER, Response.NON_RESPONDER,
            Response.RESPONDER, Response.NON_RESPONDER, Response.RESPONDER, Response.NON_RESPONDER, Response.UNKNOWN};
        double[][] rows = new double[ids.length][];
        SampleMetadata.Builder b = SampleMetadata.builder();
        for (int i = 0; i < ids.length; i++) {
            rows[i] = new double[] {x[i]};
            b.add(ids[i], r[i], i < 4 || i == 8 ? "A" : "B");
        }
        return Cohort.of(FeatureTable.of(List.of(ids), List.of("x"), rows, AbundanceUnit.TRANSFORMED), b.build());
    }

    @Test
    void leaveOneGroupOutStoresEachFoldsScoresAtItsSamples() {
        CvResult<Shift> cv = CrossValidation.of(Splitters.leaveOneGroupOut()).run(LEARNER, COHORT);
        assertEquals(List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"), cv.sampleIds());
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, 1, 0}, cv.labels());
        assertEquals(1, cv.repeatCount());
        // fold 0 holds out A, trains on B: shift (8+5+7+6)/4 = 6.5; fold 1 holds out B: shift (4+1+2+3)/4 = 2.5
        assertEquals(6.5, cv.predictors().get(0).shift());
        assertEquals(2.5, cv.predictors().get(1).shift());
        assertArrayEquals(new double[] {10.5, 7.5, 8.5, 9.5, 10.5, 7.5, 9.5, 8.5}, cv.outOfFold(0), 0.0);
        assertArrayEquals(cv.outOfFold(0), cv.meanOutOfFold(), 0.0);
    }

    @Test
    void foldGroupAndPooledAurocsDifferAsTheShiftsSay() {
        CvResult<Shift> cv = CrossValidation.of(Splitters.leaveOneGroupOut()).run(LEARNER, COHORT);
        // A: responders {10.5, 8.5} vs {7.5, 9.5}: 10.5 wins 2, 8.5 wins 1 of 2 -> 3/4
        // B: responders {10.5, 9.5} vs {7.5, 8.5}: all 4 pairs won -> 1
        assertEquals(0.75, cv.folds().get(0).auroc(), 0.0);
        assertEquals(4, cv.folds().get(0).tested());
        assertEquals(1.0, cv.folds().get(1).auroc(), 0.0);
        assertEquals(List.of("B"), cv.folds().get(1).split().heldOutGroups());
        Map<String, Auroc> byGroup = cv.aurocByGroup();
        assertEquals(List.of("A", "B"), List.copyOf(byGroup.keySet()));
        assertEquals(0.75, byGroup.get("A").value(), 0.0);
        assertEquals(1.0, byGroup.get("B").value(), 0.0);
        // pooled: responders {10.5, 8.5, 10.5, 9.5} vs {7.5, 9.5, 7.5, 8.5}:
        // 10.5 -> 4, 8.5 -> 2 + tie 1/2, 10.5 -> 4, 9.5 -> 3 + tie 1/2 = 14 of 16
        assertEquals(0.875, cv.auroc().value(), 0.0);
        assertArrayEquals(new double[] {0.875}, cv.aurocPerRepeat(), 0.0);
        assertEquals("CvResult[2 folds, 1 repeats, AUROC [0.875]]", cv.toString());
    }

    @Test
    void selectionFrequencyIsTheShareOfFoldsWithANonZeroCoefficient() {
        CvResult<Shift> cv = CrossValidation.of(Splitters.leaveOneGroupOut()).run(LEARNER, COHORT);
        // "b" is non-zero only in the fold trained on A (fold 1): 1 of 2
        Map<String, Double> freq = cv.selectionFrequency(Shift::coefficients);
        assertEquals(List.of("a", "b", "c"), List.copyOf(freq.keySet()));
        assertEquals(1.0, freq.get("a"));
        assertEquals(0.5, freq.get("b"));
        assertEquals(0.0, freq.get("c"));
        // a feature reported by one fold only still counts over all folds
        Map<String, Double> onlyInOne = cv.selectionFrequency(p -> p.shift() == 2.5 ? Map.of("d", 3.0) : Map.of());
        assertEquals(Map.of("d", 0.5), onlyInOne);
    }

    @Test
    void samplesAHoldoutNeverTestsAreNaNAndLeftOutOfTheAuroc() {
        CvResult<Shift> cv = CrossValidation.of(Splitters.groupHoldout("B")).run(LEARNER, COHORT);
        double[] oof = cv.outOfFold(0);
        for (int i = 0; i < 4; i++) {
            assertTrue(Double.isNaN(oof[i]), "s" + i + " is never tested");
            assertTrue(Double.isNaN(cv.meanOutOfFold()[i]));
        }
        // B shifted by 2.5: {10.5, 7.5, 9.5, 8.5}, responders 10.5 and 9.5 beat both non-responders
        assertArrayEquals(new double[] {10.5, 7.5, 9.5, 8.5}, java.util.Arrays.copyOfRange(oof, 4, 8), 0.0);
        assertEquals(1.0, cv.auroc().value(), 0.0);
        assertEquals(2, cv.auroc().positives());
        assertEquals(List.of("B"), List.copyOf(cv.aurocByGroup().keySet()), "A has no tested sample");
    }

    @Test
    void meanOutOfFoldAveragesEachSamplesScoreOverRepeats() {
        CvResult<Shift> cv = CrossValidation.of(Splitters.repeatedStratifiedKFold(2, 3, 17L)).run(LEARNER, COHORT);
        assertEquals(3, cv.repeatCount());
        assertEquals(6, cv.folds().size());
        double[] x = {4, 1, 2, 3, 8, 5, 7, 6};
        int[] y = {1, 0, 1, 0, 1, 0, 1, 0};
        double[][] expected = new double[3][8];
        for (Split s : cv.splits()) {
            // the fold's shift is the mean x of its 4 training samples (4 = 8 - 8/2)
            double shift = 0;
            for (int i : s.train()) {
                shift += x[i] / 4;
            }
            for (int i : s.test()) {
                expected[s.repeat()][i] = x[i] + shift;
            }
        }
        double[] mean = new double[8];
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(expected[r], cv.outOfFold(r), 1e-12, "repeat " + r);
            assertEquals(Auroc.of(expected[r], y).value(), cv.aurocPerRepeat()[r], 1e-12);
            for (int i = 0; i < 8; i++) {
                mean[i] += expected[r][i] / 3;
            }
        }
        assertArrayEquals(mean, cv.meanOutOfFold(), 1e-12);
        assertEquals(Auroc.of(mean, y).value(), cv.auroc().value(), 1e-12);
    }

    @Test
    void aFoldWithOneClassHasNaNAurocAndThePooledAurocNeedsBothClasses() {
        // relabelled so that group A holds responders only
        Cohort c = CrossValidation.relabel(COHORT.labelled(), new int[] {1, 1, 1, 1, 1, 0, 1, 0});
        CvResult<Shift> cv = CrossValidation.of(Splitters.groupHoldout("A")).run(LEARNER, c);
        assertTrue(Double.isNaN(cv.folds().get(0).auroc()));
        assertEquals("the tested samples hold 4 responders and 0 non-responders; an AUROC needs both",
                assertThrows(IllegalStateException.class, cv::auroc).getMessage());
        assertTrue(cv.aurocByGroup().isEmpty());
    }

    @Test
    void returnedArraysAndListsCannotChangeTheResult() {
        CvResult<Shift> cv = CrossValidation.of(Splitters.leaveOneGroupOut()).run(LEARNER, COHORT);
        cv.outOfFold(0)[0] = 99;
        cv.labels()[0] = 0;
        cv.meanOutOfFold()[0] = 99;
        assertEquals(10.5, cv.outOfFold(0)[0]);
        assertEquals(1, cv.labels()[0]);
        assertThrows(UnsupportedOperationException.class, () -> cv.folds().clear());
        assertThrows(UnsupportedOperationException.class, () -> cv.predictors().clear());
        assertThrows(UnsupportedOperationException.class, () -> cv.splits().clear());
    }

    /** Trained on A (so tested on B): selects nothing, intercept only; trained on B: coefficient 1 on x. */
    static final Learner<ResponseModel> SELECTS_ON_B_ONLY = train -> ResponseModel.of(List.of("x"),
            new double[] {train.sampleIds().contains("s0") ? 0.0 : 1.0}, -0.25, 0.1, 1.0,
            new Provenance("test", train.sampleIds().size(), "none", 1L));

    @Test
    void anInterceptOnlyFoldIsFlaggedAndItsGroupsConstantScoresAreDegenerateNotHalf() {
        CvResult<ResponseModel> cv = CrossValidation.of(Splitters.leaveOneGroupOut()).run(SELECTS_ON_B_ONLY, COHORT);
        CvResult.Fold testsA = cv.folds().get(0);
        CvResult.Fold testsB = cv.folds().get(1);
        assertEquals(0.75, testsA.auroc(), 0.0);
        assertTrue(!testsA.degenerate() && !testsA.interceptOnly() && !testsA.constantScores());
        assertTrue(testsB.interceptOnly() && testsB.constantScores() && testsB.degenerate());
        assertTrue(Double.isNaN(testsB.auroc()), "not the 0.5 of constant scores");
        assertEquals(List.of(testsB), cv.degenerateFolds());
        assertEquals(List.of(testsB), cv.interceptOnlyFolds(Set.of()));
        // x counted as an unpenalised covariate: neither fold selected a penalised feature
        assertEquals(List.of(testsA, testsB), cv.interceptOnlyFolds(Set.of("x")));
        Auroc b = cv.aurocByGroup().get("B");
        assertTrue(b.isDegenerate());
        assertTrue(Double.isNaN(b.ci95().lower()));
        assertEquals("a random-effects pool needs at least 2 groups with a usable AUROC but has 1 [A];"
                + " excluded: {B=degenerate (constant scores)}",
                assertThrows(IllegalArgumentException.class, cv::pooledByGroup).getMessage());
        // the concatenated AUROC is still available under both names
        assertEquals(cv.aurocConcatenated().value(), cv.auroc().value(), 0.0);
    }

    @Test
    void selectionFrequencyOfResponseModelsCountsNonZeroCoefficients() {
        CvResult<ResponseModel> cv = CrossValidation.of(Splitters.leaveOneGroupOut()).run(SELECTS_ON_B_ONLY, COHORT);
        assertEquals(Map.of("x", 0.5), CvResult.selectionFrequency(cv.predictors()));
        assertEquals("no models to count selections in",
                assertThrows(IllegalArgumentException.class, () -> CvResult.selectionFrequency(List.of())).getMessage());
    }
}
