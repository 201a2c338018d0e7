package org.gutsignal.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gutsignal.cohort.FeatureTable;

/**
 * The prepared training data of one fit, in the form the {@link PathSolver} needs: the
 * preprocessed design (samples × features, shared with the caller's table, never copied here),
 * 0/1 labels, observation weights (per-sample weights times class balancing, not yet
 * normalised), penalty factors (1, or 0 for unpenalised features) and coefficient limits on the
 * original scale (±∞ for none). Immutable after construction; package-private.
 */
final class TrainingData {

    final List<String> names;
    /** The table the samples are read from; of a {@link #subset}, its parent's (see {@link #rows}). */
    final FeatureTable x;
    /** A subset's rows of {@link #x}, increasing; null when the data are all of {@code x}'s rows. */
    private final int[] rows;
    final double[] y;
    final double[] w;
    final double[] penalty;
    final double[] lower;
    final double[] upper;
    final int positives;

    private TrainingData(FeatureTable x, int[] rows, double[] y, double[] w, double[] penalty, double[] lower,
            double[] upper, int positives) {
        this.names = x.featureNames();
        this.x = x;
        this.rows = rows;
        this.y = y;
        this.w = w;
        this.penalty = penalty;
        this.lower = lower;
        this.upper = upper;
        this.positives = positives;
    }

    /**
     * Validates and prepares a preprocessed training table.
     *
     * @param x           preprocessed features of the labelled training samples
     * @param labels      0/1 labels in {@code x}'s sample order
     * @param weights     weights by sample id (every sample needs one), or {@code null} for unit weights
     * @param balance     whether to multiply each weight by {@code n / (2 n_class)}
     * @param unpenalized names of features fitted without penalty
     * @param lower       lower limits by feature name (≤ 0)
     * @param upper       upper limits by feature name (≥ 0)
     * @throws IllegalArgumentException if there are no samples or features, one class is absent, a
     *                                  named feature is absent, a sample has no weight, every feature
     *                                  is unpenalised, or the weights leave a class with zero weight
     */
    static TrainingData of(FeatureTable x, int[] labels, Map<String, Double> weights, boolean balance,
            Set<String> unpenalized, Map<String, Double> lower, Map<String, Double> upper) {
        int n = x.sampleCount();
        int p = x.featureCount();
        if (n == 0) {
            throw new IllegalArgumentException("no labelled samples to train on");
        }
        if (p == 0) {
            throw new IllegalArgumentException("no features to train on");
        }
        double[] y = new double[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            y[i] = labels[i];
            pos += labels[i];
        }
        if (pos == 0 || pos == n) {
            throw new IllegalArgumentException("training needs both classes but there are " + pos
                    + " responders and " + (n - pos) + " non-responders");
        }
        List<String> names = x.featureNames();
        checkNamed(unpenalized, x, "unpenalised");
        checkNamed(lower.keySet(), x, "lower-limited");
        checkNamed(upper.keySet(), x, "upper-limited");
        double[] penalty = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        boolean anyPenalised = false;
        for (int j = 0; j < p; j++) {
            String f = names.get(j);
            penalty[j] = unpenalized.contains(f) ? 0 : 1;
            anyPenalised |= penalty[j] > 0;
            lo[j] = lower.getOrDefault(f, Double.NEGATIVE_INFINITY);
            hi[j] = upper.getOrDefault(f, Double.POSITIVE_INFINITY);
        }
        if (!anyPenalised) {
            throw new IllegalArgumentException("every feature is unpenalised; at least one must be penalised");
        }
        double[] w = new double[n];
        double balance1 = n / (2.0 * pos);
        double balance0 = n / (2.0 * (n - pos));
        for (int i = 0; i < n; i++) {
            double wi = 1;
            if (weights != null) {
                Double v = weights.get(x.sampleIds().get(i));
                if (v == null) {
                    throw new IllegalArgumentException("no weight for sample '" + x.sampleIds().get(i) + "'");
                }
                wi = v;
            }
            if (balance) {
                wi *= y[i] > 0 ? balance1 : balance0;
            }
            w[i] = wi;
        }
        double sw = 0;
        double swPos = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            swPos += w[i] * y[i];
        }
        if (!(swPos > 0) || !(swPos < sw)) {
            throw new IllegalArgumentException("the weights leave one class with zero total weight (responders "
                    + swPos + " of " + sw + ")");
        }
        return new TrainingData(x, null, y, w, penalty, lo, hi, pos);
    }

    private static void checkNamed(Set<String> named, FeatureTable ft, String what) {
        List<String> absent = new ArrayList<>();
        for (String f : named) {
            if (ft.indexOfFeature(f) < 0) {
                absent.add(f);
            }
        }
        if (!absent.isEmpty()) {
            Collections.sort(absent);
            throw new IllegalArgumentException(what + " features " + absent + " are not in the training table");
        }
    }

    int sampleCount() {
        return y.length;
    }

    int featureCount() {
        return names.size();
    }

    /**
     * The samples at the given indices (ascending), e.g. a fold's training part: a view of the
     * same table (no values are copied until the solver reads its columns).
     */
    TrainingData subset(int[] indices) {
        double[] yy = new double[indices.length];
        double[] ww = new double[indices.length];
        int[] rr = new int[indices.length];
        int pos = 0;
        for (int c = 0; c < indices.length; c++) {
            yy[c] = y[indices[c]];
            ww[c] = w[indices[c]];
            rr[c] = rows == null ? indices[c] : rows[indices[c]];
            pos += (int) yy[c];
        }
        return new TrainingData(x, rr, yy, ww, penalty, lower, upper, pos);
    }

    /** The sample ids, in order. */
    List<String> sampleIds() {
        if (rows == null) {
            return x.sampleIds();
        }
        List<String> all = x.sampleIds();
        List<String> ids = new ArrayList<>(rows.length);
        for (int r : rows) {
            ids.add(all.get(r));
        }
        return ids;
    }

    /**
     * Copies of the features {@code from} to {@code to} (exclusive), each over these samples in
     * order ({@link FeatureTable#columns}).
     */
    double[][] columns(int from, int to) {
        double[][] all = x.columns(from, to);
        if (rows == null) {
            return all;
        }
        double[][] out = new double[all.length][rows.length];
        for (int j = 0; j < all.length; j++) {
            double[] a = all[j];
            double[] o = out[j];
            for (int c = 0; c < rows.length; c++) {
                o[c] = a[rows[c]];
            }
        }
        return out;
    }

    /** Copies sample {@code i}'s values (in feature order) into {@code dest}. */
    void copyRow(int i, double[] dest) {
        x.copyRow(rows == null ? i : rows[i], dest, 0);
    }

    /** SHA-256 over the feature names (each followed by a zero byte), then the values sample by sample, then the labels. */
    String checksum() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : names) {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            int n = sampleCount();
            int p = featureCount();
            double[] row = new double[p];
            ByteBuffer buf = ByteBuffer.allocate(8 * Math.max(p, n));
            for (int i = 0; i < n; i++) {
                copyRow(i, row);
                buf.clear();
                for (double v : row) {
                    buf.putLong(Double.doubleToLongBits(v));
                }
                md.update(buf.array(), 0, buf.position());
            }
            buf.clear();
            for (double v : y) {
                buf.putLong(Double.doubleToLongBits(v));
            }
            md.update(buf.array(), 0, buf.position());
            StringBuilder sb = new StringBuilder("sha256:");
            for (byte b : md.digest()) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
