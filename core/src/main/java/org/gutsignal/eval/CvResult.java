package org.gutsignal.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.model.Predictor;
import org.gutsignal.model.ResponseModel;
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
 * <p><b>Across cohorts</b> (grouped CV, {@link Splitters#leaveOneGroupOut()}): the primary result is
 * the AUROC of each held-out group with its DeLong CI, {@link #aurocByGroup()}, summarised by the
 * random-effects pool {@link #pooledByGroup()} (with its prediction interval for a new cohort).
 * {@link #aurocConcatenated()} ranks the scores of all groups together although they come from
 * fold models with different intercepts; it can fall below every group's AUROC and is no
 * cross-cohort headline.
 *
 * <p><b>Degenerate folds.</b> A fold model that selected no feature scores every test sample the
 * same: {@link Fold#constantScores()} and, for a {@link ResponseModel}, {@link Fold#interceptOnly()}
 * flag it, and its AUROC is NaN rather than 0.5. A group's AUROC of constant scores is
 * {@linkplain Auroc#isDegenerate() degenerate} and left out of the pool with that reason.
 *
 * @param <P> the fitted predictor type (e.g. {@code ResponseModel})
 */
public final class CvResult<P extends Predictor> {

    /**
     * Test metrics of one fold.
     *
     * @param split          the fold
     * @param auroc          AUROC on the fold's test samples; NaN if they hold one class only or
     *                       their scores are constant
     * @param tested         number of test samples
     * @param constantScores whether the fold's predictor gave every test sample the same score (its
     *                       AUROC would be a meaningless 0.5)
     * @param interceptOnly  whether the fold's predictor is a {@link ResponseModel} whose
     *                       coefficients are all zero (it selected no feature); false for other
     *                       predictors. With unpenalised covariates see {@link #interceptOnlyFolds(Set)}.
     */
    public record Fold(Split split, double auroc, int tested, boolean constantScores, boolean interceptOnly) {

        /** @return whether the fold is {@linkplain #constantScores() constant} or {@linkplain #interceptOnly() intercept-only} */
        public boolean degenerate() {
            return constantScores || interceptOnly;
        }
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
        for (int fold = 0; fold < splits.size(); fold++) {
            Split s = splits.get(fold);
            int[] test = s.test();
            double[] sc = new double[test.length];
            int[] y = new int[test.length];
            int pos = 0;
            for (int k = 0; k < test.length; k++) {
                sc[k] = scores[s.repeat()][test[k]];
                y[k] = labels[test[k]];
                pos += y[k];
            }
            boolean constant = Arrays.stream(sc).allMatch(v -> v == sc[0]);
            double auc = pos == 0 || pos == test.length || constant ? Double.NaN : Auroc.of(sc, y).value();
            boolean interceptOnly = predictors.get(fold) instanceof ResponseModel m && selected(m, Set.of()) == 0;
            f.add(new Fold(s, auc, test.length, constant, interceptOnly));
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
     * The folds whose predictor selected nothing or scored all its test samples alike
     * ({@link Fold#degenerate()}), in run order.
     *
     * @return the degenerate folds (unmodifiable; empty when there are none)
     */
    public List<Fold> degenerateFolds() {
        return folds.stream().filter(Fold::degenerate).toList();
    }

    /**
     * The folds whose predictor is a {@link ResponseModel} with no non-zero coefficient outside
     * {@code unpenalized}: models that selected no penalised feature and rest on the intercept and
     * the unpenalised covariates (e.g. the names given to {@code LogisticTrainer.withUnpenalized}).
     * With an empty set this is the folds flagged {@link Fold#interceptOnly()}.
     *
     * @param unpenalized names of features fitted without penalty; they do not count as selected
     * @return those folds, in run order (unmodifiable)
     */
    public List<Fold> interceptOnlyFolds(Set<String> unpenalized) {
        List<Fold> out = new ArrayList<>();
        for (int k = 0; k < folds.size(); k++) {
            if (predictors.get(k) instanceof ResponseModel m && selected(m, unpenalized) == 0) {
                out.add(folds.get(k));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The random-effects (REML) meta-analysis of the per-group AUROCs of {@link #aurocByGroup()}:
     * the cross-cohort summary, with its 95% CI and the 95% prediction interval for a new cohort.
     * REML because it is metafor's default and less biased than DerSimonian–Laird with few groups;
     * {@code pooledByGroup().withMethod(PooledAuroc.Method.DERSIMONIAN_LAIRD)} gives DL. Groups whose
     * AUROC is degenerate, 0 or 1, or has no DeLong variance are listed in
     * {@link PooledAuroc#excluded()}.
     *
     * @return the pool
     * @throws IllegalArgumentException if fewer than 2 groups have a usable AUROC
     */
    public PooledAuroc pooledByGroup() {
        return PooledAuroc.of(aurocByGroup());
    }

    /**
     * The AUROC (with DeLong CI available) of the mean out-of-fold scores of every tested sample,
     * ranked together: with k-fold CV of one cohort, the usual cross-validated AUROC. With grouped or
     * leave-one-group-out CV this concatenates scores of different fold models (different
     * intercepts and scales) and is <em>not</em> the cross-cohort result: report
     * {@link #aurocByGroup()} and {@link #pooledByGroup()}.
     *
     * @throws IllegalStateException if the tested samples hold one class only
     */
    public Auroc aurocConcatenated() {
        return aurocOf(meanOutOfFold(), null);
    }

    /**
     * The same as {@link #aurocConcatenated()}, kept under its old name: the AUROC of all
     * out-of-fold scores ranked together, not the cross-cohort headline (see the class comment).
     *
     * @throws IllegalStateException if the tested samples hold one class only
     */
    public Auroc auroc() {
        return aurocConcatenated();
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
     * {@link Splitters#leaveOneGroupOut()} this is the cross-cohort AUROC of each held-out group,
     * the primary cross-cohort result. A group whose scores are constant gets a
     * {@linkplain Auroc#isDegenerate() degenerate} AUROC (no CI).
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
     * @see #selectionFrequency(Collection)
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

    /**
     * How often each feature has a non-zero coefficient among {@code models}, e.g. the folds' models
     * {@code CvResult.selectionFrequency(cv.predictors())}, ready to show next to a final model's
     * coefficients ({@code HtmlReport.coefficients(caption, model, catalog, frequency)}).
     *
     * @param models one or more fitted models
     * @return feature → fraction in [0, 1] of models in which its coefficient is non-zero (not
     *         percent), in first-seen order (a feature absent from a model counts as not selected)
     * @throws IllegalArgumentException if {@code models} is empty
     */
    public static Map<String, Double> selectionFrequency(Collection<? extends ResponseModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to count selections in");
        }
        Map<String, Double> counts = new LinkedHashMap<>();
        for (ResponseModel m : models) {
            double[] b = m.coefficients();
            for (int j = 0; j < b.length; j++) {
                counts.merge(m.featureNames().get(j), b[j] != 0.0 ? 1.0 : 0.0, Double::sum);
            }
        }
        counts.replaceAll((k, v) -> v / models.size());
        return counts;
    }

    private static int selected(ResponseModel m, Set<String> unpenalized) {
        double[] b = m.coefficients();
        int count = 0;
        for (int j = 0; j < b.length; j++) {
            if (b[j] != 0.0 && !unpenalized.contains(m.featureNames().get(j))) {
                count++;
            }
        }
        return count;
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
