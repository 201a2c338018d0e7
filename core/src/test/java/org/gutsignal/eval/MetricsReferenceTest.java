package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agreement with scikit-learn 1.2.1 (reference_sklearn.csv, roc_*, pr_*, calib_*) and pROC 1.18.0 / R glm
 * (reference_proc.csv); both files are produced by make_reference.py and make_reference.R beside the fixtures.
 */
class MetricsReferenceTest {

    private static final Map<String, Map<String, Double>> SKLEARN = Reference.values("reference_sklearn.csv");
    private static final Map<String, Map<String, Double>> PROC = Reference.values("reference_proc.csv");

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void aurocMatchesSklearnAndProc(String name) {
        Reference.Fixture f = Reference.fixture(name);
        assertEquals(SKLEARN.get(name).get("roc_auc_a"), Auroc.of(f.a(), f.labels()).value(), 1e-12);
        assertEquals(SKLEARN.get(name).get("roc_auc_b"), Auroc.of(f.b(), f.labels()).value(), 1e-12);
        assertEquals(PROC.get(name).get("auc_a"), Auroc.of(f.a(), f.labels()).value(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void delongMatchesProc(String name) {
        Reference.Fixture f = Reference.fixture(name);
        Auroc auc = Auroc.of(f.a(), f.labels());
        Map<String, Double> ref = PROC.get(name);
        assertEquals(ref.get("delong_var_a"), auc.delongVariance(), 1e-12);
        assertEquals(ref.get("delong_lower_a"), auc.ci95().lower(), 1e-12);
        assertEquals(ref.get("delong_upper_a"), auc.ci95().upper(), 1e-12);
        Auroc.Comparison c = Auroc.delongTest(f.a(), f.b(), f.labels());
        assertEquals(ref.get("delong_test_z"), c.z(), 1e-9);
        assertEquals(ref.get("delong_test_p"), c.pValue(), 1e-12 + 1e-9 * ref.get("delong_test_p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void youdenMatchesProc(String name) {
        Reference.Fixture f = Reference.fixture(name);
        Map<String, Double> ref = PROC.get(name);
        assertEquals(1.0, ref.get("youden_count"), "fixture has a unique optimum");
        ThresholdMetrics best = ThresholdMetrics.youden(f.a(), f.labels());
        assertEquals(ref.get("youden_threshold_1"), best.threshold(), 0.0);
        assertEquals(ref.get("youden_sensitivity_1"), best.sensitivity(), 1e-15);
        assertEquals(ref.get("youden_specificity_1"), best.specificity(), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void calibrationMatchesGlm(String name) {
        Reference.Fixture f = Reference.fixture(name);
        Calibration c = Calibration.of(f.a(), f.labels());
        assertEquals(PROC.get(name).get("calibration_slope"), c.slope(), 1e-9);
        assertEquals(PROC.get(name).get("calibration_intercept"), c.intercept(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void scalarMetricsMatchSklearn(String name) {
        Reference.Fixture f = Reference.fixture(name);
        Map<String, Double> ref = SKLEARN.get(name);
        assertEquals(ref.get("average_precision_a"), Auprc.of(f.a(), f.labels()).value(), 1e-12);
        assertEquals(ref.get("brier_a"), BrierScore.of(f.a(), f.labels()).value(), 1e-12);
        assertEquals(ref.get("log_loss_a"), LogLoss.of(f.a(), f.labels()).value(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void rocCurveMatchesSklearn(String name) {
        Reference.Fixture f = Reference.fixture(name);
        List<double[]> ref = Reference.table("roc_" + name + ".csv");
        List<RocCurve.Point> points = RocCurve.of(f.a(), f.labels()).points();
        assertEquals(ref.size(), points.size());
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(ref.get(i)[0], points.get(i).fpr(), 1e-15, "fpr " + i);
            assertEquals(ref.get(i)[1], points.get(i).tpr(), 1e-15, "tpr " + i);
            assertEquals(ref.get(i)[2], points.get(i).threshold(), 0.0, "threshold " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void prCurveMatchesSklearn(String name) {
        Reference.Fixture f = Reference.fixture(name);
        List<double[]> ref = Reference.table("pr_" + name + ".csv"); // increasing threshold, (0, 1, inf) last
        List<PrecisionRecallCurve.Point> points = PrecisionRecallCurve.of(f.a(), f.labels()).points();
        assertEquals(ref.size(), points.size());
        for (int i = 0; i < ref.size(); i++) {
            double[] r = ref.get(ref.size() - 1 - i);
            assertEquals(r[0], points.get(i).recall(), 1e-15, "recall " + i);
            assertEquals(r[1], points.get(i).precision(), 1e-15, "precision " + i);
            assertEquals(r[2], points.get(i).threshold(), 0.0, "threshold " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "ties"})
    void calibrationCurveMatchesSklearn(String name) {
        Reference.Fixture f = Reference.fixture(name);
        for (CalibrationCurve.Binning binning : CalibrationCurve.Binning.values()) {
            List<double[]> ref = Reference.table("calib_" + name + "_" + binning.name().toLowerCase() + ".csv");
            List<CalibrationCurve.Bin> bins = CalibrationCurve.of(f.a(), f.labels(), 10, binning).bins();
            assertEquals(ref.size(), bins.size(), binning + " bin count");
            for (int i = 0; i < ref.size(); i++) {
                assertEquals(ref.get(i)[0], bins.get(i).fractionPositive(), 1e-12, binning + " prob_true " + i);
                assertEquals(ref.get(i)[1], bins.get(i).meanPredicted(), 1e-12, binning + " prob_pred " + i);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void logLossClipsLikeSklearn() {
        double value = LogLoss.of(new double[] {0.0, 1.0, 0.5, 1.0}, new int[] {0, 1, 1, 0}).value();
        assertEquals(SKLEARN.get("clip").get("log_loss"), value, 1e-12);
    }
}
