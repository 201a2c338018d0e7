package org.gutsignal.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One unfitted preprocessing step: what to do, with the settings the user chose. Parameters
 * that depend on data (pseudocounts "half the smallest non-zero value", centres, scales, kept
 * features) are estimated by {@link Preprocessing#fit} on the training table only and frozen
 * in a {@link FittedStep}.
 *
 * <p>All statistics are over the training samples of the features the step receives. Standard
 * deviations use the divisor n - 1 (as R's {@code sd}, {@code scale} and matrixStats
 * {@code rowSds}). Immutable and thread-safe.
 *
 * <p><b>SIAMCAT's normalisations.</b> {@link #siamcatLogStd}, {@link #siamcatLogUnit},
 * {@link #siamcatRankUnit}, {@link #siamcatRankStd} and {@link #siamcatStd} are the
 * {@code norm.method}s {@code log.std}, {@code log.unit}, {@code rank.unit}, {@code rank.std} and
 * {@code std} of SIAMCAT's {@code normalize.features} (R package SIAMCAT, file
 * {@code R/normalize_features.r}, read at commit {@code 6fcb862}, version 2.7.2). Fitting is
 * SIAMCAT's de novo normalisation; applying the fitted step to other samples is SIAMCAT's
 * <em>frozen</em> normalisation ({@code normalize.features(new, norm.param = norm_params(fitted))}),
 * which re-uses the training statistics and recomputes only what SIAMCAT recomputes per sample
 * (ranks, and the per-sample norm of {@code log.unit} with {@code norm.margin = 2}). Like SIAMCAT's
 * de novo normalisation, each first drops every feature whose sd over the training samples is
 * exactly 0, computed as matrixStats {@code rowSds} computes it (double sums in sample
 * order, mean then squared deviations, divisor n - 1): the fitted step writes only the features kept
 * (SIAMCAT's {@code retained.feat}, listed in {@link FittedPreprocessing#fitNotes()}) and ignores the
 * others in new data. (So a feature constant at a value whose mean does not round back to itself, 0.1
 * in 3 samples, has an sd near 1e-17 and is kept, as SIAMCAT keeps it.) Ranks are within each sample
 * over the features kept, ties getting their average rank. SIAMCAT's sd adjustment: {@code q} is the
 * {@code sdMinQ} quantile of the features' sds (R's default type-7 {@code quantile}, computed as R
 * does), added to every sd; fitting fails unless {@code q > 0}, where SIAMCAT stops too. Checked
 * against SIAMCAT's own code on a small table with zeros, ties and a constant feature
 * ({@code src/test/resources/transform/make_siamcat_norm_reference.R}).
 */
public final class Transform {

    /** The per-feature statistic an {@link #abundanceFilter abundance filter} compares. */
    public enum Statistic {
        /** The largest value over training samples. */
        MAX,
        /** The mean over training samples. */
        MEAN
    }

    private final StepKind kind;
    private final double[] settings; // NaN pseudocount = half the smallest positive training value
    private final String description;

    private Transform(StepKind kind, String description, double... settings) {
        this.kind = kind;
        this.settings = settings;
        this.description = description;
    }

    /** Total-sum scaling: each sample divided by its total (a sample summing to 0 stays 0). */
    public static Transform totalSumScaling() {
        return new Transform(StepKind.TOTAL_SUM_SCALING, "totalSumScaling()");
    }

    /**
     * {@code log10(x + pseudocount)}.
     *
     * @throws IllegalArgumentException unless {@code pseudocount > 0} and finite
     */
    public static Transform log10(double pseudocount) {
        return new Transform(StepKind.LOG10, "log10(" + pseudocount + ")", requirePseudocount(pseudocount));
    }

    /** {@code log10(x + c)} with c = half the smallest non-zero training value, frozen at fit. */
    public static Transform log10HalfMinPositive() {
        return new Transform(StepKind.LOG10, "log10(half min positive)", Double.NaN);
    }

    /**
     * Natural {@code ln(x + pseudocount)}.
     *
     * @throws IllegalArgumentException unless {@code pseudocount > 0} and finite
     */
    public static Transform ln(double pseudocount) {
        return new Transform(StepKind.LN, "ln(" + pseudocount + ")", requirePseudocount(pseudocount));
    }

    /** {@code ln(x + c)} with c = half the smallest non-zero training value, frozen at fit. */
    public static Transform lnHalfMinPositive() {
        return new Transform(StepKind.LN, "ln(half min positive)", Double.NaN);
    }

    /**
     * Centred log-ratio per sample: {@code ln(x_j + c) - (1/p) Σ_k ln(x_k + c)}.
     *
     * @throws IllegalArgumentException unless {@code pseudocount > 0} and finite
     */
    public static Transform clr(double pseudocount) {
        return new Transform(StepKind.CLR, "clr(" + pseudocount + ")", requirePseudocount(pseudocount));
    }

    /** CLR with c = half the smallest non-zero training value, frozen at fit. */
    public static Transform clrHalfMinPositive() {
        return new Transform(StepKind.CLR, "clr(half min positive)", Double.NaN);
    }

    /**
     * z-score: {@code (x - mean_j) / sd_j} with training mean and sd (divisor n - 1). A feature
     * constant in training gets scale 1 (it becomes 0) and is reported in
     * {@link FittedPreprocessing#fitNotes()}.
     */
    public static Transform standardize() {
        return new Transform(StepKind.STANDARDIZE, "standardize()");
    }

    /**
     * SIAMCAT's {@code log.std} normalisation (see the class documentation for the features
     * dropped): on the features kept, {@code y = log10(x + logN0)}; per feature the mean
     * {@code m_j} and sd {@code s_j} of y over the training samples; output
     * {@code (y - m_j) / (s_j + q)}. Frozen: new samples get the training {@code m_j} and
     * {@code s_j + q}. Fitting fails, as in SIAMCAT, on a negative training value. SIAMCAT's
     * defaults are {@code logN0 = 1e-6}, {@code sdMinQ = 0.1}.
     *
     * @throws IllegalArgumentException unless {@code logN0 > 0} and {@code 0 <= sdMinQ <= 1}
     */
    public static Transform siamcatLogStd(double logN0, double sdMinQ) {
        requireQuantile(sdMinQ);
        return new Transform(StepKind.SIAMCAT_LOG_STD, "siamcatLogStd(" + logN0 + ", " + sdMinQ + ")",
                requirePseudocount(logN0), sdMinQ);
    }

    /**
     * SIAMCAT's {@code log.unit} normalisation ({@code norm.param = list(log.n0 = logN0, n.p = np,
     * norm.margin = normMargin)}; see the class documentation for the features dropped). On the
     * features kept, {@code y = log10(x + logN0)}, divided by:
     * <ul>
     * <li>{@code normMargin = 1}, per feature: {@code d_k}, the training samples' {@code Σ_i y_ik}
     *     ({@code np = 1}) or {@code sqrt(Σ_i y_ik²)} ({@code np = 2}). Frozen: new samples are
     *     divided by the training {@code d_k}.
     * <li>{@code normMargin = 2}, per sample: the sample's own {@code Σ_k y_ik} or
     *     {@code sqrt(Σ_k y_ik²)} over the features kept. Frozen: computed afresh for each new sample,
     *     as SIAMCAT's frozen normalisation does; nothing but {@code logN0} and the features kept
     *     comes from training.
     * <li>{@code normMargin = 3}, global: the largest {@code y} of the training table. Frozen: that
     *     training maximum. {@code np} changes nothing here (SIAMCAT still requires 1 or 2).
     * </ul>
     * {@code np = 1} is SIAMCAT's {@code x / sum(x)}: a plain sum, not a sum of absolute values, so
     * when the logarithms are negative (values below {@code 1 - logN0}, e.g. relative abundances)
     * the denominators are negative and the signs flip, as in SIAMCAT; likewise for a negative
     * training maximum under margin 3. SIAMCAT's defaults are {@code logN0 = 1e-6, np = 2,
     * normMargin = 1}; its example uses {@code 1e-5, 1, 1}. Fitting fails, as in SIAMCAT, on a
     * negative training value; a denominator of 0 (SIAMCAT would divide by it) fails too.
     *
     * @throws IllegalArgumentException unless {@code logN0 > 0} and finite, {@code np} is 1 or 2 and
     *                                  {@code normMargin} is 1, 2 or 3
     */
    public static Transform siamcatLogUnit(double logN0, int np, int normMargin) {
        if (np != 1 && np != 2) {
            throw new IllegalArgumentException("n.p (the vector norm) must be 1 or 2 but is " + np);
        }
        if (normMargin < 1 || normMargin > 3) {
            throw new IllegalArgumentException("norm.margin must be 1 (features), 2 (samples) or 3 (global) but is "
                    + normMargin);
        }
        return new Transform(StepKind.SIAMCAT_LOG_UNIT, "siamcatLogUnit(" + logN0 + ", " + np + ", " + normMargin
                + ")", requirePseudocount(logN0), np, normMargin);
    }

    /**
     * SIAMCAT's {@code rank.unit} normalisation (see the class documentation for the features
     * dropped): within each sample, the ranks {@code r_k} of the features kept (ties averaged),
     * divided by {@code sqrt(Σ_k r_k²)}. SIAMCAT's documentation says "by the square root of the sum
     * of ranks"; its code, followed here, divides by the square root of the sum of squared ranks.
     * Nothing but the features kept comes from training: a new sample is ranked and scaled on its own,
     * as SIAMCAT's frozen normalisation does.
     */
    public static Transform siamcatRankUnit() {
        return new Transform(StepKind.SIAMCAT_RANK_UNIT, "siamcatRankUnit()");
    }

    /**
     * SIAMCAT's {@code rank.std} normalisation (see the class documentation for the features
     * dropped): within each sample the ranks {@code r_k} of the features kept (ties averaged); per
     * feature the mean {@code m_k} and sd {@code s_k} of its rank over the training samples;
     * output {@code (r_k - m_k) / (s_k + q)}. Frozen: a new sample is ranked on its own (over the
     * features kept) and standardised with the training {@code m_k} and {@code s_k + q}. SIAMCAT's
     * default is {@code sdMinQ = 0.1}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= sdMinQ <= 1}
     */
    public static Transform siamcatRankStd(double sdMinQ) {
        return new Transform(StepKind.SIAMCAT_RANK_STD, "siamcatRankStd(" + sdMinQ + ")", requireQuantile(sdMinQ));
    }

    /**
     * SIAMCAT's {@code std} normalisation (see the class documentation for the features dropped):
     * {@code (x - m_k) / (s_k + q)} with the training mean {@code m_k} and sd {@code s_k} of each
     * feature kept, frozen for new samples. Unlike {@link #standardize()}, the sd is adjusted by
     * {@code q} and features constant in training are dropped. SIAMCAT's default is
     * {@code sdMinQ = 0.1}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= sdMinQ <= 1}
     */
    public static Transform siamcatStd(double sdMinQ) {
        return new Transform(StepKind.SIAMCAT_STD, "siamcatStd(" + sdMinQ + ")", requireQuantile(sdMinQ));
    }

    /**
     * Keeps features whose value is {@code > threshold} in at least {@code minFraction} of the
     * training samples.
     *
     * @throws IllegalArgumentException unless {@code 0 <= minFraction <= 1} and threshold is finite
     */
    public static Transform prevalenceFilter(double threshold, double minFraction) {
        if (!Double.isFinite(threshold) || !(minFraction >= 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("need a finite threshold and minFraction in [0, 1], got " + threshold
                    + ", " + minFraction);
        }
        return new Transform(StepKind.PREVALENCE_FILTER, "prevalenceFilter(" + threshold + ", " + minFraction + ")",
                threshold, minFraction);
    }

    /**
     * Keeps features whose maximum or mean over training samples is {@code >= threshold}.
     *
     * @throws IllegalArgumentException if the threshold is not finite
     */
    public static Transform abundanceFilter(Statistic statistic, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite but is " + threshold);
        }
        return new Transform(StepKind.ABUNDANCE_FILTER,
                "abundanceFilter(" + statistic.name().toLowerCase(Locale.ROOT) + ", " + threshold + ")",
                statistic.ordinal(), threshold);
    }

    /**
     * Removes near-zero-variance features by caret's {@code nearZeroVar} rule: a feature is
     * removed if it has a single distinct training value, or if the ratio of the most common
     * value's count to the second most common's is {@code > freqCut} and the percentage of
     * distinct values (100 × distinct / n) is {@code <= uniqueCut}. caret's defaults are
     * {@code freqCut = 95/5}, {@code uniqueCut = 10}.
     *
     * @throws IllegalArgumentException unless both cuts are finite and non-negative
     */
    public static Transform nearZeroVariance(double freqCut, double uniqueCut) {
        if (!(freqCut >= 0 && uniqueCut >= 0 && Double.isFinite(freqCut) && Double.isFinite(uniqueCut))) {
            throw new IllegalArgumentException("cuts must be finite and >= 0, got " + freqCut + ", " + uniqueCut);
        }
        return new Transform(StepKind.NEAR_ZERO_VARIANCE, "nearZeroVariance(" + freqCut + ", " + uniqueCut + ")",
                freqCut, uniqueCut);
    }

    /** The kind of step this fits to. */
    public StepKind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return description;
    }

    private static double requireQuantile(double sdMinQ) {
        if (!(sdMinQ >= 0 && sdMinQ <= 1)) {
            throw new IllegalArgumentException("sdMinQ must be in [0, 1] but is " + sdMinQ);
        }
        return sdMinQ;
    }

    private static double requirePseudocount(double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("pseudocount must be finite and > 0 but is " + c);
        }
        return c;
    }

    /**
     * Fits this step on training values (row-major {@code n × p}); appends notes about what it did.
     */
    FittedStep fit(List<String> features, double[] values, int n, List<String> notes) {
        int p = features.size();
        return switch (kind) {
            case TOTAL_SUM_SCALING -> FittedStep.of(kind, features, features, new double[0]);
            case LOG10, LN, CLR -> {
                double c = Double.isNaN(settings[0]) ? halfMinPositive(values, kind) : settings[0];
                if (Double.isNaN(settings[0])) {
                    notes.add(kind + ": pseudocount " + c + " (half the smallest non-zero training value)");
                }
                yield FittedStep.of(kind, features, features, new double[] {c});
            }
            case STANDARDIZE -> {
                requireTwoSamples(n);
                double[] params = new double[2 * p];
                List<String> constant = new ArrayList<>();
                for (int j = 0; j < p; j++) {
                    double[] ms = meanSd(values, n, p, j);
                    params[j] = ms[0];
                    if (ms[1] > 0) {
                        params[p + j] = ms[1];
                    } else {
                        params[p + j] = 1.0;
                        constant.add(features.get(j));
                    }
                }
                if (!constant.isEmpty()) {
                    notes.add("STANDARDIZE: " + constant.size() + " features constant in training got scale 1: "
                            + firstFew(constant));
                }
                yield FittedStep.of(kind, features, features, params);
            }
            case SIAMCAT_LOG_STD, SIAMCAT_LOG_UNIT, SIAMCAT_RANK_UNIT, SIAMCAT_RANK_STD, SIAMCAT_STD ->
                SiamcatNormalization.fit(kind, description, settings, features, values, n, notes);
            case PREVALENCE_FILTER, ABUNDANCE_FILTER, NEAR_ZERO_VARIANCE -> {
                List<String> kept = new ArrayList<>();
                for (int j = 0; j < p; j++) {
                    if (keeps(values, n, p, j)) {
                        kept.add(features.get(j));
                    }
                }
                if (kept.isEmpty()) {
                    throw new IllegalArgumentException(description + " removes every one of the " + p
                            + " training features");
                }
                notes.add(description + ": kept " + kept.size() + " of " + p + " features");
                yield FittedStep.of(kind, features, kept, settings.clone());
            }
        };
    }

    private boolean keeps(double[] values, int n, int p, int j) {
        switch (kind) {
            case PREVALENCE_FILTER -> {
                int present = 0;
                for (int i = 0; i < n; i++) {
                    if (values[i * p + j] > settings[0]) {
                        present++;
                    }
                }
                return present >= settings[1] * n;
            }
            case ABUNDANCE_FILTER -> {
                double stat = settings[0] == Statistic.MAX.ordinal() ? Double.NEGATIVE_INFINITY : 0;
                for (int i = 0; i < n; i++) {
                    double v = values[i * p + j];
                    stat = settings[0] == Statistic.MAX.ordinal() ? Math.max(stat, v) : stat + v;
                }
                if (settings[0] == Statistic.MEAN.ordinal()) {
                    stat /= n;
                }
                return stat >= settings[1];
            }
            case NEAR_ZERO_VARIANCE -> {
                Map<Double, Integer> counts = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    counts.merge(values[i * p + j] + 0.0, 1, Integer::sum);
                }
                if (counts.size() <= 1) {
                    return false;
                }
                int[] c = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
                double freqRatio = (double) c[c.length - 1] / c[c.length - 2];
                double percentUnique = 100.0 * counts.size() / n;
                return !(freqRatio > settings[0] && percentUnique <= settings[1]);
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static double halfMinPositive(double[] values, StepKind kind) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && v < min) {
                min = v;
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(kind + ": no positive training value to derive a pseudocount from");
        }
        return min / 2;
    }

    /**
     * Mean and sd (divisor n - 1) of column j of row-major {@code n × p} values, with matrixStats'
     * {@code rowSds} arithmetic: a double sum in sample order divided by n, then the sum of squared
     * deviations divided by n - 1.
     */
    static double[] meanSd(double[] values, int n, int p, int j) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += values[i * p + j];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = values[i * p + j] - mean;
            ss += d * d;
        }
        return new double[] {mean, Math.sqrt(ss / (n - 1))};
    }

    static void requireTwoSamples(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a standard deviation needs at least 2 training samples, found " + n);
        }
    }

    static String firstFew(List<String> names) {
        return names.size() <= 10 ? names.toString() : names.subList(0, 10) + " and " + (names.size() - 10) + " more";
    }
}
