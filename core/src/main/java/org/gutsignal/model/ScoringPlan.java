package org.gutsignal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * three paths:
 * <ul>
 * <li>what remains only selects features: {@link FeatureTable#weightedSums} over the model's
 * features (only those with a coefficient other than 0 if at least half are 0), reading the table
 * in place, one pass per sample with eight partial sums (its documented order of additions: the
 * same numbers as adding the terms one at a time for fewer than eight terms, else within
 * {@code 2 (p + 1) u Σ|terms|} of them);</li>
 * <li>it is a single {@code ln} or {@code log10}: each sample's terms
 * {@code β_k log(x_k + c)} added one at a time in model-feature order, exactly as
 * {@link FittedPreprocessing#applyRow} followed by the dot product would, from its row copied into
 * per-thread scratch; a raw 0 adds {@code β_k log(c)} worked out at construction, without a
 * logarithm;</li>
 * <li>otherwise each sample is gathered into per-thread scratch arrays and transformed with
 * {@link FittedPreprocessing#applyRow}.</li>
 * </ul>
 * A sample's linear predictor depends only on its own values, never on the other samples or on the
 * table's column order. Scoring allocates nothing once the thread has scored a table at least as
 * wide (the scratch grows to the widest table seen). Immutable apart from the per-thread scratch;
 * thread-safe. Package-private.
 */
final class ScoringPlan {

    /**
     * The logarithm path copies whole rows when the model reads at least one table column in
     * {@code COPY_SHARE}; from a wider table it fetches the values read one by one.
     */
    private static final int COPY_SHARE = 8;

    /** The raw features read from a table (general and logarithm paths), in preprocessing input order. */
    private final String[] rawNames;
    private final FittedPreprocessing prefix;
    private final boolean columnwise;
    private final double[] foldedCoefficients;
    private final double foldedIntercept;
    /**
     * Select-only path: the features summed, in model order: all of them, or only those with a
     * folded coefficient other than 0 if at least half are 0 (a sparse model; otherwise a table with
     * the model's features in model order is read in memory order, which is faster than skipping a
     * few). Decided from the model alone, so the order of the additions never depends on the table.
     */
    private final String[] sumNames;
    private final double[] sumCoefficients;
    /** LN or LOG10 if that one element-wise step is all that is left after folding, else null. */
    private final StepKind logKind;
    private final double logPseudocount;
    /** {@code β_k · log(0 + c)}: the term a raw 0 adds on the logarithm path (null on the others). */
    private final double[] zeroTerms;
    private final ThreadLocal<Scratch> scratch;

    /**
     * Per-thread working space. {@link #row} holds a table row (or the values the logarithm path
     * reads from it) followed by a slot holding 0 that absent features read; it grows to the widest
     * table the thread has scored and is never shrunk.
     */
    private static final class Scratch {
        final int[] columns;
        final double[] weights;
        final int[] at;
        final double[] raw;
        final double[] z;
        double[] row = new double[0];
        /** Whether {@link #row} holds the whole table row (else only the values read), and where its 0 is. */
        boolean wholeRows;
        int zeroSlot;

        Scratch(int rawWidth, int zWidth) {
            columns = new int[rawWidth];
            weights = new double[rawWidth];
            at = new int[rawWidth];
            raw = new double[rawWidth];
            z = new double[zWidth];
        }

        /** {@link #row}, at least {@code length} long. */
        double[] row(int length) {
            if (row.length < length) {
                row = new double[length];
            }
            return row;
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
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (selectOnly) {
            int zeros = 0;
            for (double b : folded) {
                zeros += b == 0 ? 1 : 0;
            }
            boolean sparse = 2 * zeros >= folded.length;
            for (int k = 0; k < rawNames.length; k++) {
                if (folded[k] != 0 || !sparse) {
                    names.add(rawNames[k]);
                    weights.add(folded[k]);
                }
            }
        }
        this.sumNames = names.toArray(new String[0]);
        this.sumCoefficients = weights.stream().mapToDouble(Double::doubleValue).toArray();
        boolean singleLog = kept.size() == 1
                && (kept.get(0).kind() == StepKind.LN || kept.get(0).kind() == StepKind.LOG10);
        this.logKind = singleLog ? kept.get(0).kind() : null;
        this.logPseudocount = singleLog ? kept.get(0).pseudocount() : 0.0;
        if (singleLog) {
            zeroTerms = new double[folded.length];
            for (int k = 0; k < folded.length; k++) {
                zeroTerms[k] = folded[k] * log(logKind == StepKind.LOG10, 0.0 + logPseudocount);
            }
        } else {
            zeroTerms = null;
        }
        int rawWidth = rawNames.length;
        int zWidth = coefficients.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(rawWidth, zWidth));
    }

    /**
     * Writes the linear predictor of samples {@code from} (inclusive) to {@code to} (exclusive)
     * into {@code out[from .. to-1]}; a raw feature the table lacks counts as 0 (the caller has
     * applied its missing-feature policy). A sample's value does not depend on the range, so
     * threads may each take a range of one table. The range must lie within the table's samples
     * and {@code out} (checked first: nothing is written otherwise).
     */
    void linearPredictors(FeatureTable table, int from, int to, double[] out) {
        Objects.checkFromToIndex(from, to, Math.min(table.sampleCount(), out.length));
        Scratch s = scratch.get();
        if (columnwise) {
            scoreColumnwise(table, from, to, out, s);
            return;
        }
        int[] cols = s.columns;
        for (int k = 0; k < rawNames.length; k++) {
            cols[k] = table.indexOfFeature(rawNames[k]);
        }
        if (logKind != null) {
            scoreLog(table, from, to, out, s);
        } else {
            for (int i = from; i < to; i++) {
                out[i] = linearPredictor(table, cols, i, s);
            }
        }
    }

    /**
     * Linear predictors when the preprocessing left after folding only selects features:
     * {@link FeatureTable#weightedSums} over {@link #sumNames} (a term {@code 0 · x} left out adds a
     * signed zero). An absent feature keeps its place in the sum with weight 0,
     * so a sample scores the same whether a feature is absent or present with value 0 (up to the sign
     * of a zero sum, which has the same probability).
     */
    private void scoreColumnwise(FeatureTable table, int from, int to, double[] out, Scratch s) {
        int m = sumNames.length;
        int[] cols = s.columns;
        double[] w = s.weights;
        for (int k = 0; k < m; k++) {
            int col = table.indexOfFeature(sumNames[k]);
            cols[k] = Math.max(col, 0);
            w[k] = col < 0 ? 0.0 : sumCoefficients[k];
        }
        // a table without features lacks them all: every term is 0
        table.weightedSums(cols, w, table.featureCount() == 0 ? 0 : m, foldedIntercept, from, to, out);
    }

    /**
     * Linear predictors when the preprocessing left after folding is one {@code ln} or
     * {@code log10} step: the same arithmetic as {@link FittedPreprocessing#applyRow} followed by
     * the dot product, each sample's terms added one at a time in model-feature order, from its row
     * copied into per-thread scratch. A raw value of 0 (or an absent feature) adds the term
     * {@code β_k · log(0 + c)} worked out at construction: the same number, without a logarithm. A
     * non-finite sum means some logarithm was not finite; that sample is redone through
     * {@link #linearPredictor}, which throws the preprocessing's message.
     */
    private void scoreLog(FeatureTable table, int from, int to, double[] out, Scratch s) {
        int m = foldedCoefficients.length;
        double[] row = layOut(table, m, s);
        int[] at = s.at;
        double[] beta = foldedCoefficients;
        double[] zero = zeroTerms;
        double c = logPseudocount;
        boolean log10 = logKind == StepKind.LOG10;
        for (int i = from; i < to; i++) {
            fetch(table, i, m, s, row);
            double e = foldedIntercept;
            for (int k = 0; k < m; k++) {
                double v = row[at[k]];
                e += v == 0 ? zero[k] : beta[k] * log(log10, v + c);
            }
            out[i] = e;
        }
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = linearPredictor(table, s.columns, i, s);
            }
        }
    }

    private static double log(boolean log10, double x) {
        return log10 ? Math.log10(x) : Math.log(x);
    }

    /**
     * Decides how the {@code m} raw features ({@code s.columns[0 .. m-1]}: table columns, or -1 if
     * absent) are fetched into the scratch row: the whole row by {@link FeatureTable#copyRow} when
     * the model reads at least one table column in {@link #COPY_SHARE}, else only the values read.
     * Sets {@code s.at[k]}, the position of the k-th value in the row (an absent feature reads the
     * row's last slot, which holds 0); returns the row.
     */
    private static double[] layOut(FeatureTable table, int m, Scratch s) {
        int w = table.featureCount();
        s.wholeRows = (long) m * COPY_SHARE >= w;
        s.zeroSlot = s.wholeRows ? w : m;
        for (int k = 0; k < m; k++) {
            int col = s.columns[k];
            s.at[k] = col < 0 ? s.zeroSlot : s.wholeRows ? col : k;
        }
        return s.row(s.zeroSlot + 1);
    }

    /** Fetches sample {@code i} into {@code row} as {@link #layOut} decided. */
    private static void fetch(FeatureTable table, int i, int m, Scratch s, double[] row) {
        if (s.wholeRows) {
            table.copyRow(i, row, 0);
        } else {
            for (int k = 0; k < m; k++) {
                int col = s.columns[k];
                row[k] = col < 0 ? 0.0 : table.get(i, col);
            }
        }
        row[s.zeroSlot] = 0.0;
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
