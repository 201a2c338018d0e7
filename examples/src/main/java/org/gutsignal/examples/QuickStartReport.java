package org.gutsignal.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.eval.Auprc;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.Calibration;
import org.gutsignal.eval.CalibrationCurve;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.RocCurve;
import org.gutsignal.eval.PrecisionRecallCurve;
import org.gutsignal.cohort.Split;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.Molecule;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.report.CalibrationBin;
import org.gutsignal.report.CsvTables;
import org.gutsignal.report.HtmlReport;
import org.gutsignal.report.Coefficient;
import org.gutsignal.report.Curve;
import org.gutsignal.report.GroupEstimate;
import org.gutsignal.report.Plot;
import org.gutsignal.report.Plots;

/** Writes QuickStart's plots, CSV tables and self-contained HTML report. */
final class QuickStartReport {

    private QuickStartReport() {
    }

    static Curve roc(String name, double[] scores, int[] labels) {
        return curve(name, RocCurve.of(scores, labels).points(), RocCurve.Point::fpr, RocCurve.Point::tpr);
    }

    static Curve prCurve(String name, double[] scores, int[] labels) {
        return curve(name, PrecisionRecallCurve.of(scores, labels).points(), PrecisionRecallCurve.Point::recall,
                PrecisionRecallCurve.Point::precision);
    }

