package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.model.Predictor;
import org.junit.jupiter.api.Test;

/** What CrossValidation promises besides leak-freedom (covered on real data by CrossValidationTest). */
class CrossValidationContractTest {

    private static final Cohort COHORT = CvResultTest.COHORT;

    @Test
    void aPredictorMustReturnOneFiniteScorePerTestSample() {
        Learner<Predictor> tooFew = train -> test -> new double[] {0.5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.of(Splitters.leaveOneGroupOut()).run(tooFew, COHORT));
        assertEquals("fold Split[repeat 0, fold 0, train 4, test 4, held out [A]]: the predictor returned 1 scores"
                + " for 4 test samples", e.getMessage());
        Learner<Predictor> nan = train -> test -> {
            double[] s = test.features().column(0);
            s[2] = Double.NaN;
            return s;
        };
        assertEquals("fold Split[repeat 0, fold 0, train 4, test 4, held out [B]]: the predictor returned NaN for"
                + " sample 's6'", assertThrows(IllegalArgumentException.class,
                        () -> CrossValidation.of(Splitters.groupHoldout("B")).run(nan, COHORT)).getMessage());
    }

    @Test
    void theLearnersOwnExceptionArrivesUnwrappedAlsoFromParallelFolds() {
        IllegalStateException boom = new IllegalStateException("boom");
        Learner<Predictor> failing = train -> {
            throw boom;
        };
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> CrossValidation.of(Splitters.stratifiedKFold(2, 1L)).run(failing, COHORT)));
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> CrossValidation.of(Splitters.stratifiedKFold(2, 1L)).withThreads(2).run(failing, COHORT)));
    }

    @Test
    void splitterErrorsAndBadSettingsAreReported() {
        assertEquals("cannot make 5 stratified folds: the smallest class has 4 samples (4 positives, 4 negatives);"
                + " use k <= 4", assertThrows(IllegalArgumentException.class,
                        () -> CrossValidation.of(Splitters.stratifiedKFold(5, 1L)).run(CvResultTest.LEARNER, COHORT))
                .getMessage());
        assertEquals("threads must be at least 1 but is 0", assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.of(Splitters.leaveOneGroupOut()).withThreads(0)).getMessage());
        assertEquals("splitter", assertThrows(NullPointerException.class, () -> CrossValidation.of(null))
                .getMessage());
    }

    @Test
    void unknownResponsesNeverReachTheLearnerAndEveryFoldIsReported() {
        List<String> trained = Collections.synchronizedList(new ArrayList<>());
        List<String> progress = new ArrayList<>();
        Learner<Predictor> spy = train -> {
            trained.addAll(train.sampleIds());
            return test -> test.features().column(0);
        };
        CrossValidation.of(Splitters.repeatedStratifiedKFold(2, 2, 3L))
                .withListener((done, total, split) -> progress.add(done + "/" + total + " r" + split.repeat()))
                .run(spy, COHORT);
        assertEquals(16, trained.size(), "2 repeats x 2 folds x 4 training samples");
        assertEquals(false, trained.contains("u"));
        assertEquals(List.of("1/4 r0", "2/4 r0", "3/4 r1", "4/4 r1"), progress);
    }

    @Test
    void relabelKeepsSamplesGroupsAndCovariates() {
        Map<String, String> cov = new LinkedHashMap<>();
        cov.put("age", "61");
        SampleMetadata m = SampleMetadata.builder().add("a", Response.RESPONDER, "G1", cov)
                .add("b", Response.NON_RESPONDER, "G2", Map.of("age", "NA")).build();
        Cohort c = Cohort.of(FeatureTable.of(List.of("a", "b"), List.of("x"), new double[][] {{1}, {2}},
                AbundanceUnit.COUNTS), m);
        Cohort flipped = CrossValidation.relabel(c, new int[] {0, 1});
        assertArrayEquals(new int[] {0, 1}, flipped.labels());
        assertEquals(List.of("G1", "G2"), flipped.metadata().groups());
        assertEquals(List.of("61", "NA"), flipped.metadata().covariate("age"));
        assertSame(c.features(), flipped.features());
    }
}
