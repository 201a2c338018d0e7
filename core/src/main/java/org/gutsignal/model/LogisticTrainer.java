package org.gutsignal.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Split;
import org.gutsignal.cohort.Splitter;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.transform.Preprocessing;

/**
 * Fits elastic-net penalised logistic regression exactly as R's {@code glmnet(family =
 * "binomial")} does, and picks λ by inner cross-validation as {@code cv.glmnet} does.
 *
 * <pre>{@code
 * LogisticTrainer trainer = LogisticTrainer.withDefaults()
 *         .withAlpha(0.5)
 *         .withUnpenalized(Set.of("site2", "site3"))    // covariates kept in every model
 *         .withLowerLimit("HMBPP", 0.0)                  // a stimulatory molecule: β ≥ 0
 *         .withSeed(7);
 * LogisticFit fit = trainer.train(cohort);             // path + 10-fold CV + chosen model
 * ResponseModel model = fit.model();
 * }</pre>
 *
 * <h2>Objective</h2>
 * With labels {@code y_i ∈ {0,1}} (1 = responder), observation weights {@code w_i} rescaled to
 * sum to {@code n}, the trainer minimises over the intercept {@code β_0} and coefficients {@code β}
 * <pre>
 *   -(1/n) Σ_i w_i [y_i η_i - log(1 + e^{η_i})]  +  λ Σ_j v_j [(1-α)/2 β_j² + α|β_j|],   η_i = β_0 + x_i·β
 * </pre>
 * subject to {@code lower_j ≤ β_j ≤ upper_j}, on features standardised internally to weighted
 * mean 0 and weighted population standard deviation 1 (glmnet's {@code standardize = TRUE});
 * coefficients are returned on the original scale. Penalty factors {@code v_j} are 1, or 0 for
 * {@linkplain #withUnpenalized unpenalised} features, and — as in glmnet — rescaled to sum to the
 * number of features, so with {@code k} unpenalised features of {@code p}, each penalised feature
 * carries {@code p/(p-k)}. Features that are constant in the training data get coefficient 0.
 *
 * <h2>Path</h2>
 * Unless {@linkplain #withLambdas explicit λ values} are given, the path has
 * {@code lambdaCount} values spaced evenly on the log scale from λmax down to
 * {@code lambdaMinRatio × λmax}, where λmax (the smallest λ at which every penalised coefficient
 * is 0) is {@code max_j |<x_j, w(y - p̂)>| / (n v_j max(α, 0.001))} on the standardised scale
 * and {@code p̂} the fit with intercept and unpenalised features only — glmnet's rule, including
 * its use of α = 0.001 for ridge. The path may end early as glmnet's does (see
 * {@link LogisticPath}).
 *
 * <h2>Algorithm</h2>
 * glmnet's: IRLS outer loop, cyclic coordinate descent inner loop with warm starts along the
 * path, active-set iteration and the sequential strong rule with a KKT check over all features.
 * Convergence: the largest squared coefficient change scaled by the IRLS-weighted variance of
 * its feature is below {@code tolerance} times the null deviance (glmnet's {@code thresh}).
 * Non-convergence within {@code maxIterations} coordinate passes per λ is recorded in
 * {@link FitDiagnostics}; with {@link #withStrictConvergence(boolean) strict convergence} it
 * throws.
 *
 * <p>Two things make wide tables cheap without changing what is computed. The KKT check bounds
 * each gradient (from an earlier check, or from a float copy of the values) and computes it from
 * the doubles only when the bound cannot decide, so it classes every feature as glmnet's full
 * check does, bit for bit. A design of 2²⁰ cells or more (e.g. 800 samples × 1,311 features)
 * stores the columns that are at their minimum in at least half the samples (the zeros of a gene
 * or KO table, also after {@code log(1 + x)}) sparse, as glmnet does for a sparse matrix: results
 * then differ from the dense computation only by rounding (about 1e-14 on the test problems), with
 * one exception that glmnet shares between its dense and sparse solvers: where columns are equal
 * after standardising (e.g. two species seen in the same single patient), the lasso's coefficients
 * are not unique and the two may share the weight differently, while the fitted linear predictors
 * agree (on the real Lee 2022 species table forced sparse: coefficients up to 0.16 apart, linear
 * predictors within 4.5e-9). Smaller designs are computed exactly as before.
 *
 * <h2>Choosing λ</h2>
 * {@link #train} fits the path on all samples, then fits each of {@code folds} stratified,
 * seeded folds on the same λ values and picks λ from the held-out deviance curve
 * ({@link CvCurve}) by the {@link LambdaRule}. With a single explicit λ no cross-validation is run.
 * The folds can be fitted on several threads ({@link #withThreads}) with bit-identical results.
 *
 * <p>Samples of unknown response are ignored. Feature values are finite by construction of
 * {@link FeatureTable}; weights must be finite and non-negative. Instances are immutable and
 * thread-safe; each {@code with…} method returns a validated copy, and a setting that conflicts
 * with an earlier one is rejected naming both.
 */
