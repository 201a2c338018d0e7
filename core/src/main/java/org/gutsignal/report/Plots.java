package org.gutsignal.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.eval.Auprc;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.Calibration;
import org.gutsignal.eval.CalibrationCurve;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.eval.PrecisionRecallCurve;
import org.gutsignal.eval.RocCurve;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.Direction;
import org.gutsignal.profile.Molecule;
import org.gutsignal.profile.MoleculeCatalog;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of a gutsignal analysis, drawn straight from its {@code eval} and {@code model}
 * results and rendered to PNG with XChart. Settings (image size, jitter seed) are immutable; each
 * method renders one {@link Plot}:
 * <pre>{@code
 * CvResult<ResponseModel> cv = CrossValidation.of(splitter).run(trainer::fit, cohort);
 * double[] p = cv.meanOutOfFold();
 * int[] y = cv.labels();
 * Plots plots = Plots.withDefaults().withSize(700, 700);
 * plots.roc("Cross-validated ROC", Map.of("molecules", RocCurve.of(p, y)), Map.of("molecules", cv.auroc()))
 *         .write(Path.of("out/roc.png"));
 * plots.calibration("Calibration", CalibrationCurve.of(p, y, 10, Binning.QUANTILE), Calibration.of(p, y))
 *         .write(Path.of("out/calibration.png"));
 * plots.coefficients("Coefficients", "coefficient (log-odds per SD)", model, MoleculeCatalog.builtIn())
 *         .write(Path.of("out/coefficients.png"));
 * plots.forest("AUROC by site", cv.aurocByGroup(), cv.pooledByGroup()).write(Path.of("out/sites.png"));
 * }</pre>
 *
 * <p>Units: probabilities, rates, AUROCs and AUPRCs are fractions in [0, 1] (never percent) and are
 * shown with two decimals; confidence intervals are the DeLong 95% intervals of
 * {@link Auroc#ci95()}. Curves and their summaries are checked against each other (a ROC curve's
 * area must equal its AUROC), so a curve cannot be labelled with another model's number. Maps are
 * read in their iteration order, which sets the order of the legend and the colours: use a
 * {@link java.util.LinkedHashMap} (or {@code Map.of} with one entry) for a fixed order.
 *
 * <p>NaN: a NaN confidence bound (a class with a single sample) leaves the interval out; a NaN
 * calibration slope or intercept is left out of the legend; NaN values of a strip plot are not
 * drawn. Rendering needs no display (it works with {@code -Djava.awt.headless=true}). Colours come
 * from the Okabe–Ito palette, which stays distinguishable for colour-blind readers. Text is
 * formatted independently of the default locale. Inputs are never modified.
 *
 * <p>Immutable and thread-safe; each call renders into its own image.
 */
