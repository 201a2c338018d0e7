package org.gutsignal.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;

class FittedPreprocessingTest {

    static final Preprocessing FULL = Preprocessing.none()
            .then(Transform.prevalenceFilter(0, 0.6))
            .then(Transform.totalSumScaling())
            .then(Transform.log10HalfMinPositive())
            .then(Transform.standardize());

    @Test
    void applyingUsesTrainingParametersOnlyWhateverTheOtherSamples() {
        FittedPreprocessing fitted = FULL.fit(TransformReferenceTest.train());
        FeatureTable alone = fitted.apply(TransformReferenceTest.test());
        double[][] withOutlier = {TransformReferenceTest.TEST[0], TransformReferenceTest.TEST[1],
            {1000, 0, 0, 0, 5000}};
        FeatureTable bigger = fitted.apply(FeatureTable.of(List.of("t1", "t2", "outlier"),
                TransformReferenceTest.F, withOutlier, AbundanceUnit.FRACTION));
        assertArrayEquals(alone.row(0), bigger.row(0), 0.0);
        assertArrayEquals(alone.row(1), bigger.row(1), 0.0);
        // refitting on the same training data gives the same steps
        assertEquals(fitted.steps(), FULL.fit(TransformReferenceTest.train()).steps());
    }

    @Test
    void singleSampleEqualsWholeTableRowBitForBit() {
        FittedPreprocessing fitted = FULL.fit(TransformReferenceTest.train());
        FeatureTable whole = fitted.apply(TransformReferenceTest.test());
        for (int i = 0; i < 2; i++) {
            FeatureTable one = fitted.apply(TransformReferenceTest.test().selectSampleIndices(new int[] {i}));
            assertArrayEquals(whole.row(i), one.row(0), 0.0);
            double[] out = new double[fitted.outputFeatures().size()];
            fitted.applyRow(TransformReferenceTest.TEST[i], out);
            assertArrayEquals(whole.row(i), out, 0.0);
        }
    }

    @Test
    void extraFeaturesAreIgnoredAndOrderDoesNotMatter() {
        FittedPreprocessing fitted = FULL.fit(TransformReferenceTest.train());
        FeatureTable shuffled = TransformReferenceTest.test().selectFeatures(List.of("f5", "f3", "f1", "f4", "f2"));
        List<String> names = new ArrayList<>(shuffled.featureNames());
        names.add("extra");
        double[][] rows = new double[2][];
        for (int i = 0; i < 2; i++) {
            rows[i] = java.util.Arrays.copyOf(shuffled.row(i), 6);
            rows[i][5] = 42;
        }
        FeatureTable withExtra = FeatureTable.of(shuffled.sampleIds(), names, rows, AbundanceUnit.FRACTION);
        assertEquals(fitted.apply(TransformReferenceTest.test()), fitted.apply(withExtra));
    }