    private static <P> Curve curve(String name, List<P> points, ToDoubleFunction<P> x, ToDoubleFunction<P> y) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = x.applyAsDouble(points.get(k));
            ys[k] = y.applyAsDouble(points.get(k));
        }
        return Curve.of(name, xs, ys);
    }

    static void write(Path out, ResponseModel model, MoleculeCatalog catalog, CvResult<ResponseModel> cv,
            Auroc validationAuroc, double[] validationScores, Cohort validation, Cohort molecules, PrintStream o)
            throws IOException {
        Plots plots = Plots.withDefaults();
        int[] y = cv.labels();
        double[] oof = cv.meanOutOfFold();
        Auroc cvAuc = cv.auroc();
        ConfidenceInterval ci = cvAuc.ci95();

        // ROC: cross-validated (with the folds of the first repeat) and validation site
        List<Curve> folds = new ArrayList<>();
        for (Split s : cv.splits()) {
            if (s.repeat() != 0) {
                continue;
            }
            double[] sc = new double[s.test().length];
            int[] ly = new int[sc.length];
            double[] rep = cv.outOfFold(0);
            for (int k = 0; k < sc.length; k++) {
                sc[k] = rep[s.test()[k]];
                ly[k] = y[s.test()[k]];
            }
            folds.add(roc("fold " + (s.fold() + 1), sc, ly));
        }
        Curve cvCurve = roc("10-fold × 5 CV", oof, y).withEstimate(cvAuc.value(), ci.lower(), ci.upper())
                .withFolds(folds);
        ConfidenceInterval vci = validationAuroc.ci95();
        Curve valCurve = roc("validation site", validationScores, validation.labels())
                .withEstimate(validationAuroc.value(), vci.lower(), vci.upper());
        Plot rocPlot = plots.roc("Response to checkpoint therapy: molecule model", List.of(cvCurve, valCurve));
        rocPlot.write(out.resolve("roc.png"));

        // precision-recall: the same out-of-fold scores and the validation site, against the prevalence
        Auprc cvPr = Auprc.of(oof, y);
        Auprc valPr = Auprc.of(validationScores, validation.labels());
        Plot prPlot = plots.precisionRecall("Precision-recall: molecule model",
                List.of(prCurve("10-fold × 5 CV", oof, y).withEstimate(cvPr.value(), Double.NaN, Double.NaN),
                        prCurve("validation site", validationScores, validation.labels())
                                .withEstimate(valPr.value(), Double.NaN, Double.NaN)),
                cvPr.baseline());
        prPlot.write(out.resolve("precision_recall.png"));

        Calibration cal = Calibration.of(oof, y);
        List<CalibrationBin> bins = new ArrayList<>();
        for (CalibrationCurve.Bin b : CalibrationCurve.of(oof, y, 10, CalibrationCurve.Binning.QUANTILE).bins()) {
            bins.add(new CalibrationBin(b.meanPredicted(), b.fractionPositive(), b.count()));
        }
        Plot calPlot = plots.calibration("Calibration of out-of-fold probabilities", bins, cal.slope(), cal.intercept());
        calPlot.write(out.resolve("calibration.png"));

        List<Coefficient> coefs = new ArrayList<>();
        for (Molecule m : catalog.molecules()) {
            coefs.add(new Coefficient(m.id(), model.coefficient(m.id()), m.direction()));
        }
        Plot coefPlot = plots.coefficients("Elastic-net coefficients by expected direction",
                "coefficient (log-odds per SD of ln(1 + capacity))", coefs);
        coefPlot.write(out.resolve("coefficients.png"));

        List<GroupEstimate> sites = new ArrayList<>();
        for (Map.Entry<String, Auroc> e : cv.aurocByGroup().entrySet()) {
            ConfidenceInterval c = e.getValue().ci95();
            sites.add(new GroupEstimate(e.getKey(), e.getValue().value(), c.lower(), c.upper()));
        }
        Plot forest = plots.forest("Cross-validated AUROC by site", "AUROC (95% CI, DeLong)", sites,
                new GroupEstimate("all sites", cvAuc.value(), ci.lower(), ci.upper()));
        forest.write(out.resolve("auroc_by_site.png"));

        Cohort labelled = molecules.labelled();
        double[] hmbpp = labelled.features().column(labelled.features().indexOfFeature("HMBPP"));
        Plot strip = plots.responseStrip("HMBPP capacity by response", "HMBPP capacity (CPM, log scale)", hmbpp,
                labelled.labels(), labelled.metadata().groups(), true);
        strip.write(out.resolve("hmbpp_by_response.png"));

        // CSV tables for R / Python users
        List<List<?>> coefRows = new ArrayList<>();
        coefRows.add(List.of("(intercept)", model.intercept(), ""));
        for (Molecule m : catalog.molecules()) {
            coefRows.add(List.of(m.id(), model.coefficient(m.id()), m.direction().token()));
        }
        CsvTables.write(out.resolve("coefficients.csv"), List.of("feature", "coefficient", "expected_direction"),
                coefRows);
        List<List<?>> oofRows = new ArrayList<>();
        for (int i = 0; i < oof.length; i++) {
            oofRows.add(List.of(cv.sampleIds().get(i), y[i], oof[i]));
        }
        CsvTables.write(out.resolve("cv_scores.csv"), List.of("sample_id", "responder", "mean_oof_probability"), oofRows);
        List<List<?>> valRows = new ArrayList<>();
        for (int i = 0; i < validationScores.length; i++) {
            valRows.add(List.of(validation.sampleIds().get(i), validation.labels()[i], validationScores[i]));
        }
        CsvTables.write(out.resolve("validation_scores.csv"), List.of("sample_id", "responder", "probability"), valRows);

        Map<String, Object> provenance = new java.util.LinkedHashMap<>();
        provenance.put("library version", model.provenance().libraryVersion());
        provenance.put("training samples", model.provenance().trainingSamples());
        provenance.put("training data checksum", model.provenance().trainingChecksum());
        provenance.put("seed", model.provenance().seed());
        provenance.put("λ (chosen by 10-fold CV)", model.lambda());
        provenance.put("α", model.alpha());
        provenance.put("preprocessing", model.preprocessing().steps().stream().map(st -> st.kind().name()).toList());
        List<List<?>> siteRows = new ArrayList<>();
        for (GroupEstimate g : sites) {
            siteRows.add(List.of(g.group(), g.estimate(), g.lower(), g.upper()));
        }
        HtmlReport.titled("gutsignal QuickStart: molecule model on the synthetic 800-patient cohort")
                .paragraph(String.format(java.util.Locale.ROOT, "Cross-validated AUROC %.3f (95%% CI %.3f–%.3f, DeLong; "
                        + "stratified 10-fold × 5 repeats, the whole pipeline refitted in every fold). Validation site "
                        + "AUROC %.3f (%.3f–%.3f). Calibration slope %.3f, intercept %.3f.", cvAuc.value(), ci.lower(),
                        ci.upper(), validationAuroc.value(), vci.lower(), vci.upper(), cal.slope(), cal.intercept()))
                .image("ROC curves: cross-validated (thin lines: folds of the first repeat) and validation site", rocPlot)
                .image(String.format(java.util.Locale.ROOT, "Precision-recall: AUPRC %.3f cross-validated, %.3f on "
                        + "the validation site (dashed: the responder fraction, %.2f)", cvPr.value(), valPr.value(),
                        cvPr.baseline()), prPlot)
                .image("Elastic-net coefficients, coloured by the catalog's expected direction", coefPlot)
                .table("Coefficients (log-odds per SD of ln(1 + capacity))",
                        List.of("feature", "coefficient", "expected direction"), coefRows, 4)
                .image("Cross-validated AUROC by site", forest)
                .table("AUROC by site", List.of("site", "AUROC", "95% CI lower", "95% CI upper"), siteRows, 3)
                .image("Calibration of out-of-fold probabilities", calPlot)
                .image("HMBPP capacity by response and site", strip)
                .keyValues("Provenance", provenance)
                .write(out.resolve("report.html"));

    }
}
