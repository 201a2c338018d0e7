package org.gutsignal.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits SIAMCAT's {@code log.std}, {@code log.unit}, {@code rank.unit}, {@code rank.std} and
 * {@code std}: SIAMCAT's
 * de novo {@code normalize.features} on the training values, as {@link Transform}'s class
 * documentation describes (features with training sd 0 dropped, sd adjusted by a quantile).
 * Applying the result is {@link FittedStep#applyRow}, SIAMCAT's frozen normalisation.
 * Package-private and stateless.
 */
final class SiamcatNormalization {

    private SiamcatNormalization() {
    }

    /**
     * Fits one of the five kinds on training values (row-major {@code n × p}); appends notes.
     *
     * @param settings {@code [logN0, sdMinQ]} for log.std, {@code [logN0, np, normMargin]} for
     *                 log.unit, {@code [sdMinQ]} for rank.std and std, none for rank.unit
     */
    static FittedStep fit(StepKind kind, String description, double[] settings, List<String> features,
            double[] values, int n, List<String> notes) {
        Transform.requireTwoSamples(n);
        int p = features.size();
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int[] chosen = new int[p];
        for (int j = 0; j < p; j++) {
            if (Transform.meanSd(values, n, p, j)[1] != 0) {
                chosen[kept.size()] = j;
                kept.add(features.get(j));
            } else {
                dropped.add(features.get(j));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(description + ": every one of the " + p + " training features has"
                    + " sd 0, and SIAMCAT drops such features, so none is left to normalise");
        }
        if (!dropped.isEmpty()) {
            notes.add(description + ": dropped " + dropped.size() + " of " + p + " features with sd 0 in training,"
                    + " as SIAMCAT does: " + Transform.firstFew(dropped));
        }
        int q = kept.size();
        int[] selection = Arrays.copyOf(chosen, q);
        double[] x = new double[n * q];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < q; k++) {
                x[i * q + k] = values[i * p + selection[k]];
            }
        }
        double[] params = switch (kind) {
            case SIAMCAT_LOG_STD -> {
                double[] standardisation = adjustedStandardisation(kind, settings[1], logs(kind, settings[0], kept, x, n),
                        n, q, notes);
                double[] withN0 = new double[1 + 2 * q];
                withN0[0] = settings[0];
                System.arraycopy(standardisation, 0, withN0, 1, 2 * q);
                yield withN0;
            }
            case SIAMCAT_LOG_UNIT -> logUnit(settings, kept, x, n);
            case SIAMCAT_RANK_UNIT -> new double[0];
            case SIAMCAT_RANK_STD -> adjustedStandardisation(kind, settings[0], ranks(values, n, p, selection), n, q,
                    notes);
            case SIAMCAT_STD -> adjustedStandardisation(kind, settings[0], x, n, q, notes);
            default -> throw new AssertionError(kind);
        };
        return FittedStep.of(kind, features, kept, params);
    }

    /** {@code log10(x + n0)} of the training values, refusing negative ones as SIAMCAT does. */
    private static double[] logs(StepKind kind, double n0, List<String> kept, double[] x, int n) {
        int q = kept.size();
        double[] y = new double[x.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < q; k++) {
                double v = x[i * q + k];
                if (v < 0) {
                    throw new IllegalArgumentException(kind + ": training sample " + (i + 1) + " has " + v
                            + " for feature '" + kept.get(k) + "'; SIAMCAT refuses to take logarithms of negative data");
                }
                y[i * q + k] = Math.log10(v + n0);
            }
        }
        return y;
    }

    /** {@code [n0, n.p, norm.margin]} and the frozen denominators of SIAMCAT's log.unit. */
    private static double[] logUnit(double[] settings, List<String> kept, double[] x, int n) {
        double n0 = settings[0];
        double np = settings[1];
        double margin = settings[2];
        int q = kept.size();
        double[] y = logs(StepKind.SIAMCAT_LOG_UNIT, n0, kept, x, n);
        if (margin == 2) {
            return new double[] {n0, np, margin};
        }
        if (margin == 3) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : y) {
                max = Math.max(max, v);
            }
            if (max == 0) {
                throw new IllegalArgumentException("SIAMCAT_LOG_UNIT: the largest training log10(x + " + n0 + ") is 0,"
                        + " so it cannot divide (norm.margin 3)");
            }
            return new double[] {n0, np, margin, max};
        }
        double[] params = new double[3 + q];
        params[0] = n0;
        params[1] = np;
        params[2] = margin;
        for (int k = 0; k < q; k++) {
            double d = 0;
            for (int i = 0; i < n; i++) {
                double v = y[i * q + k];
                d += np == 1 ? v : v * v;
            }
            d = np == 1 ? d : Math.sqrt(d);
            if (d == 0) {
                throw new IllegalArgumentException("SIAMCAT_LOG_UNIT: the sum of log10(x + " + n0 + ") of feature '"
                        + kept.get(k) + "' over the training samples is 0, so it cannot divide (n.p 1, norm.margin 1)");
            }
            params[3 + k] = d;
        }
        return params;
    }

    /** Each training sample's average ranks of its selected features (row-major {@code n × q}). */
    private static double[] ranks(double[] values, int n, int p, int[] selection) {
        int q = selection.length;
        double[] in = new double[p];
        double[] scratch = new double[q];
        double[] out = new double[q];
        double[] r = new double[n * q];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, i * p, in, 0, p);
            FittedStep.averageRanks(in, selection, scratch, out);
            System.arraycopy(out, 0, r, i * q, q);
        }
        return r;
    }

    /**
     * SIAMCAT's standardisation with an adjusted sd: {@code [m_1..m_q, (s_1 + qs)..(s_q + qs)]} with
     * {@code qs} the {@code sdMinQ} quantile of the sds.
     */
    private static double[] adjustedStandardisation(StepKind kind, double sdMinQ, double[] x, int n, int q,
            List<String> notes) {
        double[] params = new double[2 * q];
        double[] sds = new double[q];
        for (int k = 0; k < q; k++) {
            double[] ms = Transform.meanSd(x, n, q, k);
            params[k] = ms[0];
            sds[k] = ms[1];
        }
        double qs = quantile(sds, sdMinQ);
        if (!(qs > 0)) {
            throw new IllegalArgumentException(kind + ": the " + sdMinQ + " quantile of the feature sds is " + qs
                    + " (SIAMCAT stops here too: it needs q > 0)");
        }
        for (int k = 0; k < q; k++) {
            params[q + k] = sds[k] + qs;
        }
        notes.add(kind + ": sd quantile q = " + qs + " added to every feature's sd");
        return params;
    }

    /**
     * R's default (type 7) {@code quantile}, with R's arithmetic: {@code index = 1 + (n - 1) prob},
     * {@code lo = floor(index)}, {@code h = index - lo}, {@code (1 - h) x[lo] + h x[hi]} (1-based,
     * sorted {@code x}; {@code x[lo]} when {@code h = 0} or the two are equal).
     */
    static double quantile(double[] x, double prob) {
        double[] s = x.clone();
        Arrays.sort(s);
        double index = 1 + (s.length - 1) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = s[lo - 1];
        if (index > lo && s[hi - 1] != qs) {
            double h = index - lo;
            qs = (1 - h) * qs + h * s[hi - 1];
        }
        return qs;
    }
}
