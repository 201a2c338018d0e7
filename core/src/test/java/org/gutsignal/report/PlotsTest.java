package org.gutsignal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.profile.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Renders every plot headless with realistic data, checks each PNG decodes at the configured
 * size and is not blank, and keeps the images under {@code target/report-samples/} for a look.
 */
@Timeout(120)
class PlotsTest {

    private static final Path SAMPLES = Path.of("target", "report-samples");
    private static final Plots PLOTS = Plots.withDefaults();

    @Test
    void rocWithFoldsAndBand() throws IOException {
        Sample s = classifier(300, 0.8, 11);
        double[][] roc = rocPoints(s.scores, s.labels);
        List<Curve> folds = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            Sample fs = classifier(60, 0.8, 100 + f);
            double[][] r = rocPoints(fs.scores, fs.labels);
            folds.add(Curve.of("fold " + f, r[0], r[1]));
        }
        Sample species = classifier(300, 0.35, 12);
        double[][] roc2 = rocPoints(species.scores, species.labels);
        double[] grid = new double[51];
        double[] lo = new double[51];
        double[] up = new double[51];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i / 50.0;
            double t = interpolate(roc[0], roc[1], grid[i]);
            lo[i] = Math.max(0, t - 0.07);
            up[i] = Math.min(1, t + 0.07);
        }
        List<Curve> curves = List.of(
                Curve.of("molecules", roc[0], roc[1]).withEstimate(0.71, 0.66, 0.76).withBand(grid, lo, up)
                        .withFolds(folds),
                Curve.of("species", roc2[0], roc2[1]).withEstimate(0.59, 0.53, 0.65));
        Plot plot = PLOTS.roc("Leave-one-site-out ROC", curves);
        check(plot, "roc.png", 800, 600);
        check(PLOTS.withSize(700, 700).roc("Square ROC", curves.subList(1, 2)), "roc-square.png", 700, 700);
    }

    @Test
    void precisionRecall() throws IOException {
        Sample s = classifier(300, 0.8, 13);
        double[][] pr = prPoints(s.scores, s.labels);
        int positives = Arrays.stream(s.labels).sum();
        Plot plot = PLOTS.precisionRecall("Precision-recall",
                List.of(Curve.of("molecules", pr[0], pr[1]).withEstimate(0.58, 0.50, 0.66)),
                positives / (double) s.labels.length);
        check(plot, "pr.png", 800, 600);
    }

    @Test
    void calibration() throws IOException {
        List<CalibrationBin> bins = List.of(new CalibrationBin(0.08, 0.10, 41), new CalibrationBin(0.19, 0.15, 77),
                new CalibrationBin(0.29, 0.33, 96), new CalibrationBin(0.41, 0.37, 88),
                new CalibrationBin(0.52, 0.58, 61), new CalibrationBin(0.63, 0.70, 30),
                new CalibrationBin(0.74, 0.64, 14), new CalibrationBin(0.86, 0.80, 5));
        check(PLOTS.calibration("Calibration (out-of-fold)", bins, 0.92, -0.05), "calibration.png", 800, 600);
        check(PLOTS.calibration("", bins.subList(0, 1), Double.NaN, Double.NaN), "calibration-one.png", 800, 600);
    }

    @Test
    void coefficients() throws IOException {
        List<Coefficient> coefs = List.of(new Coefficient("HMBPP", 0.62, Direction.STIMULATORY),
                new Coefficient("LPS", -0.41, Direction.INHIBITORY), new Coefficient("BUTYRATE", 0.08, Direction.UNCLEAR),
                new Coefficient("SECONDARY_BILE_ACIDS", -0.27, Direction.INHIBITORY),
                new Coefficient("INDOLE", -0.03, Direction.UNCLEAR), new Coefficient("TMA", 0.15, Direction.STIMULATORY));
        check(PLOTS.coefficients("Model coefficients", "coefficient (log-odds per SD)", coefs), "coefficients.png",
                800, 600);
        check(PLOTS.coefficients("One", "coefficient", coefs.subList(0, 1)), "coefficients-one.png", 800, 600);
    }

    @Test
    void forest() throws IOException {
        List<GroupEstimate> sites = List.of(new GroupEstimate("site1 (n = 171)", 0.72, 0.64, 0.80),
                new GroupEstimate("site2 (n = 158)", 0.68, 0.59, 0.77), new GroupEstimate("site3 (n = 149)", 0.75, 0.67, 0.83),
                new GroupEstimate("site4 (n = 166)", 0.61, 0.52, 0.70), new GroupEstimate("site5 (n = 156)", 0.70, 0.61, 0.79),
                new GroupEstimate("validation (n = 147)", 0.66, 0.57, 0.75));
        check(PLOTS.forest("AUROC per site (leave-one-site-out)", "AUROC (95% CI)", sites,
                new GroupEstimate("pooled", 0.69, 0.65, 0.72)), "forest.png", 800, 600);
        check(PLOTS.forest("No pooled row", "AUROC", sites.subList(0, 1), null), "forest-one.png", 800, 600);
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
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Curve.of("c", new double[] {0, 1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Curve.of("c", new double[] {0, 1.5}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> PLOTS.roc("t", List.of()));
        Curve c = Curve.of("c", new double[] {0, 1}, new double[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> PLOTS.roc("t", List.of(c, c)));
        assertThrows(IllegalArgumentException.class, () -> PLOTS.precisionRecall("t", List.of(c), 0));
        assertThrows(IllegalArgumentException.class, () -> new GroupEstimate("g", 0.5, 0.6, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new CalibrationBin(0.5, 0.5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> PLOTS.responseStrip("t", "v", new double[] {1}, new int[] {2}, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> PLOTS.responseStrip("t", "v", new double[] {0, -1}, new int[] {1, 0}, null, true));
        assertThrows(IllegalArgumentException.class, () -> PLOTS.withSize(100, 600));
        Coefficient a = new Coefficient("HMBPP", 1, Direction.STIMULATORY);
        assertThrows(IllegalArgumentException.class, () -> PLOTS.coefficients("t", "c", List.of(a, a)));
        GroupEstimate g = new GroupEstimate("site1", 0.6, 0.5, 0.7);
        assertThrows(IllegalArgumentException.class, () -> PLOTS.forest("t", "AUROC", List.of(g, g), null));
    }

    @Test
    void curveLabelFormatsEstimateAndInterval() {
        Curve c = Curve.of("molecules", new double[] {0, 1}, new double[] {0, 1});
        assertEquals("molecules", c.label("AUROC"));
        assertEquals("molecules: AUROC 0.71 (0.66\u20130.76)", c.withEstimate(0.7149, 0.655, 0.7551).label("AUROC"));
        assertEquals("molecules: AUROC 0.71", c.withEstimate(0.71, Double.NaN, Double.NaN).label("AUROC"));
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

    /** ROC points (fpr, tpr) by descending score threshold. */
    private static double[][] rocPoints(double[] scores, int[] labels) {
        Integer[] order = sortedDescending(scores);
        int pos = Arrays.stream(labels).sum();
        int neg = labels.length - pos;
        double[] fpr = new double[scores.length + 1];
        double[] tpr = new double[scores.length + 1];
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] == 1) {
                tp++;
            } else {
                fp++;
            }
            fpr[k + 1] = fp / (double) neg;
            tpr[k + 1] = tp / (double) pos;
        }
        return new double[][] {fpr, tpr};
    }

    /** PR points (recall, precision) by descending score threshold. */
    private static double[][] prPoints(double[] scores, int[] labels) {
        Integer[] order = sortedDescending(scores);
        int pos = Arrays.stream(labels).sum();
        double[] recall = new double[scores.length];
        double[] precision = new double[scores.length];
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            tp += labels[order[k]];
            recall[k] = tp / (double) pos;
            precision[k] = tp / (double) (k + 1);
        }
        return new double[][] {recall, precision};
    }

    private static Integer[] sortedDescending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return order;
    }

    private static double interpolate(double[] x, double[] y, double at) {
        double best = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= at) {
                best = Math.max(best, y[i]);
            }
        }
        return best;
    }
}
