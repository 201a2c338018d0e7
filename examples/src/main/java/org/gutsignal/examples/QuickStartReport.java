package org.gutsignal.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.Split;
import org.gutsignal.eval.Auprc;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.Calibration;
import org.gutsignal.eval.CalibrationCurve;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.eval.PrecisionRecallCurve;
import org.gutsignal.eval.RocCurve;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.report.CsvTables;
import org.gutsignal.report.HtmlReport;
import org.gutsignal.report.Plot;
import org.gutsignal.report.Plots;

/** Writes QuickStart's plots, CSV tables and self-contained HTML report. */
final class QuickStartReport {

    private static final String CV = "10-fold × 5 CV";
    private static final String VALIDATION = "validation site";

    private QuickStartReport() {
    }

    static void write(Path out, ResponseModel model, MoleculeCatalog catalog, CvResult<ResponseModel> cv,
            Auroc validationAuroc, double[] validationScores, Cohort validation, Cohort molecules) throws IOException {
        Plots plots = Plots.withDefaults();
        int[] y = cv.labels();
        double[] oof = cv.meanOutOfFold();
        int[] yVal = validation.labels();
        Auroc cvAuc = cv.aurocConcatenated(); // stratified k-fold of one cohort: the usual cross-validated AUROC

        // ROC: cross-validated (with the folds of the first repeat) and validation site
        Map<String, RocCurve> rocs = new LinkedHashMap<>();
        rocs.put(CV, RocCurve.of(oof, y));
        rocs.put(VALIDATION, RocCurve.of(validationScores, yVal));
        Plot rocPlot = plots.roc("Response to checkpoint therapy: molecule model", rocs,
                Map.of(CV, cvAuc, VALIDATION, validationAuroc), Map.of(CV, firstRepeatFolds(cv)));
        rocPlot.write(out.resolve("roc.png"));

        // precision-recall: the same out-of-fold scores and the validation site, against the prevalence
        Map<String, PrecisionRecallCurve> prs = new LinkedHashMap<>();
        prs.put(CV, PrecisionRecallCurve.of(oof, y));
        prs.put(VALIDATION, PrecisionRecallCurve.of(validationScores, yVal));
        Auprc cvPr = Auprc.of(oof, y);
        Auprc valPr = Auprc.of(validationScores, yVal);
        Plot prPlot = plots.precisionRecall("Precision-recall: molecule model", prs, Map.of(CV, cvPr, VALIDATION, valPr));
        prPlot.write(out.resolve("precision_recall.png"));

        Calibration cal = Calibration.of(oof, y);
        Plot calPlot = plots.calibration("Calibration of out-of-fold probabilities",
                CalibrationCurve.of(oof, y, 10, CalibrationCurve.Binning.QUANTILE), cal);
        calPlot.write(out.resolve("calibration.png"));

        Plot coefPlot = plots.coefficients("Elastic-net coefficients by expected direction",
                "coefficient (log-odds per SD of ln(1 + capacity))", model, catalog);
        coefPlot.write(out.resolve("coefficients.png"));

        Map<String, Auroc> sites = cv.aurocByGroup();
        PooledAuroc pool = cv.pooledByGroup();
        Plot forest = plots.forest("Cross-validated AUROC by site", sites, pool);
        forest.write(out.resolve("auroc_by_site.png"));

        Cohort labelled = molecules.labelled();
        double[] hmbpp = labelled.features().column(labelled.features().indexOfFeature("HMBPP"));
        Plot strip = plots.responseStrip("HMBPP capacity by response", "HMBPP capacity (CPM, log scale)", hmbpp,
                labelled.labels(), labelled.metadata().groups(), true);
        strip.write(out.resolve("hmbpp_by_response.png"));

        // CSV tables for R / Python users
        CsvTables.writeCoefficients(out.resolve("coefficients.csv"), model, catalog);
        CsvTables.write(out.resolve("cv_scores.csv"), List.of("sample_id", "responder", "mean_oof_probability"),
                scoreRows(cv.sampleIds(), y, oof));
        CsvTables.write(out.resolve("validation_scores.csv"), List.of("sample_id", "responder", "probability"),
                scoreRows(validation.sampleIds(), yVal, validationScores));

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("library version", model.provenance().libraryVersion());
        provenance.put("training samples", model.provenance().trainingSamples());
        provenance.put("training data checksum", model.provenance().trainingChecksum());
        provenance.put("seed", model.provenance().seed());
        provenance.put("λ (chosen by 10-fold CV)", model.lambda());
        provenance.put("α", model.alpha());
        provenance.put("preprocessing", model.preprocessing().steps().stream().map(st -> st.kind().name()).toList());
        ConfidenceInterval ci = cvAuc.ci95();
        ConfidenceInterval vci = validationAuroc.ci95();
        HtmlReport.titled("gutsignal QuickStart: molecule model on the synthetic 800-patient cohort")
                .paragraph(String.format(Locale.ROOT, "Cross-validated AUROC %.3f (95%% CI %.3f–%.3f, DeLong; "
                        + "stratified 10-fold × 5 repeats, the whole pipeline refitted in every fold). Validation site "
                        + "AUROC %.3f (%.3f–%.3f). Calibration slope %.3f, intercept %.3f.", cvAuc.value(), ci.lower(),
                        ci.upper(), validationAuroc.value(), vci.lower(), vci.upper(), cal.slope(), cal.intercept()))
                .image("ROC curves: cross-validated (thin lines: folds of the first repeat) and validation site", rocPlot)
                .image(String.format(Locale.ROOT, "Precision-recall: AUPRC %.3f cross-validated, %.3f on "
                        + "the validation site (dashed: the responder fraction, %.2f)", cvPr.value(), valPr.value(),
                        cvPr.baseline()), prPlot)
                .image("Elastic-net coefficients, coloured by the catalog's expected direction", coefPlot)
                .coefficients("Coefficients (log-odds per SD of ln(1 + capacity)); selected in CV folds: the fraction"
                        + " of the " + cv.predictors().size() + " fold models with a non-zero coefficient", model, catalog,
                        CvResult.selectionFrequency(cv.predictors()))
                .image("Cross-validated AUROC by site, with their random-effects (REML) pool: diamond = 95% CI,"
                        + " thin line = 95% prediction interval for a new site", forest)
                .aurocs("AUROC by site", "site", sites)
                .pooled("Random-effects (REML) pool of the per-site AUROCs (logit scale, back-transformed)", pool)
                .image("Calibration of out-of-fold probabilities", calPlot)
                .image("HMBPP capacity by response and site", strip)
                .keyValues("Provenance", provenance)
                .write(out.resolve("report.html"));
    }

    /** The ROC curve of each test fold of the first repeat, from that repeat's out-of-fold scores. */
    private static List<RocCurve> firstRepeatFolds(CvResult<ResponseModel> cv) {
        int[] y = cv.labels();
        double[] scores = cv.outOfFold(0);
        List<RocCurve> folds = new ArrayList<>();
        for (Split s : cv.splits()) {
            if (s.repeat() != 0) {
                continue;
            }
            int[] test = s.test();
            double[] sc = new double[test.length];
            int[] ly = new int[test.length];
            for (int k = 0; k < test.length; k++) {
                sc[k] = scores[test[k]];
                ly[k] = y[test[k]];
            }
            folds.add(RocCurve.of(sc, ly));
        }
        return folds;
    }

    private static List<List<?>> scoreRows(List<String> ids, int[] labels, double[] scores) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            rows.add(List.of(ids.get(i), labels[i], scores[i]));
        }
        return rows;
    }
}