public final class Plots {

    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, black. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), Color.BLACK,
    };
    private static final Color STIMULATORY = new Color(0x1B9E77);
    private static final Color INHIBITORY = new Color(0xC8553D);
    private static final Color UNCLEAR = new Color(0x9A9A9A);
    private static final Color REFERENCE = new Color(0x777777);
    private static final Color RESPONDER = PALETTE[0];
    private static final Color NON_RESPONDER = PALETTE[1];
    private static final String FONT = Font.SANS_SERIF;
    private static final String EN_DASH = "\u2013";

    /**
     * XChart puts a tick on every distinct data value of an axis when those values, in series
     * order, happen to be equally spaced (e.g. a recall of k / positives), which gives odd tick
     * steps. A reference line through this value, which real data practically never take, keeps
     * the ordinary round tick steps.
     */
    private static final double OFF_GRID = 0.5 + Math.PI / 1000;

    private final int width;
    private final int height;
    private final long jitterSeed;

    private Plots(int width, int height, long jitterSeed) {
        this.width = width;
        this.height = height;
        this.jitterSeed = jitterSeed;
    }

    /** Images of 800 × 600 pixels, jitter seed 1. */
    public static Plots withDefaults() {
        return new Plots(800, 600, 1L);
    }

    /**
     * A copy that renders images of {@code width} × {@code height} pixels. ROC and
     * precision-recall plots keep a square plot area, centred in the image.
     *
     * @throws IllegalArgumentException if a side is below 200 or above 10000 pixels
     */
    public Plots withSize(int width, int height) {
        if (width < 200 || height < 200 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("image sides must be in [200, 10000] pixels but are " + width + " x " + height);
        }
        return new Plots(width, height, jitterSeed);
    }

    /** A copy whose strip plots jitter points horizontally with this seed (same seed, same image). */
    public Plots withJitterSeed(long seed) {
        return new Plots(width, height, seed);
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** The seed of the horizontal jitter in {@link #responseStrip}. */
    public long jitterSeed() {
        return jitterSeed;
    }

    /**
     * ROC curves: true positive rate against false positive rate, both axes 0–1 on a square
     * plot area, with the chance diagonal. Each curve's legend label carries its AUROC with the
     * DeLong 95% CI, e.g. {@code "molecules: AUROC 0.71 (0.66–0.76)"} (the CI is left out where
     * it is NaN, i.e. a class has a single sample).
     *
     * @param title  the chart title
     * @param curves one or more named curves, drawn and listed in the map's iteration order (use a
     *               {@link java.util.LinkedHashMap} for a fixed order)
     * @param aurocs the AUROC of each curve, by the same names
     * @return the rendered image
     * @throws IllegalArgumentException if {@code curves} is empty, the two maps' names differ, or a
     *                                  curve's area differs from its AUROC (they are not of the same scores)
     */
    public Plot roc(String title, Map<String, RocCurve> curves, Map<String, Auroc> aurocs) {
        return roc(title, curves, aurocs, Map.of());
    }

    /**
     * As {@link #roc(String, Map, Map)}, with thin translucent lines in a curve's colour, without
     * legend entries, for its folds (e.g. the test folds of one cross-validation repeat).
     *
     * @param folds per-fold curves by the name of the curve they belong to; names without an entry
     *              get none
     * @throws IllegalArgumentException as {@link #roc(String, Map, Map)}, or if {@code folds} names a
     *                                  curve that is not in {@code curves}
     */
    public Plot roc(String title, Map<String, RocCurve> curves, Map<String, Auroc> aurocs,
            Map<String, List<RocCurve>> folds) {
        return renderSquare(rocChart(title, curves, aurocs, folds));
    }

    XYChart rocChart(String title, Map<String, RocCurve> curves, Map<String, Auroc> aurocs,
            Map<String, List<RocCurve>> folds) {
        requireSameNames(curves, aurocs, "AUROCs");
        List<Series> lines = new ArrayList<>();
        curves.forEach((name, curve) -> lines.add(Series.roc(name, curve, aurocs.get(name))));
        List<List<Series>> thin = new ArrayList<>();
        for (String name : curves.keySet()) {
            thin.add(folds.getOrDefault(name, List.of()).stream().map(Series::roc).toList());
        }
        for (String name : folds.keySet()) {
            if (!curves.containsKey(name)) {
                throw new IllegalArgumentException("folds are given for '" + name + "' but there is no such curve");
            }
        }
        XYChart chart = curveChart(title, lines, thin, "1 \u2212 specificity (false positive rate)",
                "sensitivity (true positive rate)", LegendPosition.InsideSE);
        addLine(chart, "chance", new double[] {0, OFF_GRID, 1}, new double[] {0, OFF_GRID, 1}, REFERENCE, dashed(1.5f),
                true);
        return chart;
    }

    /**
     * Precision-recall curves with the precision of a classifier that ranks at random: the
     * fraction of responders ({@link Auprc#baseline()}). Legend labels carry the AUPRC (average
     * precision), e.g. {@code "molecules: AUPRC 0.55"}. Curves whose baselines agree to two
     * decimals share one grey dashed baseline; otherwise each curve gets its own in its colour.
     *
     * @param title  the chart title
     * @param curves one or more named curves, drawn and listed in the map's iteration order
     * @param auprcs the AUPRC of each curve, by the same names
     * @return the rendered image
     * @throws IllegalArgumentException if {@code curves} is empty, the two maps' names differ, or a
     *                                  curve's average precision differs from its AUPRC
     */
    public Plot precisionRecall(String title, Map<String, PrecisionRecallCurve> curves, Map<String, Auprc> auprcs) {
        return renderSquare(precisionRecallChart(title, curves, auprcs));
    }

    XYChart precisionRecallChart(String title, Map<String, PrecisionRecallCurve> curves, Map<String, Auprc> auprcs) {
        requireSameNames(curves, auprcs, "AUPRCs");
        List<Series> lines = new ArrayList<>();
        curves.forEach((name, curve) -> lines.add(Series.precisionRecall(name, curve, auprcs.get(name))));
        XYChart chart = curveChart(title, lines, List.of(), "recall (sensitivity)",
                "precision (positive predictive value)", LegendPosition.InsideNE);
        List<String> names = List.copyOf(curves.keySet());
        Set<String> distinct = new TreeSet<>();
        for (String name : names) {
            distinct.add(Fmt.fixed(auprcs.get(name).baseline(), 2));
        }
        double[] x = {0, OFF_GRID, 1};
        if (distinct.size() == 1) {
            double p = auprcs.get(names.get(0)).baseline();
            addLine(chart, "baseline: prevalence " + distinct.iterator().next(), x, new double[] {p, p, p}, REFERENCE,
                    dashed(1.5f), true);
        } else {
            for (int i = 0; i < names.size(); i++) {
                double p = auprcs.get(names.get(i)).baseline();
                addLine(chart, "baseline " + names.get(i) + ": prevalence " + Fmt.fixed(p, 2), x,
                        new double[] {p, p, p}, colour(i), dashed(1.5f), true);
            }
        }
        return chart;
    }

    /**
     * A calibration plot: observed fraction of responders against mean predicted probability per
     * bin of {@code curve}, with the diagonal of perfect calibration, and below it a bar panel of
     * the number of samples per bin. The legend states the calibration slope and intercept of
     * {@code fit} (NaN values, from a fit that did not converge, are left out).
     *
     * @param title the chart title
     * @param curve the binned curve, e.g. {@code CalibrationCurve.of(p, y, 10, Binning.QUANTILE)}
     * @param fit   the calibration slope and intercept of the same predictions, or {@code null} for none
     * @return the rendered image
     * @throws IllegalArgumentException if the curve has no bin
     */
    public Plot calibration(String title, CalibrationCurve curve, Calibration fit) {
        XYChart[] panels = calibrationCharts(title, curve, fit);
        BufferedImage image = canvas(width, height);
        Graphics2D g = image.createGraphics();
        g.drawImage(BitmapEncoder.getBufferedImage(panels[0]), 0, 0, null);
        g.drawImage(BitmapEncoder.getBufferedImage(panels[1]), 0, panels[0].getHeight(), null);
        g.dispose();
        return new Plot(encode(image), width, height);
    }

    /** The two panels of {@link #calibration}: the curve on top, the bin counts below. */
    XYChart[] calibrationCharts(String title, CalibrationCurve curve, Calibration fit) {
        List<CalibrationCurve.Bin> bins = curve.bins();
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("a calibration plot needs at least one bin");
        }
        int n = bins.size();
        double[] px = new double[n];
        double[] py = new double[n];
        double[] counts = new double[n];
        double maxCount = 0;
        for (int i = 0; i < n; i++) {
            px[i] = bins.get(i).meanPredicted();
            py[i] = bins.get(i).fractionPositive();
            counts[i] = bins.get(i).count();
            maxCount = Math.max(maxCount, counts[i]);
        }
        int topHeight = (int) Math.round(height * 0.72);
        int leftWidth = 80;

        XYChart top = newChart(width, topHeight, title, "", "observed fraction responding");
        XYStyler ts = top.getStyler();
        ts.setXAxisTitleVisible(false);
        ts.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        ts.setDecimalPattern("0.0");
        ts.setYAxisLeftWidthHint(leftWidth);
        ts.setLegendPosition(LegendPosition.InsideNW);
        ts.setMarkerSize(11);
        addLine(top, "perfect calibration", new double[] {0, OFF_GRID, 1}, new double[] {0, OFF_GRID, 1}, REFERENCE,
                dashed(1.5f), true);
        XYSeries s = addLine(top, calibrationLabel(fit), px, py, PALETTE[0], new BasicStroke(2f), true);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(PALETTE[0]);

        XYChart bottom = newChart(width, height - topHeight, null, "mean predicted probability", "samples");
        XYStyler bs = bottom.getStyler();
        bs.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(Math.ceil(maxCount * 1.1));
        bs.setXAxisDecimalPattern("0.0");
        bs.setYAxisLeftWidthHint(leftWidth);
        bs.setLegendVisible(false);
        bs.setYAxisDecimalPattern("#");
        float barWidth = (float) Math.max(3, Math.min(40, 0.6 * (width - leftWidth - 60) / Math.max(n, 10)));
        offGridX(bottom);
        for (int i = 0; i < n; i++) {
            addLine(bottom, "bin " + i, new double[] {px[i], px[i]}, new double[] {0, counts[i]},
                    new Color(0x56B4E9), new BasicStroke(barWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER), false);
        }
        return new XYChart[] {top, bottom};
    }

    private static String calibrationLabel(Calibration fit) {
        String label = "binned observed vs predicted";
        List<String> stats = new ArrayList<>();
        if (fit != null && !Double.isNaN(fit.slope())) {
            stats.add("slope " + Fmt.fixed(fit.slope(), 2));
        }
        if (fit != null && !Double.isNaN(fit.intercept())) {
            stats.add("intercept " + Fmt.fixed(fit.intercept(), 2));
        }
        return stats.isEmpty() ? label : label + " (" + String.join(", ", stats) + ")";
    }

    /**
     * Horizontal bars of a model's coefficients ({@link ResponseModel#coefficients()}, on the scale
     * of its preprocessed features; the intercept is not shown), one row per feature, sorted by
     * value (largest at the top), with a line at zero. With a catalog, bars are coloured by the
     * molecule's expected direction (stimulatory green, inhibitory red, unclear or not in the
     * catalog grey) with a legend of the colours; without one they are all blue. Many features
     * need a tall image: at least about 20 pixels per row keeps every name readable.
     *
     * @param title     the chart title
     * @param axisLabel the value axis label with the unit, e.g. {@code "coefficient (log-odds per SD)"}
     * @param model     the model whose coefficients are drawn
     * @param catalog   the catalog whose expected directions colour the bars, or {@code null} for none
     * @return the rendered image
     */
    public Plot coefficients(String title, String axisLabel, ResponseModel model, MoleculeCatalog catalog) {
        return render(coefficientChart(title, axisLabel, model, catalog));
    }

    XYChart coefficientChart(String title, String axisLabel, ResponseModel model, MoleculeCatalog catalog) {
        List<String> features = model.featureNames();
        double[] values = model.coefficients();
        Integer[] order = new Integer[values.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        // stable: ties (e.g. coefficients shrunk to 0) keep the model's feature order
        Arrays.sort(order, Comparator.comparingDouble(j -> values[j]));
        int n = order.length;
        XYChart chart = newChart(width, height, title, axisLabel, "");
        XYStyler st = chart.getStyler();
        st.setYAxisTitleVisible(false);
        st.setLegendPosition(LegendPosition.OutsideS);
        st.setLegendLayout(LegendLayout.Horizontal);
        st.setLegendVisible(catalog != null);
        st.setPlotGridHorizontalLinesVisible(false);
        double lo = Math.min(0, values[order[0]]);
        double hi = Math.max(0, values[order[n - 1]]);
        double pad = hi > lo ? 0.06 * (hi - lo) : 1;
        st.setXAxisMin(lo - pad).setXAxisMax(hi + pad);
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = features.get(order[i]);
        }
        rowLabels(chart, names);
        float bar = (float) Math.max(2, Math.min(40, 0.6 * (height - 170) / n));
        BasicStroke stroke = new BasicStroke(bar, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        Set<Direction> present = EnumSet.noneOf(Direction.class);
        for (int i = 0; i < n; i++) {
            Direction d = catalog == null ? null
                    : catalog.get(names[i]).map(Molecule::direction).orElse(Direction.UNCLEAR);
            addLine(chart, "row " + i, new double[] {0, values[order[i]]}, new double[] {i, i},
                    d == null ? PALETTE[0] : colour(d), stroke, false);
            if (d != null) {
                present.add(d);
            }
        }
        // legend swatches: zero-length lines (invisible in the plot) on an existing row
        BasicStroke swatch = new BasicStroke(10f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        for (Direction d : present) {
            addLine(chart, d.token(), new double[] {0, 0}, new double[] {0, 0}, colour(d), swatch, true);
        }
        offGridX(chart);
        chart.addAnnotation(new AnnotationLine(0, true, false));
        st.setAnnotationLineColor(Color.DARK_GRAY);
        st.setAnnotationLineStroke(new BasicStroke(1.2f));
        return chart;
    }

    /**
     * A forest plot of AUROCs, e.g. {@link org.gutsignal.eval.CvResult#aurocByGroup()}: one row per
     * group with the AUROC (square) and its DeLong 95% CI (whiskers; none where the CI is NaN),
     * and a dashed line at 0.5 (chance). Each row label reads
     * {@code "site1 (n = 218)   0.71 (0.62–0.80)"}, n being the samples the AUROC was computed on.
     * A {@linkplain Auroc#isDegenerate() degenerate} AUROC (constant scores) gets a row labelled
     * {@code "site1 (n = 218)   degenerate (constant scores)"} with no square and no interval.
     * Rows appear top to bottom in the map's iteration order; the x axis spans 0–1.
     *
     * @param title  the chart title
     * @param groups one or more AUROCs by group name
     * @return the rendered image
     * @throws IllegalArgumentException if {@code groups} is empty
     */
    public Plot forest(String title, Map<String, Auroc> groups) {
        return render(forestChart(title, groups, null, null, null));
    }

    /**
     * As {@link #forest(String, Map)}, with the random-effects pool of the groups in the bottom row
     * below a separator (e.g. {@link org.gutsignal.eval.CvResult#pooledByGroup()}): a diamond
     * spanning its 95% CI, centred on the pooled AUROC, over a thin line spanning the 95% prediction
     * interval. The row is labelled {@code "random effects (REML)   0.70 (0.62–0.77), 95% PI
     * 0.48–0.86"}; when the pool {@linkplain PooledAuroc#excluded() left groups out}, the x axis
     * title says how many it holds ({@code "pool of 2 of 4 groups"}).
     *
     * @param pooled the pool of (some of) {@code groups}
     * @throws IllegalArgumentException if {@code groups} is empty
     * @throws NullPointerException     if {@code pooled} is null
     */
    public Plot forest(String title, Map<String, Auroc> groups, PooledAuroc pooled) {
        Objects.requireNonNull(pooled, "pooled");
        return render(forestChart(title, groups, null, null, pooled));
    }

    /**
     * As {@link #forest(String, Map)}, with another AUROC (diamond) in the bottom row below a
     * separator, e.g. a validation cohort's. (For the cross-cohort summary of the groups use
     * {@link #forest(String, Map, PooledAuroc)}: the AUROC of concatenated scores,
     * {@link org.gutsignal.eval.CvResult#aurocConcatenated()}, is not one.)
     *
     * @param pooledName the bottom row's name, e.g. {@code "validation"}
     * @param pooled     its AUROC
     * @throws IllegalArgumentException if {@code groups} is empty or holds {@code pooledName}
     * @throws NullPointerException     if {@code pooledName} or {@code pooled} is null
     */
    public Plot forest(String title, Map<String, Auroc> groups, String pooledName, Auroc pooled) {
        Objects.requireNonNull(pooledName, "pooledName");
        Objects.requireNonNull(pooled, "pooled");
        return render(forestChart(title, groups, pooledName, pooled, null));
    }

    XYChart forestChart(String title, Map<String, Auroc> groups, String pooledName, Auroc pooled) {
        return forestChart(title, groups, pooledName, pooled, null);
    }

    XYChart forestChart(String title, Map<String, Auroc> groups, String pooledName, Auroc pooled, PooledAuroc meta) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a forest plot needs at least one group");
        }
        if (pooledName != null && groups.containsKey(pooledName)) {
            throw new IllegalArgumentException("the pooled row's name '" + pooledName + "' is also a group's");
        }
        boolean bottomRow = pooled != null || meta != null;
        // bottom to top: the pooled row, then the groups in reverse order
        List<String> names = new ArrayList<>();
        List<Auroc> rows = new ArrayList<>();
        if (bottomRow) {
            names.add(pooledName);
            rows.add(pooled);
        }
        List<String> keys = new ArrayList<>(groups.keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            names.add(keys.get(i));
            rows.add(groups.get(keys.get(i)));
        }
        int n = rows.size();
        String xTitle = "AUROC (95% CI, DeLong)";
        if (meta != null && !meta.excluded().isEmpty()) {
            xTitle += "; pool of " + meta.k() + " of " + (meta.k() + meta.excluded().size()) + " groups";
        }
        XYChart chart = newChart(width, height, title, xTitle, "");
        XYStyler st = chart.getStyler();
        st.setYAxisTitleVisible(false);
        st.setLegendVisible(false);
        st.setPlotGridHorizontalLinesVisible(false);
        st.setXAxisMin(0.0).setXAxisMax(1.0);
        st.setXAxisDecimalPattern("0.0");
        st.setMarkerSize(13);
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            Color c = bottomRow && i == 0 ? PALETTE[1] : PALETTE[0];
            if (meta != null && i == 0) {
                labels[i] = "random effects (" + meta.method().label() + ")   " + estimate(meta);
                addPool(chart, meta, c);
                continue;
            }
            Auroc a = rows.get(i);
            labels[i] = names.get(i) + " (n = " + (a.positives() + a.negatives()) + ")   " + Series.estimate(a);
            if (a.isDegenerate()) {
                // the y value still marks the row, so that XChart puts a tick on it; nothing is drawn
                addLine(chart, "estimate " + i, new double[] {OFF_GRID}, new double[] {i}, Color.WHITE,
                        SeriesLines.NONE, false);
                continue;
            }
            boolean isPooled = bottomRow && i == 0;
            ConfidenceInterval ci = a.ci95();
            if (!Double.isNaN(ci.lower()) && !Double.isNaN(ci.upper())) {
                addLine(chart, "ci " + i, new double[] {ci.lower(), ci.upper()}, new double[] {i, i}, c,
                        new BasicStroke(isPooled ? 3.5f : 2.5f), false);
            }
            XYSeries p = addLine(chart, "estimate " + i, new double[] {a.value()}, new double[] {i}, c,
                    SeriesLines.NONE, false);
            p.setMarker(isPooled ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE);
            p.setMarkerColor(c);
            p.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        }
        rowLabels(chart, labels);
        offGridX(chart);
        chart.addAnnotation(new AnnotationLine(0.5, true, false));
        if (bottomRow) {
            chart.addAnnotation(new AnnotationLine(0.5, false, false));
        }
        st.setAnnotationLineColor(REFERENCE);
        st.setAnnotationLineStroke(dashed(1.2f));
        return chart;
    }

    /** {@code "0.70 (0.62–0.77), 95% PI 0.48–0.86"}: a pool's AUROC, 95% CI and 95% prediction interval. */
    static String estimate(PooledAuroc pool) {
        ConfidenceInterval ci = pool.ci95();
        ConfidenceInterval pi = pool.predictionInterval95();
        return Fmt.fixed(pool.estimate(), 2) + " (" + Fmt.fixed(ci.lower(), 2) + EN_DASH + Fmt.fixed(ci.upper(), 2)
                + "), 95% PI " + Fmt.fixed(pi.lower(), 2) + EN_DASH + Fmt.fixed(pi.upper(), 2);
    }

    /** The pool on row 0: a thin prediction-interval line with end ticks under a filled diamond spanning the CI. */
    private static void addPool(XYChart chart, PooledAuroc pool, Color c) {
        ConfidenceInterval pi = pool.predictionInterval95();
        ConfidenceInterval ci = pool.ci95();
        double mu = pool.estimate();
        double t = 0.08; // half an end tick's height, in rows
        addLine(chart, "pi 0", new double[] {pi.lower(), pi.upper()}, new double[] {0, 0}, c, new BasicStroke(1.5f),
                false);
        addLine(chart, "pi lower end 0", new double[] {pi.lower(), pi.lower()}, new double[] {-t, t}, c,
                new BasicStroke(1.5f), false);
        addLine(chart, "pi upper end 0", new double[] {pi.upper(), pi.upper()}, new double[] {-t, t}, c,
                new BasicStroke(1.5f), false);
        double h = 0.16; // half the diamond's height, in rows
        XYSeries d = addLine(chart, "ci 0", new double[] {ci.lower(), mu, ci.upper(), mu, ci.lower()},
                new double[] {0, h, 0, -h, 0}, c, new BasicStroke(1.5f), false);
        d.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        d.setFillColor(c);
        XYSeries e = addLine(chart, "estimate 0", new double[] {mu}, new double[] {0}, c, SeriesLines.NONE, false);
        e.setMarker(SeriesMarkers.NONE);
    }

    /**
     * A jittered strip plot of one value (e.g. HMBPP capacity) for responders and non-responders,
     * optionally side by side per group, with a black bar at each column's median. Points are
     * jittered horizontally with {@link #jitterSeed()}. NaN values are not drawn; on a log scale
     * values ≤ 0 cannot be drawn either, and the x axis title says how many were left out.
     *
     * @param title      the chart title
     * @param valueLabel the y axis label with the unit, e.g. {@code "HMBPP capacity (CPM)"}
     * @param values     one value per sample
     * @param labels     one label per sample: 1 = responder, 0 = non-responder (as {@code Cohort.labels()})
     * @param groups     one group name per sample (columns are shown per group, sorted by name), or
     *                   {@code null} for one pair of columns
     * @param logScale   whether the value axis is logarithmic
     * @return the rendered image
     * @throws IllegalArgumentException if the lengths differ, a label is not 0 or 1, or no value can be drawn
     */
    public Plot responseStrip(String title, String valueLabel, double[] values, int[] labels, List<String> groups,
            boolean logScale) {
        int n = values.length;
        if (labels.length != n || (groups != null && groups.size() != n)) {
            throw new IllegalArgumentException(n + " values but " + labels.length + " labels"
                    + (groups == null ? "" : " and " + groups.size() + " groups"));
        }
        List<String> groupNames = groups == null ? List.of("") : List.copyOf(new TreeSet<>(groups));
        int g = groupNames.size();
        // column index = 2 * group + (responder ? 0 : 1)
        List<List<Double>> columns = new ArrayList<>();
        for (int k = 0; k < 2 * g; k++) {
            columns.add(new ArrayList<>());
        }
        int hidden = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label of sample " + i + " must be 0 or 1 but is " + labels[i]);
            }
            if (Double.isNaN(values[i]) || (logScale && !(values[i] > 0))) {
                hidden += Double.isNaN(values[i]) ? 0 : 1;
                continue;
            }
            int group = groups == null ? 0 : groupNames.indexOf(groups.get(i));
            columns.get(2 * group + (labels[i] == 1 ? 0 : 1)).add(values[i]);
        }
        if (columns.stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no value can be drawn (all NaN" + (logScale ? " or <= 0)" : ")"));
        }
        double[] position = new double[2 * g];
        String[] tickLabels = new String[g == 1 ? 2 : g];
        double spread;
        if (groups == null) {
            position[0] = 0;
            position[1] = 1;
            tickLabels[0] = "responders (n = " + columns.get(0).size() + ")";
            tickLabels[1] = "non-responders (n = " + columns.get(1).size() + ")";
            spread = 0.15;
        } else {
            for (int k = 0; k < g; k++) {
                position[2 * k] = k - 0.2;
                position[2 * k + 1] = k + 0.2;
                tickLabels[k] = groupNames.get(k);
            }
            if (g == 1) {
                tickLabels = new String[] {groupNames.get(0)};
            }
            spread = 0.08;
        }
        String xTitle = "";
        if (hidden > 0) {
            xTitle += (xTitle.isEmpty() ? "" : "; ") + hidden + (hidden == 1 ? " value" : " values")
                    + " \u2264 0 not shown on the log scale";
        }
        XYChart chart = newChart(width, height, title, xTitle, valueLabel);
        XYStyler st = chart.getStyler();
        st.setXAxisTitleVisible(!xTitle.isEmpty());
        st.setYAxisLogarithmic(logScale);
        st.setLegendPosition(LegendPosition.OutsideS);
        st.setLegendLayout(LegendLayout.Horizontal);
        st.setPlotGridVerticalLinesVisible(false);
        st.setMarkerSize(7);
        double xMin = groups == null ? -0.5 : -0.6;
        double xMax = groups == null ? 1.5 : g - 0.4;
        st.setXAxisMin(xMin).setXAxisMax(xMax);
        // column labels are written above the columns: XChart's tick placement cannot be pinned
        // to the column positions
        st.setXAxisTicksVisible(false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Double> column : columns) {
            for (double v : column) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double labelY;
        if (logScale) {
            double ratio = hi > lo ? hi / lo : 10;
            st.setYAxisMin(lo / Math.pow(ratio, 0.04)).setYAxisMax(hi * Math.pow(ratio, 0.16));
            labelY = hi * Math.pow(ratio, 0.09);
        } else {
            double range = hi > lo ? hi - lo : Math.max(1, Math.abs(hi));
            // non-negative values (capacities, abundances) keep the axis at 0 rather than below it
            st.setYAxisMin(lo >= 0 ? Math.max(0, lo - 0.04 * range) : lo - 0.04 * range).setYAxisMax(hi + 0.14 * range);
            labelY = hi + 0.08 * range;
        }
        st.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 14));
        st.setAnnotationTextFontColor(Color.BLACK);
        for (int k = 0; k < tickLabels.length; k++) {
            chart.addAnnotation(new AnnotationText(tickLabels[k], k, labelY, false));
        }

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(jitterSeed);
        for (int response = 0; response < 2; response++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < g; k++) {
                for (double v : columns.get(2 * k + response)) {
                    xs.add(position[2 * k + response] + (2 * rng.nextDouble() - 1) * spread);
                    ys.add(v);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            Color c = response == 0 ? RESPONDER : NON_RESPONDER;
            XYSeries s = chart.addSeries(response == 0 ? "responders" : "non-responders", xs, ys);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
        }
        boolean medianInLegend = true;
        for (int col = 0; col < 2 * g; col++) {
            List<Double> v = columns.get(col);
            if (v.isEmpty()) {
                continue;
            }
            double m = median(v);
            addLine(chart, "median " + col, new double[] {position[col] - 1.6 * spread, position[col] + 1.6 * spread},
                    new double[] {m, m}, Color.BLACK, new BasicStroke(3f), medianInLegend).setLabel("median");
            medianInLegend = false;
        }
        return render(chart);
    }

    // ---------------------------------------------------------------- internals

    private static void requireSameNames(Map<String, ?> curves, Map<String, ?> summaries, String what) {
        if (!curves.keySet().equals(summaries.keySet())) {
            throw new IllegalArgumentException("the curves and their " + what + " must have the same names but are "
                    + curves.keySet() + " and " + summaries.keySet());
        }
    }

    /** A square chart of curves (thick, in the legend) over their thin per-fold lines, in palette order. */
    private XYChart curveChart(String title, List<Series> curves, List<List<Series>> folds, String xTitle,
            String yTitle, LegendPosition legend) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("at least one curve is needed");
        }
        int side = squareChartWidth();
        XYChart chart = newChart(side, height, title, xTitle, yTitle);
        XYStyler st = chart.getStyler();
        st.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        st.setDecimalPattern("0.0");
        st.setLegendPosition(legend);
        for (int i = 0; i < folds.size(); i++) {
            for (int f = 0; f < folds.get(i).size(); f++) {
                Series s = folds.get(i).get(f);
                addLine(chart, "fold " + i + "." + f, s.x(), s.y(), translucent(colour(i), 90), new BasicStroke(1f),
                        false);
            }
        }
        for (int i = 0; i < curves.size(); i++) {
            Series c = curves.get(i);
            addLine(chart, "curve " + i, c.x(), c.y(), colour(i), new BasicStroke(2.5f), true).setLabel(c.label());
        }
        return chart;
    }

    /** Width of a chart whose plot area is about square at the configured height. */
    private int squareChartWidth() {
        return Math.min(width, height - 10);
    }

    /**
     * Puts {@code labels[i]} as the y tick label at y = i. XChart places one tick on every data
     * value when the distinct y values, in series order, are equally spaced; the series are
     * therefore added with y = 0, 1, 2, … in ascending order and the content area is shrunk so
     * half a row of margin remains at either end.
     */
    private static void rowLabels(XYChart chart, String[] labels) {
        int n = labels.length;
        XYStyler st = chart.getStyler();
        if (n == 1) {
            st.setYAxisMin(-1.0).setYAxisMax(1.0);
        } else {
            st.setPlotContentSize((n - 1.0) / n);
        }
        st.setyAxisTickLabelsFormattingFunction(v -> tickLabel(labels, v));
    }

    /**
     * {@code labels[k]} at the integer {@code k}; elsewhere a blank, one space below the first
     * label and two above it. (XChart draws no ticks at all when the axis minimum and maximum
     * format to the same text.)
     */
    private static String tickLabel(String[] labels, double v) {
        long k = Math.round(v);
        if (Math.abs(v - k) < 1e-6 && k >= 0 && k < labels.length) {
            return labels[(int) k];
        }
        return v < 0 ? " " : "  ";
    }


    /** An invisible point at x = {@link #OFF_GRID} on the first row, added after all rows. */
    private static void offGridX(XYChart chart) {
        addLine(chart, "off grid", new double[] {OFF_GRID}, new double[] {0}, Color.WHITE, SeriesLines.NONE, false);
    }

    private static XYChart newChart(int w, int h, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(w, h);
        if (title != null) {
            chart.setTitle(title);
        }
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler st = chart.getStyler();
        st.setChartTitleVisible(title != null && !title.isEmpty());
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(new Color(0x999999));
        st.setPlotGridLinesColor(new Color(0xE3E3E3));
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(FONT, Font.BOLD, 18));
        st.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
        st.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 14));
        st.setLegendFont(new Font(FONT, Font.PLAIN, 14));
        st.setLegendBorderColor(new Color(0xBBBBBB));
        st.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        st.setChartFontColor(Color.BLACK);
        st.setAxisTickLabelsColor(new Color(0x222222));
        st.setAntiAlias(true);
        st.setToolTipsEnabled(false);
        st.setZoomEnabled(false);
        st.setCursorEnabled(false);
        return chart;
    }

    private static XYSeries addLine(XYChart chart, String name, double[] x, double[] y, Color colour,
            BasicStroke stroke, boolean inLegend) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        s.setShowInLegend(inLegend);
        return s;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 5f}, 0f);
    }

    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static Color colour(Direction d) {
        return switch (d) {
            case STIMULATORY -> STIMULATORY;
            case INHIBITORY -> INHIBITORY;
            case UNCLEAR -> UNCLEAR;
        };
    }

    private static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private Plot render(Chart<?, ?> chart) {
        try {
            return new Plot(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG in memory failed", e);
        }
    }

    /** Centres a chart narrower than the configured width on a white canvas of the configured size. */
    private Plot renderSquare(XYChart chart) {
        if (chart.getWidth() == width) {
            return render(chart);
        }
        BufferedImage image = canvas(width, height);
        Graphics2D g = image.createGraphics();
        g.drawImage(BitmapEncoder.getBufferedImage(chart), (width - chart.getWidth()) / 2, 0, null);
        g.dispose();
        return new Plot(encode(image), width, height);
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG in memory failed", e);
        }
        return out.toByteArray();
    }
}