public final class LogisticTrainer {

    private static final String VERSION = readVersion();

    private final double alpha;
    private final Integer lambdaCount;
    private final Double lambdaMinRatio;
    private final double[] lambdas;
    private final double tolerance;
    private final int maxIterations;
    private final Map<String, Double> weights;
    private final boolean classBalancing;
    private final Set<String> unpenalized;
    private final Map<String, Double> lower;
    private final Map<String, Double> upper;
    private final int folds;
    private final boolean foldsGiven;
    private final Splitter splitter;
    private final long seed;
    private final LambdaRule rule;
    private final boolean strict;
    private final Preprocessing preprocessing;
    private final int threads;
    private final boolean cvGlmnetExact;

    /** The settings of one trainer while a {@code with…} method changes one of them. */
    private static final class Settings {
        double alpha = 1.0;
        Integer lambdaCount;
        Double lambdaMinRatio;
        double[] lambdas;
        double tolerance = 1e-7;
        int maxIterations = 100_000;
        Map<String, Double> weights;
        boolean classBalancing;
        Set<String> unpenalized = Set.of();
        Map<String, Double> lower = Map.of();
        Map<String, Double> upper = Map.of();
        Integer folds;
        Splitter splitter;
        long seed = 42L;
        LambdaRule rule = LambdaRule.MIN;
        boolean strict;
        Preprocessing preprocessing = Preprocessing.none();
        int threads = 1;
        boolean cvGlmnetExact;

        Settings() {
        }

        Settings(LogisticTrainer t) {
            alpha = t.alpha;
            lambdaCount = t.lambdaCount;
            lambdaMinRatio = t.lambdaMinRatio;
            lambdas = t.lambdas;
            tolerance = t.tolerance;
            maxIterations = t.maxIterations;
            weights = t.weights;
            classBalancing = t.classBalancing;
            unpenalized = t.unpenalized;
            lower = t.lower;
            upper = t.upper;
            folds = t.foldsGiven ? t.folds : null;
            splitter = t.splitter;
            seed = t.seed;
            rule = t.rule;
            strict = t.strict;
            preprocessing = t.preprocessing;
            threads = t.threads;
            cvGlmnetExact = t.cvGlmnetExact;
        }
    }

