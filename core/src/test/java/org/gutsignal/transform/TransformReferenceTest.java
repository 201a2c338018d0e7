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

/**
 * Every transform against values computed independently with numpy by
 * {@code src/test/resources/transform/make_reference.py} (output pasted below, unedited).
 */
class TransformReferenceTest {

    // ---- output of make_reference.py ----
    static final double[][] TSS_TEST = {
        {0.09900990099009901, 0.39603960396039606, 0.0, 0.49504950495049505, 0.009900990099009901},
        {0.0, 0.0, 0.8823529411764706, 0.09803921568627451, 0.0196078431372549}};
    static final double[][] LOG10_TEST = {
        {-0.9999565727231373, -0.39792915144570473, -5.0, -0.3010213098612009, -1.9995659225206814},
        {-5.0, -5.0, -0.045752665093239865, -0.9999565727231373, -1.6987529113637887}};
    static final double[] LN_HALFMIN_PSEUDOCOUNT = {0.005};
    static final double[][] LN_HALFMIN_TEST = {
        {-2.2537949288246137, -0.9038682118755978, -5.298317366548036, -0.6831968497067772, -4.199705077879927},
        {-5.298317366548036, -5.298317366548036, -0.0998203352822109, -2.2537949288246137, -3.6888794541139363}};
    static final double[][] CLR_TEST = {
        {1.7033097343193968, 3.0895291001264593, -7.50713063265712, 3.3126676515531663, -0.5983758533418992},
        {-5.643883752384407, -5.643883752384407, 5.7636923079773785, 3.5665566145921095, 1.9575185821993268}};
    static final double[] STD_CENTRE = {0.22000000000000003, 0.22999999999999998, 0.27999999999999997, 0.27, 0.01};
    static final double[] STD_SCALE = {0.19235384061671343, 0.23874672772626643, 0.3346640106136302, 0.38987177379235854, 1.0};
    static final double[][] STD_TEST = {
        {-0.6238502938920438, 0.7120516440958825, -0.8366600265340755, 0.5899375524489636, 0.0},
        {-1.1437255388020802, -0.9633639890708996, 1.8526043444683105, -0.4360407996361905, 0.01}};
    // prevalence > 0 per feature: [0.8, 0.8, 0.6, 0.4, 1.0] -> kept ['f1', 'f2', 'f3', 'f5']
    // max per feature: [0.5, 0.6, 0.8, 0.85, 0.01] -> max >= 0.5 kept ['f1', 'f2', 'f3', 'f4']
    // mean per feature: [0.22000000000000003, 0.22999999999999998, 0.27999999999999997, 0.27, 0.01] -> mean >= 0.25 kept ['f3', 'f4']
    static final double[][] PIPELINE_TEST = {
        {0.2560574108942766, 0.5845561131333562, -1.0915601832675483, 0.0},
        {-1.7737437920795451, -1.7527082989382463, 0.8669266155837424, 0.30081301115689274}};
    // caret nzv (n=20) per column: [False, False, True, False]
    // caret nzv (n=40, 39 zeros + one 1): True
    // ---- end of output ----

    static final List<String> F = List.of("f1", "f2", "f3", "f4", "f5");
    static final double[][] TRAIN = {
        {0.5, 0.3, 0.2, 0.0, 0.01},
        {0.2, 0.0, 0.8, 0.0, 0.01},
        {0.0, 0.6, 0.4, 0.0, 0.01},
        {0.3, 0.2, 0.0, 0.5, 0.01},
        {0.1, 0.05, 0.0, 0.85, 0.01}};
    static final double[][] TEST = {
        {0.1, 0.4, 0.0, 0.5, 0.01},
        {0.0, 0.0, 0.9, 0.1, 0.02}};
    static final double TOL = 1e-12;

    static FeatureTable train() {
        return FeatureTable.of(List.of("a", "b", "c", "d", "e"), F, TRAIN, AbundanceUnit.FRACTION);
    }

    static FeatureTable test() {
        return FeatureTable.of(List.of("t1", "t2"), F, TEST, AbundanceUnit.FRACTION);
    }

