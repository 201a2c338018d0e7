package org.gutsignal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.eval.Auprc;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.eval.Calibration;
import org.gutsignal.eval.CalibrationCurve;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.PrecisionRecallCurve;
import org.gutsignal.eval.RocCurve;
import org.gutsignal.model.Provenance;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.Direction;
import org.gutsignal.profile.MoleculeCatalog;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plots draw what the {@code eval} and {@code model} results say: the series of each chart
 * are compared with the curves, bins, coefficients and AUROCs they were made from, and the legend
 * and row texts with the numbers formatted by hand. Every plot is also rendered headless with
 * realistic data, its PNG checked to decode at the configured size and not to be blank, and kept
 * under {@code target/report-samples/} for a look.
 */
@Timeout(120)
class PlotsTest {

    private static final Path SAMPLES = Path.of("target", "report-samples");
    private static final Plots PLOTS = Plots.withDefaults();

    /** Eight samples by descending score: AUROC = 12/16 (pairs won by the positives 0.9, 0.8, 0.6, 0.3). */
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2};
    private static final int[] LABELS = {1, 1, 0, 1, 0, 0, 1, 0};

    private static final ResponseModel MODEL = ResponseModel.of(List.of("HMBPP", "LPS", "BUTYRATE", "TMA", "age"),
            new double[] {0.5, -2.0, 0.0, 0.25, 0.1}, -1.0, 0.01, 1.0, new Provenance("test", 8, "sha256:none", 1));

    // ------------------------------------------------------------------ ROC

    @Test
    void rocDrawsTheCurvePointsAndLabelsThemWithTheAurocAndItsCi() {
        RocCurve roc = RocCurve.of(SCORES, LABELS);
        Auroc auroc = Auroc.of(SCORES, LABELS);
        assertEquals(0.75, auroc.value(), 1e-15);
        XYChart chart = PLOTS.rocChart("ROC", Map.of("molecules", roc), Map.of("molecules", auroc), Map.of());

        XYSeries line = chart.getSeriesMap().get("curve 0");
        assertArrayEquals(roc.points().stream().mapToDouble(RocCurve.Point::fpr).toArray(), line.getXData());
        assertArrayEquals(roc.points().stream().mapToDouble(RocCurve.Point::tpr).toArray(), line.getYData());
        // by hand: one step per sample, up for a responder, right for a non-responder
        assertArrayEquals(new double[] {0, 0, 0, 0.25, 0.25, 0.5, 0.75, 0.75, 1}, line.getXData());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 1, 1}, line.getYData());
        ConfidenceInterval ci = auroc.ci95();
        assertEquals("molecules: AUROC 0.75 (" + twoDecimals(ci.lower()) + "\u2013" + twoDecimals(ci.upper()) + ")",
                line.getLabel());
        assertTrue(line.isShowInLegend());
        assertEquals(Plots.colour(0), line.getLineColor());
        assertTrue(chart.getSeriesMap().get("chance").isShowInLegend());
        assertEquals(2, chart.getSeriesMap().size());
    }

    @Test
    void rocKeepsTheMapOrderAndDrawsFoldsThinInTheirCurvesColour() {
        Sample a = classifier(300, 0.8, 11);
        Sample b = classifier(300, 0.35, 12);
        Map<String, RocCurve> curves = new LinkedHashMap<>();
        curves.put("species", RocCurve.of(b.scores, b.labels));
        curves.put("molecules", RocCurve.of(a.scores, a.labels));
        Map<String, Auroc> aurocs = Map.of("molecules", Auroc.of(a.scores, a.labels), "species",
                Auroc.of(b.scores, b.labels));
        RocCurve fold = RocCurve.of(SCORES, LABELS);
        XYChart chart = PLOTS.rocChart("ROC", curves, aurocs, Map.of("molecules", List.of(fold, fold)));

        assertTrue(chart.getSeriesMap().get("curve 0").getLabel().startsWith("species: AUROC "));
        assertTrue(chart.getSeriesMap().get("curve 1").getLabel().startsWith("molecules: AUROC "));
        XYSeries thin = chart.getSeriesMap().get("fold 1.1");
        assertArrayEquals(fold.points().stream().mapToDouble(RocCurve.Point::tpr).toArray(), thin.getYData());
        assertFalse(thin.isShowInLegend());
        Color molecules = Plots.colour(1);
        assertEquals(new Color(molecules.getRed(), molecules.getGreen(), molecules.getBlue(), 90), thin.getLineColor());
        assertFalse(chart.getSeriesMap().containsKey("fold 0.0"));
    }

    @Test
    void rocRejectsACurveLabelledWithAnotherModelsAuroc() {
        Sample a = classifier(100, 0.8, 1);
        Sample b = classifier(100, 0.2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLOTS.roc("t",
                Map.of("molecules", RocCurve.of(a.scores, a.labels)), Map.of("molecules", Auroc.of(b.scores, b.labels))));
        assertTrue(e.getMessage().startsWith("curve 'molecules': its area is "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PLOTS.roc("t",
                Map.of("molecules", RocCurve.of(a.scores, a.labels)), Map.of("species", Auroc.of(a.scores, a.labels))));
        assertEquals("the curves and their AUROCs must have the same names but are [molecules] and [species]",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PLOTS.roc("t", Map.of(), Map.of()));
        e = assertThrows(IllegalArgumentException.class, () -> PLOTS.roc("t",
                Map.of("a", RocCurve.of(SCORES, LABELS)), Map.of("a", Auroc.of(SCORES, LABELS)),
                Map.of("b", List.of(RocCurve.of(SCORES, LABELS)))));
        assertEquals("folds are given for 'b' but there is no such curve", e.getMessage());
    }

    @Test
    void anAurocWithoutCiIsShownWithoutInterval() {
        // a single responder: DeLong's variance is undefined
        Auroc one = Auroc.of(new double[] {0.9, 0.5, 0.4, 0.3}, new int[] {1, 0, 0, 0});
        assertTrue(Double.isNaN(one.ci95().lower()));
        assertEquals("1.00", Series.estimate(one));
        assertEquals("0.75 (" + twoDecimals(Auroc.of(SCORES, LABELS).ci95().lower()) + "\u2013"
                + twoDecimals(Auroc.of(SCORES, LABELS).ci95().upper()) + ")", Series.estimate(Auroc.of(SCORES, LABELS)));
    }

    // ------------------------------------------------------------------ precision-recall

    @Test
    void precisionRecallDrawsTheCurvePointsWithTheAuprcAndThePrevalence() {
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(SCORES, LABELS);
        Auprc auprc = Auprc.of(SCORES, LABELS);
        // AP = 0.25·1 + 0.25·1 + 0.25·(3/4) + 0.25·(4/7)
        assertEquals(0.25 * (1 + 1 + 0.75 + 4 / 7.0), auprc.value(), 1e-15);
        XYChart chart = PLOTS.precisionRecallChart("PR", Map.of("molecules", pr), Map.of("molecules", auprc));

        XYSeries line = chart.getSeriesMap().get("curve 0");
        assertArrayEquals(pr.points().stream().mapToDouble(PrecisionRecallCurve.Point::recall).toArray(),
                line.getXData());
        assertArrayEquals(pr.points().stream().mapToDouble(PrecisionRecallCurve.Point::precision).toArray(),
                line.getYData());
        assertEquals("molecules: AUPRC 0.83", line.getLabel());
        XYSeries baseline = chart.getSeriesMap().get("baseline: prevalence 0.50");
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, baseline.getYData());
    }

    @Test
    void curvesWithDifferentPrevalencesGetABaselineEach() {
        int[] fewer = {1, 0, 0, 1, 0, 0, 0, 0};
        Map<String, PrecisionRecallCurve> curves = new LinkedHashMap<>();
        curves.put("cv", PrecisionRecallCurve.of(SCORES, LABELS));
        curves.put("validation", PrecisionRecallCurve.of(SCORES, fewer));
        XYChart chart = PLOTS.precisionRecallChart("PR", curves,
                Map.of("cv", Auprc.of(SCORES, LABELS), "validation", Auprc.of(SCORES, fewer)));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25},
                chart.getSeriesMap().get("baseline validation: prevalence 0.25").getYData());
        assertEquals(Plots.colour(1), chart.getSeriesMap().get("baseline validation: prevalence 0.25").getLineColor());
        assertEquals(Plots.colour(0), chart.getSeriesMap().get("baseline cv: prevalence 0.50").getLineColor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLOTS.precisionRecall("t",
                Map.of("cv", PrecisionRecallCurve.of(SCORES, LABELS)), Map.of("cv", Auprc.of(SCORES, fewer))));
        assertTrue(e.getMessage().startsWith("curve 'cv': its average precision is "), e.getMessage());
    }

    // ------------------------------------------------------------------ calibration

    @Test
    void calibrationDrawsTheBinsAndTheirCountsWithSlopeAndIntercept() {
        double[] p = {0.1, 0.15, 0.2, 0.3, 0.6, 0.65, 0.7, 0.9};
        int[] y = {0, 0, 1, 0, 1, 0, 1, 1};
        CalibrationCurve curve = CalibrationCurve.of(p, y, 2, CalibrationCurve.Binning.UNIFORM);
        Calibration fit = Calibration.of(p, y);
        XYChart[] panels = PLOTS.calibrationCharts("Calibration", curve, fit);

        String label = "binned observed vs predicted (slope " + twoDecimals(fit.slope()) + ", intercept "
                + twoDecimals(fit.intercept()) + ")";
        XYSeries points = panels[0].getSeriesMap().values().stream().filter(s -> s.getLabel().equals(label))
                .findFirst().orElseThrow();
        // bins [0, 0.5]: 0.1, 0.15, 0.2, 0.3 with one responder; (0.5, 1]: 0.6, 0.65, 0.7, 0.9 with three
        assertArrayEquals(new double[] {0.1875, 0.7125}, points.getXData(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.75}, points.getYData());
        assertEquals(SeriesMarkers.CIRCLE, points.getMarker());
        assertArrayEquals(new double[] {0, 4}, panels[1].getSeriesMap().get("bin 0").getYData());
        assertArrayEquals(new double[] {0.7125, 0.7125}, panels[1].getSeriesMap().get("bin 1").getXData(), 1e-15);
        assertEquals(PLOTS.height(), panels[0].getHeight() + panels[1].getHeight());

        XYChart[] noFit = PLOTS.calibrationCharts("Calibration", curve, null);
        assertTrue(noFit[0].getSeriesMap().containsKey("binned observed vs predicted"));
    }

    // ------------------------------------------------------------------ coefficients

    @Test
    void coefficientBarsAreTheModelsCoefficientsColouredByTheCatalogsDirection() {
        XYChart chart = PLOTS.coefficientChart("Coefficients", "log-odds per SD", MODEL, MoleculeCatalog.builtIn());
        // ascending value, bottom row first; ties keep the model's order
        String[] rows = {"LPS", "BUTYRATE", "age", "TMA", "HMBPP"};
        double[] values = {-2.0, 0.0, 0.1, 0.25, 0.5};
        Direction[] directions = {Direction.INHIBITORY, Direction.UNCLEAR, Direction.UNCLEAR, Direction.STIMULATORY,
            Direction.STIMULATORY};
        for (int i = 0; i < rows.length; i++) {
            XYSeries bar = chart.getSeriesMap().get("row " + i);
            assertArrayEquals(new double[] {0, values[i]}, bar.getXData(), rows[i]);
            assertArrayEquals(new double[] {i, i}, bar.getYData(), rows[i]);
            assertEquals(Plots.colour(directions[i]), bar.getLineColor(), rows[i]);
            assertEquals(rows[i], chart.getStyler().getyAxisTickLabelsFormattingFunction().apply((double) i));
        }
        assertEquals(3, Set.of(Plots.colour(Direction.STIMULATORY), Plots.colour(Direction.INHIBITORY),
                Plots.colour(Direction.UNCLEAR)).size());
        for (String legend : List.of("stimulatory", "inhibitory", "unclear")) {
            assertTrue(chart.getSeriesMap().get(legend).isShowInLegend(), legend);
        }
        assertTrue(chart.getStyler().isLegendVisible());
        assertEquals("log-odds per SD", chart.getXAxisTitle());
    }

    @Test
    void withoutACatalogAllBarsAreOneColourAndThereIsNoLegend() {
        XYChart chart = PLOTS.coefficientChart("Coefficients", "log-odds", MODEL, null);
        for (int i = 0; i < 5; i++) {
            assertEquals(Plots.PALETTE[0], chart.getSeriesMap().get("row " + i).getLineColor());
        }
        assertFalse(chart.getSeriesMap().containsKey("unclear"));
        assertFalse(chart.getStyler().isLegendVisible());
    }

    // ------------------------------------------------------------------ forest

    @Test
    void forestRowsAreTheAurocsWithTheirCisAndSampleCounts() {
        Auroc site1 = Auroc.of(SCORES, LABELS);
        Sample s = classifier(200, 0.8, 5);
        Auroc site2 = Auroc.of(s.scores, s.labels);
        Auroc pooled = Auroc.of(SCORES, new int[] {1, 1, 1, 0, 0, 1, 0, 0});
        Map<String, Auroc> groups = new LinkedHashMap<>();
        groups.put("site1", site1);
        groups.put("site2", site2);
        XYChart chart = PLOTS.forestChart("AUROC by site", groups, "all", pooled);

        // bottom to top: pooled, site2, site1
        Auroc[] rows = {pooled, site2, site1};
        String[] names = {"all (n = 8)", "site2 (n = 200)", "site1 (n = 8)"};
        for (int i = 0; i < rows.length; i++) {
            ConfidenceInterval ci = rows[i].ci95();
            assertArrayEquals(new double[] {rows[i].value()}, chart.getSeriesMap().get("estimate " + i).getXData());
            assertArrayEquals(new double[] {ci.lower(), ci.upper()}, chart.getSeriesMap().get("ci " + i).getXData());
            assertEquals(names[i] + "   " + twoDecimals(rows[i].value()) + " (" + twoDecimals(ci.lower()) + "\u2013"
                    + twoDecimals(ci.upper()) + ")", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(
                    (double) i));
        }
        assertEquals(SeriesMarkers.DIAMOND, chart.getSeriesMap().get("estimate 0").getMarker());
        assertEquals(SeriesMarkers.SQUARE, chart.getSeriesMap().get("estimate 1").getMarker());
        assertEquals("AUROC (95% CI, DeLong)", chart.getXAxisTitle());
    }

    @Test
    void forestLeavesOutAnUndefinedCiAndRejectsAClashingPooledName() {
        Auroc one = Auroc.of(new double[] {0.9, 0.5, 0.4, 0.3}, new int[] {1, 0, 0, 0});
        XYChart chart = PLOTS.forestChart("t", Map.of("site1", one), null, null);
        assertFalse(chart.getSeriesMap().containsKey("ci 0"));
        assertEquals("site1 (n = 4)   1.00", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PLOTS.forest("t", Map.of("site1", one), "site1", one));
        assertEquals("the pooled row's name 'site1' is also a group's", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PLOTS.forest("t", Map.of()));
    }

    @Test
    void forestWithARandomEffectsPoolDrawsItsDiamondAndPredictionIntervalAndDegenerateRowsEmpty() throws IOException {
        Map<String, Auroc> sites = new LinkedHashMap<>();
        for (int k = 1; k <= 4; k++) {
            Sample s = classifier(120 + 10 * k, 0.3 + 0.25 * k, 50 + k);
            sites.put("site" + k, Auroc.of(s.scores, s.labels));
        }
        double[] flat = new double[40];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = i % 2;
        }
        sites.put("site5", Auroc.of(flat, labels));
        PooledAuroc pool = PooledAuroc.of(sites);
        XYChart chart = PLOTS.forestChart("AUROC by site", sites, null, null, pool);
        var label = chart.getStyler().getyAxisTickLabelsFormattingFunction();
        ConfidenceInterval ci = pool.ci95();
        ConfidenceInterval pi = pool.predictionInterval95();
        assertEquals("random effects (REML)   " + twoDecimals(pool.estimate()) + " (" + twoDecimals(ci.lower())
                + "\u2013" + twoDecimals(ci.upper()) + "), 95% PI " + twoDecimals(pi.lower()) + "\u2013"
                + twoDecimals(pi.upper()), label.apply(0.0));
        assertArrayEquals(new double[] {pi.lower(), pi.upper()}, chart.getSeriesMap().get("pi 0").getXData());
        assertArrayEquals(new double[] {ci.lower(), pool.estimate(), ci.upper(), pool.estimate(), ci.lower()},
                chart.getSeriesMap().get("ci 0").getXData());
        // bottom to top: pool, site5 (degenerate: no interval, no square), site4 ...
        assertEquals("site5 (n = 40)   degenerate (constant scores)", label.apply(1.0));
        assertFalse(chart.getSeriesMap().containsKey("ci 1"));
        assertEquals("AUROC (95% CI, DeLong); pool of 4 of 5 groups", chart.getXAxisTitle());
        check(PLOTS.forest("AUROC by site", sites, pool), "forest-pooled.png", 800, 600);
    }

    // ------------------------------------------------------------------ rendering

    @Test
    void rendersEveryPlotFromEvalResults() throws IOException {
        Sample a = classifier(300, 0.8, 11);
        Sample b = classifier(300, 0.35, 12);
        Map<String, RocCurve> rocs = new LinkedHashMap<>();
        rocs.put("molecules", RocCurve.of(a.scores, a.labels));
        rocs.put("species", RocCurve.of(b.scores, b.labels));
        Map<String, Auroc> aurocs = new LinkedHashMap<>();
        aurocs.put("molecules", Auroc.of(a.scores, a.labels));
        aurocs.put("species", Auroc.of(b.scores, b.labels));
        List<RocCurve> folds = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            Sample fs = classifier(60, 0.8, 100 + f);
            folds.add(RocCurve.of(fs.scores, fs.labels));
        }
        check(PLOTS.roc("Leave-one-site-out ROC", rocs, aurocs, Map.of("molecules", folds)), "roc.png", 800, 600);
        check(PLOTS.withSize(700, 700).roc("Square ROC", Map.of("species", rocs.get("species")),
                Map.of("species", aurocs.get("species"))), "roc-square.png", 700, 700);
        check(PLOTS.precisionRecall("Precision-recall", Map.of("molecules", PrecisionRecallCurve.of(a.scores, a.labels)),
                Map.of("molecules", Auprc.of(a.scores, a.labels))), "pr.png", 800, 600);

        double[] p = new double[a.scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-(a.scores[i] - 0.7)));
        }
        check(PLOTS.calibration("Calibration (out-of-fold)",
                CalibrationCurve.of(p, a.labels, 8, CalibrationCurve.Binning.QUANTILE), Calibration.of(p, a.labels)),
                "calibration.png", 800, 600);
        check(PLOTS.calibration("", CalibrationCurve.of(p, a.labels, 1, CalibrationCurve.Binning.UNIFORM), null),
                "calibration-one.png", 800, 600);

        check(PLOTS.coefficients("Model coefficients", "coefficient (log-odds per SD)", MODEL,
                MoleculeCatalog.builtIn()), "coefficients.png", 800, 600);
        check(PLOTS.coefficients("One", "coefficient", ResponseModel.of(List.of("HMBPP"), new double[] {0.4}, 0, 0, 1,
                new Provenance("test", 8, "sha256:none", 1)), null), "coefficients-one.png", 800, 600);

        Map<String, Auroc> sites = new LinkedHashMap<>();
        for (int k = 1; k <= 6; k++) {
            Sample s = classifier(140 + 5 * k, 0.5 + 0.05 * k, 30 + k);
            sites.put("site" + k, Auroc.of(s.scores, s.labels));
        }
        check(PLOTS.forest("AUROC per site (leave-one-site-out)", sites, "pooled", aurocs.get("molecules")),
                "forest.png", 800, 600);
        check(PLOTS.forest("No pooled row", Map.of("site1", sites.get("site1"))), "forest-one.png", 800, 600);
    }

    @Test
    void responseStrip() throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 400;
        double[] values = new double[n];
        int[] labels = new int[n];
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextDouble() < 0.4 ? 1 : 0;
            values[i] = i % 37 == 0 ? 0 : Math.exp(4.5 + 0.4 * labels[i] + 0.9 * normal.sample());
            groups.add("site" + (1 + i % 5));
        }
        check(PLOTS.responseStrip("HMBPP capacity by response", "HMBPP capacity (CPM)", values, labels, groups, true),
                "strip-groups-log.png", 800, 600);
        check(PLOTS.responseStrip("HMBPP capacity by response", "HMBPP capacity (CPM)", values, labels, null, false),
                "strip.png", 800, 600);
    }

    @Test
    void jitterIsReproducible() {
        double[] values = {1, 2, 3, 4, 5, 6};
        int[] labels = {1, 0, 1, 0, 1, 0};
        Plot a = PLOTS.withJitterSeed(7).responseStrip("t", "v", values, labels, null, false);
        Plot b = PLOTS.withJitterSeed(7).responseStrip("t", "v", values, labels, null, false);
        assertArrayEquals(a.png(), b.png());
        Plot c = PLOTS.withJitterSeed(8).responseStrip("t", "v", values, labels, null, false);
        assertFalse(java.util.Arrays.equals(a.png(), c.png()), "another seed, another image");
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> PLOTS.responseStrip("t", "v", new double[] {1}, new int[] {2}, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> PLOTS.responseStrip("t", "v", new double[] {0, -1}, new int[] {1, 0}, null, true));
        assertThrows(IllegalArgumentException.class, () -> PLOTS.withSize(100, 600));
    }

    private static String twoDecimals(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    // ------------------------------------------------------------------ helpers

    /** Decodes the PNG, checks its size and that it is not blank, and writes it for inspection. */
    static BufferedImage check(Plot plot, String name, int width, int height) throws IOException {
        Path file = SAMPLES.resolve(name);
        plot.write(file);
        assertTrue(Files.size(file) > 1000, name + " is suspiciously small");
        BufferedImage image = ImageIO.read(Files.newInputStream(file));
        assertEquals(width, image.getWidth(), name);
        assertEquals(height, image.getHeight(), name);
        assertEquals(width, plot.width());
        assertEquals(height, plot.height());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(colours.size() >= 20, name + " has only " + colours.size() + " colours");
        assertTrue(nonWhite > width * height / 100, name + " is nearly blank: " + nonWhite + " non-white pixels");
        assertArrayEquals(Files.readAllBytes(file), plot.png());
        assertEquals(width, ImageIO.read(new ByteArrayInputStream(plot.png())).getWidth());
        return image;
    }

    private record Sample(double[] scores, int[] labels) {
    }

    /** Scores of a plausible classifier: responders (40%) shifted by {@code shift} SDs. */
    private static Sample classifier(int n, double shift, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextDouble() < 0.4 ? 1 : 0;
            scores[i] = normal.sample() + shift * labels[i];
        }
        return new Sample(scores, labels);
    }
}
