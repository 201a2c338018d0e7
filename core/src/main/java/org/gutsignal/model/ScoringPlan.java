package org.gutsignal.model;

import java.util.List;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.FittedStep;
import org.gutsignal.transform.StepKind;

/**
 * How a {@link ResponseModel} turns raw feature tables into linear predictors fast, worked out
 * once at construction.
 *
 * <p>A trailing standardisation is folded into the coefficients and intercept
 * ({@code β_j/s_j}, {@code b − Σ β_j c_j/s_j}), exact up to floating-point rounding. Then one of
 * three paths: when what remains only selects features, samples are scored straight from the
 * table four at a time (four independent sums, rows read in memory order); when it is a single
 * {@code ln} or {@code log10}, each sample's logarithms are summed straight from the table;
 * otherwise each sample is gathered into per-thread scratch arrays and transformed with
 * {@link FittedPreprocessing#applyRow}. All paths do the same arithmetic in the same order, and
 * scoring allocates nothing after a thread's first call. Immutable apart from the per-thread
 * scratch; thread-safe. Package-private.
 */
final class ScoringPlan {

    /** The raw features read from a table, in the order of {@link #score}'s column array. */
    private final String[] rawNames;
    private final FittedPreprocessing prefix;
    private final boolean columnwise;
    private final double[] foldedCoefficients;
    private final double foldedIntercept;
    /** LN or LOG10 if that one element-wise step is all that is left after folding, else null. */
    private final StepKind logKind;
    private final double logPseudocount;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final int[] columns;
        final double[] raw;
        final double[] z;

        Scratch(int rawWidth, int zWidth) {
            columns = new int[rawWidth];
            raw = new double[rawWidth];
            z = new double[zWidth];
        }
    }

    ScoringPlan(FittedPreprocessing preprocessing, double[] coefficients, double intercept) {
        List<FittedStep> steps = preprocessing.steps();
        double[] folded = coefficients.clone();
        double b0 = intercept;
        List<FittedStep> kept = steps;
        if (!steps.isEmpty() && steps.get(steps.size() - 1).kind() == StepKind.STANDARDIZE) {
            FittedStep last = steps.get(steps.size() - 1);
            double[] centres = last.centres();
            double[] scales = last.scales();
            for (int j = 0; j < folded.length; j++) {
                folded[j] = coefficients[j] / scales[j];
                b0 -= folded[j] * centres[j];
            }
            kept = steps.subList(0, steps.size() - 1);
            for (int j = 0; j < folded.length; j++) {
                if (!Double.isFinite(folded[j])) {
                    throw new IllegalArgumentException("the coefficient of '" + last.inputFeatures().get(j)
                            + "' divided by its standardisation scale overflows: " + coefficients[j] + " / "
                            + scales[j]);
                }
            }
            if (!Double.isFinite(b0)) {
                throw new IllegalArgumentException("the intercept with the standardisation folded in overflows: "
                        + "the centres are too large for the coefficients");
            }
        }
        this.prefix = FittedPreprocessing.of(preprocessing.inputFeatures(), kept);
        boolean selectOnly = true;
        for (FittedStep step : kept) {
            selectOnly &= !step.kind().changesValues();
        }
        this.columnwise = selectOnly;
        this.rawNames = (selectOnly ? prefix.outputFeatures() : prefix.inputFeatures()).toArray(new String[0]);
        this.foldedCoefficients = folded;
        this.foldedIntercept = b0;
        boolean singleLog = kept.size() == 1
                && (kept.get(0).kind() == StepKind.LN || kept.get(0).kind() == StepKind.LOG10);
        this.logKind = singleLog ? kept.get(0).kind() : null;
        this.logPseudocount = singleLog ? kept.get(0).pseudocount() : 0.0;
        int rawWidth = rawNames.length;
        int zWidth = coefficients.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(rawWidth, zWidth));
    }

    /**
     * Writes the linear predictor of every sample into {@code out[0 .. n-1]}; a raw feature the
     * table lacks counts as 0 (the caller has applied its missing-feature policy).
     */
    void linearPredictors(FeatureTable table, double[] out) {
        int n = table.sampleCount();
        Scratch s = scratch.get();
        int[] cols = s.columns;
        for (int k = 0; k < rawNames.length; k++) {
            cols[k] = table.indexOfFeature(rawNames[k]);
        }
        if (columnwise) {
            scoreColumnwise(table, cols, n, out);
        } else if (logKind != null) {
            scoreLog(table, cols, n, out, s);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = linearPredictor(table, cols, i, s);
            }
        }
    }

    /**
     * Linear predictors when the preprocessing left after folding only selects features: four
     * samples at a time, each with its own sum, so the multiply-adds of the four are independent
     * and the table (sample-major) is read row by row. Each sum adds its terms in model-feature
     * order, as a one-sample loop would.
     */
    private void scoreColumnwise(FeatureTable table, int[] cols, int n, double[] out) {
        double[] beta = foldedCoefficients;
        double b0 = foldedIntercept;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double e0 = b0;
            double e1 = b0;
            double e2 = b0;
            double e3 = b0;
            for (int k = 0; k < cols.length; k++) {
                int col = cols[k];
                if (col < 0) {
                    continue; // absent, filled under fillZero by scoreWithCoverage: contributes β·0
                }
                double b = beta[k];
                e0 += b * table.get(i, col);
                e1 += b * table.get(i + 1, col);
                e2 += b * table.get(i + 2, col);
                e3 += b * table.get(i + 3, col);
            }
            out[i] = e0;
            out[i + 1] = e1;
            out[i + 2] = e2;
            out[i + 3] = e3;
        }
        for (; i < n; i++) {
            double e = b0;
            for (int k = 0; k < cols.length; k++) {
                int col = cols[k];
                if (col >= 0) {
                    e += beta[k] * table.get(i, col);
                }
            }
            out[i] = e;
        }
    }

    /**
     * Linear predictors when the preprocessing left after folding is one {@code ln} or
     * {@code log10} step: the same arithmetic as {@link FittedPreprocessing#applyRow} followed by
     * the dot product, without the gather into scratch arrays. A non-finite sum means some
     * logarithm was not finite; that sample is redone through {@link #linearPredictor}, which
     * throws the preprocessing's message.
     */
    private void scoreLog(FeatureTable table, int[] cols, int n, double[] out, Scratch s) {
        double[] beta = foldedCoefficients;
        double c = logPseudocount;
        boolean log10 = logKind == StepKind.LOG10;
        for (int i = 0; i < n; i++) {
            double eta = foldedIntercept;
            for (int k = 0; k < beta.length; k++) {
                int col = cols[k];
                double x = (col < 0 ? 0.0 : table.get(i, col)) + c;
                eta += beta[k] * (log10 ? Math.log10(x) : Math.log(x));
            }
            out[i] = Double.isFinite(eta) ? eta : linearPredictor(table, cols, i, s);
        }
    }

    /** One sample's linear predictor through the general preprocessing path. */
    private double linearPredictor(FeatureTable table, int[] cols, int i, Scratch s) {
        double[] raw = s.raw;
        double[] z = s.z;
        double[] beta = foldedCoefficients;
        for (int k = 0; k < raw.length; k++) {
            raw[k] = cols[k] < 0 ? 0.0 : table.get(i, cols[k]);
        }
        prefix.applyRow(raw, z);
        double eta = foldedIntercept;
        for (int j = 0; j < beta.length; j++) {
            eta += beta[j] * z[j];
        }
        return eta;
    }
}
