package org.gutsignal.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.model.Predictor;
import org.gutsignal.cohort.Split;
import org.gutsignal.cohort.Splitters;

/**
 * What a {@link CrossValidation} run produced: the out-of-fold score of every sample in every
 * repeat, the fitted predictor and test metrics of every fold, and summaries.
 *
 * <p>Scores of samples a repeat never tested (possible with {@link Splitters#groupHoldout})
 * are NaN. Summaries over repeats use the mean out-of-fold score per sample, as SIAMCAT's
 * {@code evaluate.predictions} does. Immutable and thread-safe if the predictors are.
 *
 * @param <P> the fitted predictor type (e.g. {@code ResponseModel})
 */
public final class CvResult<P extends Predictor> {

    /**
     * Test metrics of one fold.
     *
     * @param split  the fold
     * @param auroc  AUROC on the fold's test samples, NaN if they hold one class only
     * @param tested number of test samples
     */
    public record Fold(Split split, double auroc, int tested) {
    }

    private final List<String> sampleIds;
    private final int[] labels;
    private final String[] groups;
    private final List<Split> splits;
    private final List<P> predictors;
    private final double[][] scores; // [repeat][sample]
    private final List<Fold> folds;

    CvResult(Cohort cohort, List<Split> splits, List<P> predictors, double[][] scores) {
        this.sampleIds = cohort.sampleIds();
        this.labels = cohort.labels();
        this.groups = cohort.metadata().groups().toArray(new String[0]);
        this.splits = List.copyOf(splits);
        this.predictors = List.copyOf(predictors);
        this.scores = scores;
        List<Fold> f = new ArrayList<>();
        for (Split s : splits) {
            int[] test = s.test();
            double[] sc = new double[test.length];
            int[] y = new int[test.length];
            int pos = 0;
            for (int k = 0; k < test.length; k++) {
                sc[k] = scores[s.repeat()][test[k]];
                y[k] = labels[test[k]];
                pos += y[k];
            }
            double auc = pos == 0 || pos == test.length ? Double.NaN : Auroc.of(sc, y).value();
            f.add(new Fold(s, auc, test.length));
        }
        this.folds = List.copyOf(f);
    }

    /** Sample ids in the order of the score arrays. */
    public List<String> sampleIds() {
        return sampleIds;
    }

    /** 0/1 labels in sample order (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Number of repeats. */
    public int repeatCount() {
        return scores.length;
    }

    /** The folds, in run order (unmodifiable). */
    public List<Split> splits() {
        return splits;
    }

    /** The predictor fitted on each fold's training samples, in {@link #splits()} order (unmodifiable). */
    public List<P> predictors() {
        return predictors;
    }

    /** Test metrics per fold, in {@link #splits()} order (unmodifiable). */
    public List<Fold> folds() {
        return folds;
    }

    /** The out-of-fold scores of one repeat, in sample order (a copy; NaN where untested). */
    public double[] outOfFold(int repeat) {
        return scores[repeat].clone();
    }

    /** The mean out-of-fold score of each sample over the repeats that tested it (NaN if none). */
    public double[] meanOutOfFold() {
        int n = labels.length;
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (double[] r : scores) {
                if (!Double.isNaN(r[i])) {
                    sum += r[i];
                    count++;
                }
            }
            mean[i] = count == 0 ? Double.NaN : sum / count;
        }
        return mean;
    }

    /**
     * The AUROC (with DeLong CI available) of the mean out-of-fold scores of every tested sample.
     *
     * @throws IllegalStateException if the tested samples hold one class only
     */
    public Auroc auroc() {
        return aurocOf(meanOutOfFold(), null);
    }

    /** The AUROC of each repeat's out-of-fold scores (pooled over its folds). */
    public double[] aurocPerRepeat() {
        double[] out = new double[scores.length];
        for (int r = 0; r < scores.length; r++) {
            out[r] = aurocOf(scores[r], null).value();
        }
        return out;
    }

    /**
     * The AUROC of the mean out-of-fold scores within each group (cohort, site), for groups
     * holding both classes among tested samples; in group-name order. With
     * {@link Splitters#leaveOneGroupOut()} this is the cross-cohort AUROC of each held-out group.
     */
    public Map<String, Auroc> aurocByGroup() {
        double[] mean = meanOutOfFold();
        Map<String, Auroc> out = new LinkedHashMap<>();
        for (String g : new TreeMap<>(groupSizes()).keySet()) {
            try {
                out.put(g, aurocOf(mean, g));
            } catch (IllegalStateException e) {
                // the group lacks a class among its tested samples: no AUROC
            }
        }
        return out;
    }

    /**
     * How often each feature is selected (non-zero) across folds, given how to read a fold's
     * coefficients, e.g. {@code result.selectionFrequency(m -> coefficientsByName(m))}.
     *
     * @return feature → fraction of folds in which its coefficient is non-zero, in first-seen order
     */
    public Map<String, Double> selectionFrequency(Function<P, Map<String, Double>> coefficients) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (P p : predictors) {
            for (Map.Entry<String, Double> e : coefficients.apply(p).entrySet()) {
                counts.merge(e.getKey(), e.getValue() != 0.0 ? 1.0 : 0.0, Double::sum);
            }
        }
        counts.replaceAll((k, v) -> v / predictors.size());
        return counts;
    }

    private Map<String, Integer> groupSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String g : groups) {
            sizes.merge(g, 1, Integer::sum);
        }
        return sizes;
    }

    private Auroc aurocOf(double[] s, String group) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            if (!Double.isNaN(s[i]) && (group == null || groups[i].equals(group))) {
                idx.add(i);
            }
        }
        double[] sc = new double[idx.size()];
        int[] y = new int[idx.size()];
        int pos = 0;
        for (int k = 0; k < sc.length; k++) {
            sc[k] = s[idx.get(k)];
            y[k] = labels[idx.get(k)];
            pos += y[k];
        }
        if (pos == 0 || pos == y.length) {
            throw new IllegalStateException("the tested samples" + (group == null ? "" : " of group '" + group + "'")
                    + " hold " + pos + " responders and " + (y.length - pos) + " non-responders; an AUROC needs both");
        }
        return Auroc.of(sc, y);
    }

    @Override
    public String toString() {
        return "CvResult[" + splits.size() + " folds, " + scores.length + " repeats, AUROC "
                + Arrays.toString(aurocPerRepeat()) + "]";
    }
}