    private LogisticTrainer(Settings s) {
        if (!(s.alpha >= 0 && s.alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1] but is " + s.alpha);
        }
        if (s.lambdaCount != null && s.lambdaCount < 2) {
            throw new IllegalArgumentException("lambdaCount must be at least 2 but is " + s.lambdaCount
                    + " (for one λ use withLambdas)");
        }
        if (s.lambdaMinRatio != null && !(s.lambdaMinRatio > 0 && s.lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambdaMinRatio must be in (0, 1) but is " + s.lambdaMinRatio);
        }
        if (s.lambdas != null && s.lambdaCount != null) {
            throw new IllegalArgumentException("withLambdas conflicts with withLambdaCount: give one or the other");
        }
        if (s.lambdas != null && s.lambdaMinRatio != null) {
            throw new IllegalArgumentException("withLambdas conflicts with withLambdaMinRatio: give one or the other");
        }
        if (!(s.tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive but is " + s.tolerance);
        }
        if (s.maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive but is " + s.maxIterations);
        }
        if (s.folds != null && s.folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2 but is " + s.folds);
        }
        if (s.folds != null && s.splitter != null) {
            throw new IllegalArgumentException("withFolds conflicts with withInnerSplitter: give one or the other");
        }
        if (s.threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + s.threads);
        }
        for (Map.Entry<String, Double> e : s.lower.entrySet()) {
            if (!(e.getValue() <= 0)) {
                throw new IllegalArgumentException("lower limit of '" + e.getKey() + "' must be ≤ 0 (as in glmnet) but is "
                        + e.getValue());
            }
        }
        for (Map.Entry<String, Double> e : s.upper.entrySet()) {
            if (!(e.getValue() >= 0)) {
                throw new IllegalArgumentException("upper limit of '" + e.getKey() + "' must be ≥ 0 (as in glmnet) but is "
                        + e.getValue());
            }
        }
        this.alpha = s.alpha;
        this.lambdaCount = s.lambdaCount;
        this.lambdaMinRatio = s.lambdaMinRatio;
        this.lambdas = s.lambdas;
        this.tolerance = s.tolerance;
        this.maxIterations = s.maxIterations;
        this.weights = s.weights;
        this.classBalancing = s.classBalancing;
        this.unpenalized = s.unpenalized;
        this.lower = s.lower;
        this.upper = s.upper;
        this.foldsGiven = s.folds != null;
        this.folds = s.folds == null ? 10 : s.folds;
        this.splitter = s.splitter;
        this.seed = s.seed;
        this.rule = Objects.requireNonNull(s.rule, "rule");
        this.strict = s.strict;
        this.preprocessing = Objects.requireNonNull(s.preprocessing, "preprocessing");
        this.threads = s.threads;
        this.cvGlmnetExact = s.cvGlmnetExact;
    }

    /**
     * The defaults: α = 1 (lasso), 100 λ values down to 1e-4 λmax (1e-2 if there are fewer
     * samples than features), tolerance 1e-7, at most 100 000 coordinate passes per λ, unit
     * weights, every feature penalised and unbounded, 10 folds, seed 42, {@link LambdaRule#MIN},
     * non-convergence recorded rather than thrown, one thread.
     */
    public static LogisticTrainer withDefaults() {
        return new LogisticTrainer(new Settings());
    }

    /** A validated copy with one setting changed. */
    private LogisticTrainer with(Consumer<Settings> change) {
        Settings s = new Settings(this);
        change.accept(s);
        return new LogisticTrainer(s);
    }

    /**
     * The preprocessing fitted on each training cohort before the model (default: none). It is
     * fitted on the samples given to {@link #train}/{@link #fit} only and frozen into the
     * {@link ResponseModel}, so scoring applies the training parameters to new samples; inside
     * {@link org.gutsignal.eval.CrossValidation} that means once per outer training fold. Names
     * given to {@link #withUnpenalized} and the limits refer to the preprocessing's output
     * features. The inner λ-selection folds reuse the preprocessing fitted on the whole
     * training cohort (as {@code cv.glmnet} reuses its standardisation); this affects only the
     * choice of λ, never an outer evaluation.
     */
    public LogisticTrainer withPreprocessing(Preprocessing p) {
        Objects.requireNonNull(p, "preprocessing");
        return with(s -> s.preprocessing = p);
    }

    /** The preprocessing fitted before the model. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** Elastic-net mixing, in [0, 1]: 1 = lasso, 0 = ridge. @throws IllegalArgumentException if out of range */
    public LogisticTrainer withAlpha(double a) {
        return with(s -> s.alpha = a);
    }

    /** Number of generated λ values (≥ 2). @throws IllegalArgumentException if below 2 or explicit λ values were given */
    public LogisticTrainer withLambdaCount(int count) {
        return with(s -> s.lambdaCount = count);
    }

    /** Smallest generated λ as a fraction of λmax, in (0, 1). @throws IllegalArgumentException if out of range or explicit λ values were given */
    public LogisticTrainer withLambdaMinRatio(double ratio) {
        return with(s -> s.lambdaMinRatio = ratio);
    }

    /**
     * Explicit λ values instead of a generated path (sorted decreasing, as glmnet does).
     *
     * @throws IllegalArgumentException if empty, a value is not positive and finite, a value repeats,
     *                                  or a λ count or ratio was set
     */
    public LogisticTrainer withLambdas(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("withLambdas needs at least one λ");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        for (int k = 0; k < s.length; k++) {
            if (!(s[k] > 0) || !Double.isFinite(s[k])) {
                throw new IllegalArgumentException("λ values must be positive and finite but one is " + s[k]);
            }
            if (k > 0 && s[k] == s[k - 1]) {
                throw new IllegalArgumentException("λ value " + s[k] + " is given twice");
            }
        }
        double[] desc = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            desc[k] = s[s.length - 1 - k];
        }
        return with(t -> t.lambdas = desc);
    }