    static void assertTable(double[][] expected, FeatureTable actual) {
        assertEquals(expected.length, actual.sampleCount());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual.row(i), TOL, "row " + i);
        }
    }

    static FeatureTable fitApply(Transform t) {
        return Preprocessing.of(t).fit(train()).apply(test());
    }

    @Test
    void totalSumScaling() {
        FeatureTable out = fitApply(Transform.totalSumScaling());
        assertTable(TSS_TEST, out);
        assertEquals(AbundanceUnit.FRACTION, out.unit());
    }

    @Test
    void log10FixedPseudocount() {
        FeatureTable out = fitApply(Transform.log10(1e-5));
        assertTable(LOG10_TEST, out);
        assertEquals(AbundanceUnit.TRANSFORMED, out.unit());
    }

    @Test
    void lnWithHalfMinPseudocountFrozenFromTraining() {
        FittedPreprocessing fitted = Preprocessing.of(Transform.lnHalfMinPositive()).fit(train());
        assertEquals(LN_HALFMIN_PSEUDOCOUNT[0], fitted.steps().get(0).parameters()[0], 0.0);
        assertTable(LN_HALFMIN_TEST, fitted.apply(test()));
    }

    @Test
    void centredLogRatio() {
        assertTable(CLR_TEST, fitApply(Transform.clr(1e-5)));
    }

    @Test
    void standardizeUsesTrainingCentreAndScaleAndReportsConstantColumns() {
        FittedPreprocessing fitted = Preprocessing.of(Transform.standardize()).fit(train());
        double[] params = fitted.steps().get(0).parameters();
        for (int j = 0; j < 5; j++) {
            assertEquals(STD_CENTRE[j], params[j], TOL);
            assertEquals(STD_SCALE[j], params[5 + j], TOL);
        }
        assertTable(STD_TEST, fitted.apply(test()));
        assertTrue(fitted.fitNotes().stream().anyMatch(s -> s.contains("constant") && s.contains("[f5]")),
                fitted.fitNotes().toString());
    }

    /** Values: SiamcatNormalizationTest checks log.std against SIAMCAT's own code. */
    @Test
    void siamcatLogStdDropsTheFeatureConstantInTraining() {
        FittedPreprocessing fitted = Preprocessing.of(Transform.siamcatLogStd(1e-6, 0.1)).fit(train());
        assertEquals(List.of("f1", "f2", "f3", "f4"), fitted.outputFeatures());
        assertEquals(List.of("f1", "f2", "f3", "f4"), fitted.apply(test()).featureNames());
    }

    @Test
    void prevalenceFilterKeepsFeaturesPresentInEnoughTrainingSamples() {
        FittedPreprocessing fitted = Preprocessing.of(Transform.prevalenceFilter(0, 0.6)).fit(train());
        assertEquals(List.of("f1", "f2", "f3", "f5"), fitted.outputFeatures());
        assertEquals(AbundanceUnit.FRACTION, fitted.apply(test()).unit());
    }

    @Test
    void abundanceFilterByMaxAndMean() {
        assertEquals(List.of("f1", "f2", "f3", "f4"), Preprocessing.of(
                Transform.abundanceFilter(Transform.Statistic.MAX, 0.5)).fit(train()).outputFeatures());
        assertEquals(List.of("f3", "f4"), Preprocessing.of(
                Transform.abundanceFilter(Transform.Statistic.MEAN, 0.25)).fit(train()).outputFeatures());
    }

    @Test
    void nearZeroVarianceFollowsCaretRule() {
        double[][] rows = new double[20][4];
        for (int i = 0; i < 20; i++) {
            rows[i][0] = i;
            rows[i][1] = i == 19 ? 1 : 0;
            rows[i][2] = 0;
            rows[i][3] = i >= 18 ? 1 : 0;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add("s" + i);
        }
        FeatureTable t = FeatureTable.of(ids, List.of("c1", "c2", "c3", "c4"), rows, AbundanceUnit.COUNTS);
        // caret: [False, False, True, False] -> c3 removed
        assertEquals(List.of("c1", "c2", "c4"),
                Preprocessing.of(Transform.nearZeroVariance(95.0 / 5, 10)).fit(t).outputFeatures());
        double[][] rows40 = new double[40][2];
        List<String> ids40 = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows40[i][0] = i == 39 ? 1 : 0; // caret: True (freqRatio 39 > 19, 5% unique)
            rows40[i][1] = i;
            ids40.add("s" + i);
        }
        FeatureTable t40 = FeatureTable.of(ids40, List.of("rare", "all"), rows40, AbundanceUnit.COUNTS);
        assertEquals(List.of("all"), Preprocessing.of(Transform.nearZeroVariance(95.0 / 5, 10)).fit(t40)
                .outputFeatures());
    }

    @Test
    void pipelineFitsEachStepOnThePreviousStepsTrainingOutput() {
        FittedPreprocessing fitted = Preprocessing.none().then(Transform.prevalenceFilter(0, 0.6))
                .then(Transform.log10(1e-5)).then(Transform.standardize()).fit(train());
        assertEquals(List.of("f1", "f2", "f3", "f5"), fitted.outputFeatures());
        assertTable(PIPELINE_TEST, fitted.apply(test()));
    }

    @Test
    void filterRemovingEveryFeatureIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.of(Transform.prevalenceFilter(10, 0.5)).fit(train()));
        assertEquals("prevalenceFilter(10.0, 0.5) removes every one of the 5 training features", e.getMessage());
    }
}