    @Test
    void missingFeaturesAreAnErrorByDefault() {
        FittedPreprocessing fitted = FULL.fit(TransformReferenceTest.train());
        FeatureTable lacking = TransformReferenceTest.test().selectFeatures(List.of("f1", "f3", "f4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.apply(lacking));
        assertEquals("the table lacks 2 of the 5 features the preprocessing was fitted on: [f2, f5]"
                + " (use MissingFeaturePolicy.fillZero(maxShare) to fill them with 0 if at most that share of the"
                + " features is absent)", e.getMessage());
    }

    @Test
    void missingFeatureListIsCappedAtTen() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 12; j++) {
            names.add("g" + j);
        }
        double[][] rows = new double[3][12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 12; j++) {
                rows[i][j] = i + j;
            }
        }
        FittedPreprocessing fitted = Preprocessing.of(Transform.standardize())
                .fit(FeatureTable.of(List.of("a", "b", "c"), names, rows, AbundanceUnit.COUNTS));
        FeatureTable none = FeatureTable.of(List.of("x"), List.of("other"), new double[][] {{1}}, AbundanceUnit.COUNTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.apply(none));
        assertEquals("the table lacks 12 of the 12 features the preprocessing was fitted on:"
                + " [g0, g1, g2, g3, g4, g5, g6, g7, g8, g9] and 2 more; every sample would be transformed alike,"
                + " so a table lacking all of them is refused whatever the policy", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fitted.apply(none, MissingFeaturePolicy.fillZero(0.99)));
        assertTrue(e.getMessage().endsWith("refused whatever the policy"), e.getMessage());
    }

    @Test
    void fillZeroFillsAndReports() {
        FittedPreprocessing fitted = Preprocessing.of(Transform.log10(1e-5)).fit(TransformReferenceTest.train());
        FeatureTable lacking = TransformReferenceTest.test().selectFeatures(List.of("f1", "f3", "f4"));
        // 2 of 5 absent: a share of 0.4 by count
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitted.apply(lacking, MissingFeaturePolicy.fillZero(0.39)));
        assertEquals("the table lacks 2 of the 5 features the preprocessing was fitted on: [f2, f5]; that is 0.4 of"
                + " the features, more than the policy's maximum of 0.39", e.getMessage());
        FittedPreprocessing.Applied applied = fitted.apply(lacking, MissingFeaturePolicy.fillZero(0.4));
        assertEquals(List.of("f2", "f5"), applied.filledFeatures());
        assertEquals(TransformReferenceTest.F, applied.table().featureNames());
        // log10(0 + 1e-5) = -5 for the filled features
        assertEquals(-5.0, applied.table().get(0, 1), 1e-12);
        assertEquals(-5.0, applied.table().get(1, 4), 1e-12);
        assertEquals(TransformReferenceTest.LOG10_TEST[0][0], applied.table().get(0, 0), 1e-12);
    }

    @Test
    void rebuildFromPlainDataIsBitIdentical() {
        assertRebuildIsBitIdentical(FULL.fit(TransformReferenceTest.train()));
        assertRebuildIsBitIdentical(Preprocessing.of(Transform.abundanceFilter(Transform.Statistic.MAX, 0.1),
                Transform.siamcatLogStd(1e-6, 0.1)).fit(TransformReferenceTest.train()));
        assertRebuildIsBitIdentical(Preprocessing.of(Transform.nearZeroVariance(19, 10), Transform.clrHalfMinPositive(),
                Transform.standardize()).fit(TransformReferenceTest.train()));
    }

    @Test
    void siamcatOnNegativeValuesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.of(
                Transform.standardize(), Transform.siamcatLogStd(1e-6, 0.1)).fit(TransformReferenceTest.train()));
        assertEquals("SIAMCAT_LOG_STD: training sample 1 has -0.2390457218668786 for feature 'f3'; SIAMCAT refuses"
                + " to take logarithms of negative data", e.getMessage());
    }

    private static void assertRebuildIsBitIdentical(FittedPreprocessing fitted) {
        List<FittedStep> copied = new ArrayList<>();
        for (FittedStep s : fitted.steps()) {
            copied.add(FittedStep.of(s.kind(), new ArrayList<>(s.inputFeatures()), new ArrayList<>(s.outputFeatures()),
                    s.parameters()));
        }
        FittedPreprocessing rebuilt = FittedPreprocessing.of(new ArrayList<>(fitted.inputFeatures()), copied);
        assertEquals(fitted.steps(), rebuilt.steps());
        assertEquals(fitted.apply(TransformReferenceTest.test()), rebuilt.apply(TransformReferenceTest.test()));
        assertEquals(fitted.apply(TransformReferenceTest.train()), rebuilt.apply(TransformReferenceTest.train()));
    }

    @Test
    void rebuildRejectsStepsThatDoNotChain() {
        FittedStep log = FittedStep.of(StepKind.LOG10, List.of("a", "b"), List.of("a", "b"), new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FittedPreprocessing.of(List.of("a", "c"), List.of(log)));
        assertTrue(e.getMessage().contains("reads [a, b] but the previous step writes [a, c]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FittedStep.of(StepKind.STANDARDIZE, List.of("a"), List.of("a"), new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> FittedStep.of(StepKind.PREVALENCE_FILTER, List.of("a", "b"), List.of("b", "a"), new double[2]));
    }

    @Test
    void applyRowChecksLengthsAndNonFiniteResults() {
        FittedPreprocessing fitted = Preprocessing.of(Transform.ln(1)).fit(TransformReferenceTest.train());
        assertThrows(IllegalArgumentException.class, () -> fitted.applyRow(new double[4], new double[5]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitted.applyRow(new double[] {0, -2, 0, 0, 0}, new double[5]));
        assertTrue(e.getMessage().startsWith("LN gives NaN for feature 'f2'"), e.getMessage());
    }

    @Test
    void noStepsIsTheIdentityKeepingTheUnit() {
        FittedPreprocessing fitted = Preprocessing.none().fit(TransformReferenceTest.train());
        assertEquals(TransformReferenceTest.test(), fitted.apply(TransformReferenceTest.test()));
    }

    @Test
    void applyRowDoesNotAllocateAfterWarmUp() {
        assertApplyRowDoesNotAllocate(FULL.fit(TransformReferenceTest.train()), TransformReferenceTest.TEST[0]);
    }

    /** Asserts that 100,000 {@code applyRow} calls after 20,000 warm-up calls allocate under 10 kB. */
    static void assertApplyRowDoesNotAllocate(FittedPreprocessing fitted, double[] raw) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        double[] out = new double[fitted.outputFeatures().size()];
        for (int k = 0; k < 20_000; k++) {
            fitted.applyRow(raw, out);
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int k = 0; k < 100_000; k++) {
            fitted.applyRow(raw, out);
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 10_000, allocated + " bytes allocated by 100000 applyRow calls");
    }
}