    /** Convergence threshold, relative to the null deviance (glmnet's {@code thresh}). @throws IllegalArgumentException if not positive */
    public LogisticTrainer withTolerance(double tol) {
        return with(s -> s.tolerance = tol);
    }

    /** Most coordinate-descent passes per λ. @throws IllegalArgumentException if not positive */
    public LogisticTrainer withMaxIterations(int passes) {
        return with(s -> s.maxIterations = passes);
    }

    /**
     * Observation weights by sample id. Every labelled training sample must have one; extra ids
     * are ignored (so one map serves every cross-validation fold). Weights are rescaled to sum to
     * the sample count.
     *
     * @throws IllegalArgumentException if a weight is negative, NaN or infinite
     */
    public LogisticTrainer withWeights(Map<String, Double> bySampleId) {
        Map<String, Double> m = new HashMap<>();
        for (Map.Entry<String, Double> e : bySampleId.entrySet()) {
            double v = e.getValue();
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("weight of sample '" + e.getKey()
                        + "' must be finite and non-negative but is " + v);
            }
            m.put(e.getKey(), v);
        }
        return with(s -> s.weights = Collections.unmodifiableMap(m));
    }

    /**
     * Weights each sample by {@code n / (2 n_class)} so both classes carry equal total weight
     * (computed on the data being fitted, multiplied into any {@linkplain #withWeights weights}).
     */
    public LogisticTrainer withClassBalancing(boolean on) {
        return with(s -> s.classBalancing = on);
    }

    /** Features fitted without penalty (glmnet {@code penalty.factor = 0}), for example site covariates. */
    public LogisticTrainer withUnpenalized(Set<String> featureNames) {
        Set<String> names = Set.copyOf(featureNames);
        return with(s -> s.unpenalized = names);
    }

    /**
     * Bounds on coefficients (original scale) by feature: {@code {lower, upper}} with
     * {@code lower ≤ 0 ≤ upper} (glmnet's {@code lower.limits}/{@code upper.limits}); use
     * infinities for no bound. Replaces earlier limits.
     *
     * @throws IllegalArgumentException if a value is not a pair or a bound excludes 0
     */
    public LogisticTrainer withLimits(Map<String, double[]> limits) {
        Map<String, Double> lo = new HashMap<>();
        Map<String, Double> hi = new HashMap<>();
        for (Map.Entry<String, double[]> e : limits.entrySet()) {
            double[] b = e.getValue();
            if (b.length != 2) {
                throw new IllegalArgumentException("limits of '" + e.getKey() + "' must be {lower, upper} but have "
                        + b.length + " values");
            }
            lo.put(e.getKey(), b[0]);
            hi.put(e.getKey(), b[1]);
        }
        return with(s -> {
            s.lower = Map.copyOf(lo);
            s.upper = Map.copyOf(hi);
        });
    }

    /** A lower bound (≤ 0) on one coefficient, e.g. 0 for a stimulatory molecule. @throws IllegalArgumentException if positive */
    public LogisticTrainer withLowerLimit(String feature, double value) {
        Map<String, Double> lo = new HashMap<>(lower);
        lo.put(feature, value);
        return with(s -> s.lower = Map.copyOf(lo));
    }

    /** An upper bound (≥ 0) on one coefficient, e.g. 0 for an inhibitory molecule. @throws IllegalArgumentException if negative */
    public LogisticTrainer withUpperLimit(String feature, double value) {
        Map<String, Double> hi = new HashMap<>(upper);
        hi.put(feature, value);
        return with(s -> s.upper = Map.copyOf(hi));
    }

    /**
     * Number of inner cross-validation folds (≥ 2; at most the smaller class count at fit time).
     *
     * @throws IllegalArgumentException if below 2 or an {@linkplain #withInnerSplitter inner splitter} was set
     */
    public LogisticTrainer withFolds(int k) {
        return with(s -> s.folds = k);
    }

    /**
     * The splitter that deals the inner λ-selection folds instead of stratified
     * {@code withFolds(k)}-fold with the trainer's seed, e.g. {@link Splitters#groupKFold} to keep
     * sites together, or {@link Splitters#fromFoldIds} for the same folds as another tool
     * (glmnet's {@code foldid}). It is given the labels and groups of the labelled training
     * samples, in cohort order.
     *
     * @throws IllegalArgumentException if {@link #withFolds} was set
     */
    public LogisticTrainer withInnerSplitter(Splitter s) {
        Objects.requireNonNull(s, "splitter");
        return with(t -> t.splitter = s);
    }

    /** Seed of the fold assignment; the same seed gives bit-identical results. */
    public LogisticTrainer withSeed(long seed) {
        return with(s -> s.seed = seed);
    }

    /** How λ is picked from the cross-validation curve. */
    public LogisticTrainer withLambdaRule(LambdaRule r) {
        return with(s -> s.rule = r);
    }

    /** If on, a fit that does not converge at some λ throws {@link IllegalStateException}. */
    public LogisticTrainer withStrictConvergence(boolean on) {
        return with(s -> s.strict = on);
    }

    /**
     * How the inner cross-validation fits its folds. Off (the default): each fold is fitted at the
     * full-data path's λ values and scored at exactly those. On: as R's {@code cv.glmnet} does it,
     * each fold fits its own path (its own λmax and λ sequence from its training samples, or the
     * {@linkplain #withLambdas explicit λ values} if given, with glmnet's early stopping), and its
     * coefficients are interpolated linearly at the full-data λ values (glmnet's
     * {@code lambda.interp}: a λ above the fold's largest reads the fold's first fit, one below
     * its smallest the last). With the same folds ({@link Splitters#fromFoldIds}) the curve, λ.min
     * and λ.1se then match {@code cv.glmnet}'s to rounding (1e-10 on the reference fixtures).
     *
     * <p>The default scores every fold at the λ being chosen rather than at an interpolation
     * between two others, and is what earlier versions computed; the two curves differ by up to
     * about 5e-4 relative in the mean deviance and 1e-2 in its standard error on the reference
     * fixtures, which can move λ.min by one step. Choose the exact mode to reproduce a
     * {@code cv.glmnet} (or SIAMCAT) analysis.
     */
    public LogisticTrainer withCvGlmnetExact(boolean on) {
        return with(s -> s.cvGlmnetExact = on);
    }

    /**
     * Fits up to {@code n} inner cross-validation folds at once in {@link #train} (default 1:
     * everything on the calling thread). Each fold is fitted on its own and the curve is summed in
     * fold order afterwards, so the result is bit-identical whatever {@code n} is. {@link #train}
     * starts {@code min(n, folds) - 1} short-lived threads and uses the calling thread as well;
     * when an outer {@link org.gutsignal.eval.CrossValidation} already runs folds in parallel,
     * leave this at 1.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public LogisticTrainer withThreads(int n) {
        return with(s -> s.threads = n);
    }

    /**
     * Fits the regularisation path on all labelled samples of {@code cohort} (no cross-validation;
     * glmnet's {@code glmnet}).
     *
     * @throws IllegalArgumentException if there are no labelled samples, one class is absent, a
     *                                  named unpenalised or limited feature is absent, a sample has
     *                                  no weight, or every feature is unpenalised
     * @throws IllegalStateException    under strict convergence, if some λ did not converge
     */
    public LogisticPath path(Cohort cohort) {
        Cohort c = cohort.labelled();
        TrainingData d = prepare(preprocessing.fitTransform(c.features()).table(), c.labels());
        return new LogisticPath(d.names, alpha, runPath(d, lambdas, true));
    }

    /**
     * Fits the path, selects λ by inner cross-validation ({@link LambdaSelection}, glmnet's
     * {@code cv.glmnet}) and returns the model at the chosen λ. The model records the unit of
     * {@code cohort}'s raw features as its {@linkplain ResponseModel#inputUnit() input unit}.
     *
     * @throws IllegalArgumentException as {@link #path}, or if the smaller class has fewer samples
     *                                  than folds (or the {@linkplain #withInnerSplitter inner
     *                                  splitter} rejects the data)
     * @throws IllegalStateException    under strict convergence, if some fit did not converge
     */
    public LogisticFit train(Cohort cohort) {
        Cohort c = cohort.labelled();
        Preprocessing.Fitted prepared = preprocessing.fitTransform(c.features());
        TrainingData d = prepare(prepared.table(), c.labels());
        PathSolver.Result full = runPath(d, lambdas, true);
        LogisticPath path = new LogisticPath(d.names, alpha, full);
        CvCurve cv = null;
        int index = 0;
        if (full.lambdas.length > 1) {
            cv = cvGlmnetExact
                    ? LambdaSelection.curve(d, full.lambdas, innerSplits(c, d), threads,
                            (fold, grid) -> runPath(fold, lambdas, false), true)
                    : LambdaSelection.curve(d, full.lambdas, innerSplits(c, d), threads,
                            (fold, grid) -> runPath(fold, grid, false), false);
            index = cv.index(rule);
        }
        Provenance prov = new Provenance(VERSION, d.sampleCount(), d.checksum(), seed);
        ResponseModel model = ResponseModel.of(d.names, full.betas[index], full.intercepts[index],
                full.lambdas[index], alpha, prov, prepared.preprocessing()).withInputUnit(c.features().unit())
                .withTrainingVariances(columnVariances(d.x));
        return new LogisticFit(model, path, cv, index);
    }

    /**
     * The sample variance (divisor n − 1, unweighted) of each column of the preprocessed training
     * table: the mean first, then the sum of squared deviations, each in sample order. What the
     * model weighs absent features by when scoring ({@link ResponseModel#withTrainingVariances}).
     */
    static double[] columnVariances(FeatureTable x) {
        int n = x.sampleCount();
        double[] v = new double[x.featureCount()];
        for (int from = 0; from < v.length; from += 64) {
            double[][] block = x.columns(from, Math.min(v.length, from + 64));
            for (int b = 0; b < block.length; b++) {
                double[] c = block[b];
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += c[i];
                }
                mean /= n;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    double d = c[i] - mean;
                    ss += d * d;
                }
                v[from + b] = ss / (n - 1);
            }
        }
        return v;
    }

    /**
     * {@code train(cohort).model()}.
     *
     * @throws IllegalArgumentException as {@link #train}
     * @throws IllegalStateException    as {@link #train}
     */
    public ResponseModel fit(Cohort cohort) {
        return train(cohort).model();
    }

    private TrainingData prepare(FeatureTable preprocessed, int[] labels) {
        return TrainingData.of(preprocessed, labels, weights, classBalancing, unpenalized, lower, upper);
    }

    /** The inner folds: the given splitter's, or stratified k-fold with the trainer's seed. */
    private List<Split> innerSplits(Cohort c, TrainingData d) {
        String[] groups = c.metadata().groups().toArray(new String[0]);
        if (splitter != null) {
            return splitter.split(c.labels(), groups);
        }
        int minority = Math.min(d.positives, d.sampleCount() - d.positives);
        if (minority < folds) {
            throw new IllegalArgumentException(folds + "-fold cross-validation needs at least " + folds
                    + " samples of each class but there are " + d.positives + " responders and "
                    + (d.sampleCount() - d.positives) + " non-responders (use withFolds or withLambdas with one λ)");
        }
        return Splitters.stratifiedKFold(folds, seed).split(c.labels(), groups);
    }

    private PathSolver.Result runPath(TrainingData d, double[] userLambdas, boolean deviance) {
        PathSolver solver = new PathSolver(d, alpha);
        int nl = lambdaCount == null ? 100 : lambdaCount;
        double ratio = lambdaMinRatio != null ? lambdaMinRatio : d.sampleCount() < d.featureCount() ? 1e-2 : 1e-4;
        PathSolver.Result r = solver.run(userLambdas, nl, ratio, tolerance, maxIterations, deviance);
        if (strict) {
            for (int k = 0; k < r.converged.length; k++) {
                if (!r.converged[k]) {
                    throw new IllegalStateException("the fit on " + d.sampleCount() + " samples did not converge at λ["
                            + k + "]=" + r.lambdas[k] + " after " + r.passes[k] + " coordinate passes and "
                            + r.outer[k] + " IRLS iterations");
                }
            }
        }
        return r;
    }

    /** The library version, from a resource filtered by Maven; "unknown" if absent. */
    private static String readVersion() {
        try (InputStream in = LogisticTrainer.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("alpha", alpha);
        s.put("lambdas", lambdas == null ? (lambdaCount == null ? 100 : lambdaCount) + " generated" : Arrays.toString(lambdas));
        s.put("tolerance", tolerance);
        s.put("folds", folds);
        s.put("seed", seed);
        s.put("rule", rule);
        s.put("unpenalized", new HashSet<>(unpenalized));
        s.put("threads", threads);
        s.put("cvGlmnetExact", cvGlmnetExact);
        return "LogisticTrainer" + s;
    }
}
