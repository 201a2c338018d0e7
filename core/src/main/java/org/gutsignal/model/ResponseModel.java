package org.gutsignal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.ParallelFolds;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.FittedStep;
import org.gutsignal.transform.MissingFeaturePolicy;

/**
 * A trained penalised logistic model with its frozen preprocessing: the probability of
 * response is {@code σ(intercept + Σ_j β_j z_j)} with {@code σ(t) = 1 / (1 + e^{-t})}, where
 * {@code z} is the sample after the model's {@link FittedPreprocessing} (log, CLR,
 * standardisation, filters, fitted on the training data only) and {@code z_j} its
 * {@code j}-th model feature. Raw input features are found by name in the table to score.
 *
 * <pre>{@code
 * ResponseModel model = LogisticTrainer.withDefaults().withAlpha(0.5).fit(train);
 * double[] p = model.score(validation.features());      // one probability per sample
 * String unit = model.unitCheck(validation.features()).note(); // same unit, converted, unknown or refused
 * Scores s = model.withMissingFeatures(MissingFeaturePolicy.fillZero(0.2))
 *         .scoreWithCoverage(validation.features());      // probabilities + coverage
 * Explanation why = model.explain(validation.features(), 0);
 * ModelFiles.write(model, Path.of("model.json"));
 * }</pre>
 *
 * <p>The model holds its feature names (the preprocessing's outputs), coefficients (on the
 * scale of the preprocessed features), intercept, the λ and α it was fitted with, the fitted
 * preprocessing, its {@link Provenance} and the training variance of each preprocessed feature.
 * Scoring looks raw features up by name, so the table may hold extra features in any order.
 *
 * <p><b>Missing features: no silent path.</b> {@link #score}, {@link #predict} and {@link #explain}
 * refuse a table that lacks any raw input feature, whatever the policy; the message says how many
 * and which (the first 10) and what to do. {@link #scoreWithCoverage} applies the model's
 * {@link MissingFeaturePolicy}: under {@link MissingFeaturePolicy#ERROR} (the default) it refuses
 * as {@code score} does; under {@link MissingFeaturePolicy#fillZero fillZero(max)} it scores the
 * absent features as 0 if they carry at most {@code max} of the linear-predictor variance
 * ({@link Scores.Coverage#absentVarianceShare()}), refuses naming both shares otherwise, and
 * returns the coverage with the probabilities. A table holding none of the input features is
 * always refused (every sample would get the same score), and so is filling with a model that
 * does not know its training variances (model files of format 1 to 3), whose share is unknown.
 *
 * <p><b>Units.</b> The model records the {@link AbundanceUnit} of the raw table it was trained on
 * ({@link #inputUnit()}; {@link LogisticTrainer} sets it), and scoring checks a table's unit
 * against it ({@link #unitCheck}, {@link UnitCheck}): the same unit is scored as is; a unit that
 * {@linkplain AbundanceUnit#convertsExactlyTo converts exactly} (percent, fraction, CPM) is
 * converted to the model's before the preprocessing, and {@code unitCheck} says so; any other unit
 * (RPK for a CPM model, transformed values for a model of raw abundances) is refused. A model that
 * does not know its unit (read from a model file of format 1 or 2) scores any table as before and
 * {@code unitCheck} says the unit was not checked.
 *
 * <p>Scoring is the hot path: at construction the model works out a scoring plan that folds a
 * trailing standardisation into the coefficients and intercept (exact up to floating-point
 * rounding) and reads raw values straight from the table where the remaining preprocessing
 * allows; a model without value-changing preprocessing sums its terms with eight partial sums when
 * it has eight or more features ({@link FeatureTable#weightedSums}: within rounding of a one-by-one
 * sum), and a single log preprocessing takes no logarithm of a raw 0.
 * {@link #score(FeatureTable, double[])} allocates nothing once the thread has scored a table at
 * least as wide.
 *
 * <p>Immutable and thread-safe: any number of threads may score with one instance.
 */
public final class ResponseModel implements Predictor {

    /** Fewest samples per thread of {@link #score(FeatureTable, double[], int)}. */
    private static final int SAMPLES_PER_THREAD = 1024;

    private final String[] featureNames;
    private final List<String> featureList;
    private final double[] coefficients;
    private final double intercept;
    private final double lambda;
    private final double alpha;
    private final Provenance provenance;
    private final MissingFeaturePolicy missingPolicy;
    private final FittedPreprocessing preprocessing;
    /** The unit of the raw training table, or null if unknown. */
    private final AbundanceUnit inputUnit;
    /** The training variance of each preprocessed model feature, or null if unknown. */
    private final double[] trainingVariances;
    private final String[] inputNames;
    private final ScoringPlan plan;

    private ResponseModel(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance, MissingFeaturePolicy missingPolicy,
            FittedPreprocessing preprocessing, AbundanceUnit inputUnit, double[] trainingVariances) {
        this.featureList = List.copyOf(featureNames);
        this.featureNames = featureList.toArray(new String[0]);
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
        this.lambda = lambda;
        this.alpha = alpha;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.missingPolicy = Objects.requireNonNull(missingPolicy, "missingPolicy");
        if (this.coefficients.length != this.featureNames.length) {
            throw new IllegalArgumentException(this.featureNames.length + " feature names but "
                    + this.coefficients.length + " coefficients");
        }
        if (new java.util.HashSet<>(featureList).size() != featureList.size()) {
            throw new IllegalArgumentException("duplicate feature names in " + featureList);
        }
        for (int j = 0; j < this.coefficients.length; j++) {
            checkWeight("coefficient of '" + this.featureNames[j] + "'", this.coefficients[j]);
        }
        checkWeight("intercept", intercept);
        if (!(lambda >= 0 && lambda <= MAX_MAGNITUDE) || !(alpha >= 0 && alpha <= 1) || isSubnormal(lambda)
                || isSubnormal(alpha)) {
            throw new IllegalArgumentException("expected 0 ≤ λ ≤ 1e300 and 0 ≤ α ≤ 1 (0 or normal doubles) but found λ="
                    + lambda + ", α=" + alpha);
        }
        this.preprocessing = preprocessing == null ? FittedPreprocessing.of(featureList, List.of()) : preprocessing;
        if (!this.preprocessing.outputFeatures().equals(featureList)) {
            throw new IllegalArgumentException("the preprocessing writes " + this.preprocessing.outputFeatures().size()
                    + " features but the model has " + featureList.size() + " coefficients for other or differently"
                    + " ordered features");
        }
        this.inputUnit = inputUnit;
        this.trainingVariances = trainingVariances == null ? null : trainingVariances.clone();
        if (this.trainingVariances != null) {
            if (this.trainingVariances.length != this.featureNames.length) {
                throw new IllegalArgumentException(this.featureNames.length + " features but "
                        + this.trainingVariances.length + " training variances");
            }
            for (int j = 0; j < this.trainingVariances.length; j++) {
                double v = this.trainingVariances[j];
                if (!(v >= 0 && v <= MAX_VARIANCE) || isSubnormal(v)) {
                    throw new IllegalArgumentException("training variance of '" + this.featureNames[j]
                            + "' must be 0 or a normal double in [0, 1e200] but is " + v);
                }
            }
        }
        this.inputNames = this.preprocessing.inputFeatures().toArray(new String[0]);
        this.plan = new ScoringPlan(this.preprocessing, this.coefficients, intercept);
    }

    /**
     * A model from its parts, for example to score with coefficients estimated elsewhere.
     *
     * @param featureNames unique names, one per coefficient
     * @param coefficients coefficients (copied), each 0 or a normal double with {@code |β| ≤ 1e6}
     * @param intercept    intercept (log-odds at all features 0), 0 or a normal double with {@code |b| ≤ 1e6}
     * @param lambda       the penalty it was fitted with (in [0, 1e300]; 0 if unpenalised)
     * @param alpha        the elastic-net mixing it was fitted with, in [0, 1]
     * @param provenance   how it was made
     * @return the model, with no preprocessing, {@link MissingFeaturePolicy#ERROR} and an unknown
     *         {@linkplain #inputUnit() input unit} (set one with {@link #withInputUnit})
     * @throws IllegalArgumentException if lengths differ, names repeat, a number is out of its range
     *                                  or subnormal, or λ, α are out of range; these bounds, with
     *                                  the preprocessing's ({@link FittedStep#of}) and the check that
     *                                  folding a standardisation into the coefficients stays finite,
     *                                  mean {@link #score} never returns NaN: it throws if a table's
     *                                  values are so large (beyond about 1e300) that terms overflow
     */
    public static ResponseModel of(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance) {
        return new ResponseModel(featureNames, coefficients, intercept, lambda, alpha, provenance,
                MissingFeaturePolicy.ERROR, null, null, null);
    }

    /**
     * A model whose coefficients apply to the output of a fitted preprocessing, with an unknown
     * {@linkplain #inputUnit() input unit} (set one with {@link #withInputUnit}).
     *
     * @param preprocessing fitted on the training data; its output features must equal
     *                      {@code featureNames}, in order
     * @throws IllegalArgumentException as {@link #of(List, double[], double, double, double, Provenance)},
     *                                  or if the preprocessing writes other features
     */
    public static ResponseModel of(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance, FittedPreprocessing preprocessing) {
        return new ResponseModel(featureNames, coefficients, intercept, lambda, alpha, provenance,
                MissingFeaturePolicy.ERROR, Objects.requireNonNull(preprocessing, "preprocessing"), null, null);
    }

    /**
     * This model with another missing-feature policy for raw features, which
     * {@link #scoreWithCoverage} applies ({@link #score} refuses any missing feature whatever the
     * policy). Not saved in model files.
     */
    public ResponseModel withMissingFeatures(MissingFeaturePolicy policy) {
        return policy.equals(missingPolicy) ? this
                : new ResponseModel(featureList, coefficients, intercept, lambda, alpha, provenance, policy,
                        preprocessing, inputUnit, trainingVariances);
    }

    /**
     * This model recording that it was trained on raw tables in {@code unit} (saved in model files):
     * scoring then checks each table's unit against it.
     */
    public ResponseModel withInputUnit(AbundanceUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return unit == inputUnit ? this
                : new ResponseModel(featureList, coefficients, intercept, lambda, alpha, provenance, missingPolicy,
                        preprocessing, unit, trainingVariances);
    }

    /**
     * This model recording the variance of each preprocessed feature {@code z_j} over its training
     * samples (saved in model files; {@link LogisticTrainer} sets it): what {@link #scoreWithCoverage}
     * weighs absent features by ({@link Scores.Coverage#absentVarianceShare()}).
     *
     * @param variances one per {@linkplain #featureNames() model feature}, in that order, finite and
     *                  ≥ 0 (copied); the sample variance, divisor n − 1, as {@link LogisticTrainer}
     *                  computes it
     * @throws IllegalArgumentException if the length differs from the feature count or a variance
     *                                  is negative or not finite
     */
    public ResponseModel withTrainingVariances(double[] variances) {
        Objects.requireNonNull(variances, "variances");
        return new ResponseModel(featureList, coefficients, intercept, lambda, alpha, provenance, missingPolicy,
                preprocessing, inputUnit, variances);
    }

    /**
     * A copy of the training variance of each preprocessed model feature, in
     * {@link #featureNames()} order, or empty if unknown (a model file of format 1 to 3, or a model
     * built by {@code of} without {@link #withTrainingVariances}).
     */
    public Optional<double[]> trainingVariances() {
        return Optional.ofNullable(trainingVariances).map(double[]::clone);
    }

    /**
     * The unit of the raw table the model was trained on (before its preprocessing), or empty if
     * unknown (a model file of format 1 or 2, or a model built by {@code of} without
     * {@link #withInputUnit}).
     */
    public Optional<AbundanceUnit> inputUnit() {
        return Optional.ofNullable(inputUnit);
    }

    /**
     * What scoring {@code table} does with its unit: scores it as is, converts it exactly, scores it
     * unchecked (unknown model unit) or refuses it; {@link UnitCheck#note()} says which in one
     * line. Never throws for a refused unit: {@link #score} does.
     */
    public UnitCheck unitCheck(FeatureTable table) {
        return UnitCheck.of(table.unit(), inputUnit);
    }

    /** The fitted preprocessing applied to raw features before the coefficients (no steps if none). */
    public FittedPreprocessing preprocessing() {
        return preprocessing;
    }

    /** The raw features the model reads from a table to score, in the preprocessing's input order. */
    public List<String> inputFeatures() {
        return preprocessing.inputFeatures();
    }

    /** The model's feature names, in coefficient order (unmodifiable). */
    public List<String> featureNames() {
        return featureList;
    }

    /** A copy of the coefficients, in {@link #featureNames()} order. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The coefficient of a feature. @throws IllegalArgumentException if the model has no such feature */
    public double coefficient(String feature) {
        int j = featureList.indexOf(feature);
        if (j < 0) {
            throw new IllegalArgumentException("the model has no feature '" + feature + "'");
        }
        return coefficients[j];
    }

    /** The intercept (log-odds of response when every feature is 0). */
    public double intercept() {
        return intercept;
    }

    /** The penalty λ the model was fitted with. */
    public double lambda() {
        return lambda;
    }

    /** The elastic-net mixing α the model was fitted with. */
    public double alpha() {
        return alpha;
    }

    /** How the model was made. */
    public Provenance provenance() {
        return provenance;
    }

    /** What {@link #scoreWithCoverage} does with features the table lacks. */
    public MissingFeaturePolicy missingFeaturePolicy() {
        return missingPolicy;
    }

    /** The raw input features that {@code table} lacks, in input order (empty if none). */
    public List<String> missingFeatures(FeatureTable table) {
        List<String> missing = new ArrayList<>();
        for (String name : preprocessing.inputFeatures()) {
            if (table.indexOfFeature(name) < 0) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * The probability of response of every sample in {@code table} (raw features), in its
     * sample order.
     *
     * <p>A table in another unit than the model's is converted when the conversion is exact and
     * refused otherwise (see {@link #unitCheck}).
     *
     * @throws IllegalArgumentException if the table's unit is refused ({@link UnitCheck.Outcome#REFUSED};
     *                                  the message names both units and what to do), the table lacks
     *                                  any input feature, whatever the policy (the message gives the
     *                                  count, the first 10 names and what to do: to score them as 0,
     *                                  use {@link #scoreWithCoverage}), or the preprocessing gives a
     *                                  non-finite value
     */
    public double[] score(FeatureTable table) {
        double[] out = new double[table.sampleCount()];
        score(table, out);
        return out;
    }

    /**
     * Scores a cohort's feature table; the {@link Predictor} view of the model.
     *
     * @throws IllegalArgumentException as {@link #score(FeatureTable)}
     */
    @Override
    public double[] predict(Cohort cohort) {
        return score(cohort.features());
    }

    /**
     * Writes the probability of response of every sample into {@code out[0 .. sampleCount-1]},
     * allocating nothing once the calling thread has scored a table at least as wide (per-thread
     * scratch, allocated on the first call and grown for a wider table).
     *
     * <p>Cost per call: one hash lookup per raw input feature (no mapping is cached between
     * calls, so a model can score tables of any layout from many threads), the preprocessing of
     * each sample if it is not linear (for a single log step, one logarithm per raw value other
     * than 0), one multiply-add per sample and model feature and one {@code exp} per sample. A table in the model's unit (or any unit, if the model's is unknown)
     * is read in place; a table in another, exactly convertible unit is first copied and converted,
     * which allocates.
     *
     * @throws IllegalArgumentException if {@code out} is shorter than the sample count, or as
     *                                  {@link #score(FeatureTable)}
     */
    public void score(FeatureTable table, double[] out) {
        score(table, out, 1);
    }

    /**
     * As {@link #score(FeatureTable, double[])}, on up to {@code threads} threads: the samples are
     * cut into {@code min(threads, ⌊n / }{@value #SAMPLES_PER_THREAD}{@code ⌋)} contiguous ranges
     * of (nearly) equal size, at least one (so a table of fewer than
     * {@code 2 × }{@value #SAMPLES_PER_THREAD} samples stays on the calling thread), scored at the
     * same time by the calling thread and one short-lived daemon thread per further range.
     * Every probability is the same number as on one thread, bit for bit, whatever {@code threads}
     * is: a sample's score depends only on its own values. Worth it for many samples (scoring is
     * bound by memory bandwidth from prepared features and by one logarithm per non-zero value from
     * raw ones). If scoring fails, the error is the one a single thread gives (the first failing
     * sample's). An interrupt of the calling thread while it waits for the others is kept (the flag
     * is set again). On more than one thread a call allocates: the threads and their scratch space.
     *
     * @throws IllegalArgumentException if {@code threads < 1}, or as {@link #score(FeatureTable, double[])}
     */
    public void score(FeatureTable table, double[] out, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
        int n = table.sampleCount();
        if (out.length < n) {
            throw new IllegalArgumentException("output array holds " + out.length + " values but the table has " + n
                    + " samples");
        }
        FeatureTable inModelUnit = convertsUnit(table) ? converted(table) : table;
        refuseMissing(table);
        int workers = Math.max(1, Math.min(threads, n / SAMPLES_PER_THREAD));
        if (workers == 1) {
            plan.linearPredictors(inModelUnit, 0, n, out);
        } else {
            linearPredictorsOnThreads(inModelUnit, out, workers);
        }
        checkPredictors(table, out, n);
        for (int i = 0; i < n; i++) {
            out[i] = sigmoid(out[i]);
        }
    }

    /**
     * The linear predictors of {@code table}'s samples in {@code workers} contiguous ranges on as
     * many threads ({@link ParallelFolds#map(int, int, java.util.function.IntFunction)}: the calling
     * thread works too, and the failure of the lowest failing range is rethrown).
     */
    private void linearPredictorsOnThreads(FeatureTable table, double[] out, int workers) {
        int n = table.sampleCount();
        ParallelFolds.map(workers, workers, b -> {
            plan.linearPredictors(table, (int) ((long) n * b / workers), (int) ((long) n * (b + 1) / workers), out);
            return null;
        });
    }

    /**
     * The probability of response of every sample in {@code table}, with the table's
     * {@linkplain Scores.Coverage coverage}, under the model's {@link MissingFeaturePolicy}:
     * <ul>
     * <li>the table holds every raw input feature: scored as {@link #score(FeatureTable)} scores
     * it (the same numbers), with an absent-variance share of 0;</li>
     * <li>it lacks some and the policy is {@link MissingFeaturePolicy#fillZero fillZero(max)}: the
     * absent features are scored as 0 if their {@linkplain Scores.Coverage#absentVarianceShare()
     * share of the linear-predictor variance} is at most {@code max};</li>
     * <li>otherwise it is refused.</li>
     * </ul>
     * Allocates the result and, for the coverage, one pass over the present input features.
     *
     * @throws IllegalArgumentException if the table's unit is refused; if the table holds none of the
     *                                  input features (always); if it lacks some and the policy is
     *                                  {@link MissingFeaturePolicy#ERROR}, the model does not know its
     *                                  training variances, or the absent features carry more than the
     *                                  policy's maximum (the message gives the count, the first 10
     *                                  names and, for the last, both shares); or if the preprocessing
     *                                  gives a non-finite value
     */
    public Scores scoreWithCoverage(FeatureTable table) {
        UnitCheck unit = unitCheck(table);
        if (unit.outcome() == UnitCheck.Outcome.REFUSED) {
            throw new IllegalArgumentException(unit.note());
        }
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String name : inputNames) {
            (table.indexOfFeature(name) < 0 ? absent : present).add(name);
        }
        double share = 0;
        if (!absent.isEmpty()) {
            refuseAllMissing(table, absent);
            String lacks = lacks(absent);
            if (!missingPolicy.fillsZero()) {
                throw new IllegalArgumentException(lacks + ERROR_ADVICE);
            }
            if (trainingVariances == null) {
                throw new IllegalArgumentException(lacks + "; the model does not record its features' training"
                        + " variances (a model file of format 1 to 3, or a model built by ResponseModel.of without"
                        + " withTrainingVariances), so the share of its linear-predictor variance they carry is"
                        + " unknown and they are not filled: give them, or state the variances with"
                        + " withTrainingVariances");
            }
            share = absentVarianceShare(table);
            if (share > missingPolicy.maxAbsentShare()) {
                throw new IllegalArgumentException(lacks + "; they carry " + MissingFeaturePolicy.formatShare(share)
                        + " of the model's linear-predictor variance, more than the policy's maximum of "
                        + MissingFeaturePolicy.formatShare(missingPolicy.maxAbsentShare())
                        + ": give them, or allow more with withMissingFeatures(MissingFeaturePolicy.fillZero(…))");
            }
        }
        int n = table.sampleCount();
        double[] p = new double[n];
        plan.linearPredictors(convertsUnit(table) ? converted(table) : table, 0, n, p);
        checkPredictors(table, p, n);
        for (int i = 0; i < n; i++) {
            p[i] = sigmoid(p[i]);
        }
        int[] cols = new int[present.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = table.indexOfFeature(present.get(k));
        }
        int zeroTotals = 0;
        List<String> zeroIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int col : cols) {
                total += table.get(i, col);
            }
            if (total == 0) {
                zeroTotals++;
                if (zeroIds.size() < Scores.LISTED) {
                    zeroIds.add(table.sampleIds().get(i));
                }
            }
        }
        return new Scores(table.sampleIds(), p,
                new Scores.Coverage(present, absent, share, unit, zeroTotals, zeroIds, missingPolicy));
    }

    /**
     * {@code Σ_{j absent} β_j² v_j / Σ_j β_j² v_j} over the model features (0 if the denominator is
     * 0); see {@link Scores.Coverage}. Needs the training variances.
     */
    private double absentVarianceShare(FeatureTable table) {
        double absent = 0;
        double total = 0;
        for (int j = 0; j < featureNames.length; j++) {
            double part = coefficients[j] * coefficients[j] * trainingVariances[j];
            total += part;
            if (table.indexOfFeature(featureNames[j]) < 0) {
                absent += part;
            }
        }
        return total == 0 ? 0 : Math.min(1, absent / total);
    }

    /**
     * The contributions of each model feature to one sample's linear predictor, on the scale of
     * the preprocessed features ({@code β_j z_j}); they sum with the intercept to the linear
     * predictor, which equals the one {@link #score} uses up to floating-point rounding.
     *
     * @param sample 0-based sample index in {@code table}
     * @throws IndexOutOfBoundsException if {@code sample} is out of range
     * @throws IllegalArgumentException  as {@link #score(FeatureTable)}
     */
    public Explanation explain(FeatureTable table, int sample) {
        Objects.checkIndex(sample, table.sampleCount());
        boolean convert = convertsUnit(table);
        refuseMissing(table);
        List<String> inputs = preprocessing.inputFeatures();
        double[] raw = new double[inputs.size()];
        for (int k = 0; k < raw.length; k++) {
            int col = table.indexOfFeature(inputs.get(k));
            double v = col < 0 ? 0.0 : table.get(sample, col);
            raw[k] = convert ? table.unit().convert(v, inputUnit) : v; // as converted(table) does
        }
        double[] z = new double[featureNames.length];
        preprocessing.applyRow(raw, z);
        int p = featureNames.length;
        Explanation.Contribution[] parts = new Explanation.Contribution[p];
        double eta = intercept;
        for (int j = 0; j < p; j++) {
            double c = coefficients[j] * z[j];
            eta += c;
            parts[j] = new Explanation.Contribution(featureNames[j], z[j], coefficients[j], c);
        }
        Arrays.sort(parts, (a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
        return new Explanation(table.sampleIds().get(sample), intercept, Arrays.asList(parts), eta, sigmoid(eta));
    }

    /**
     * Whether the table's values must be converted to the model's unit before scoring: false (with
     * no allocation) if the table is in the model's unit or the model's unit is unknown.
     *
     * @throws IllegalArgumentException if the table's unit is refused (the message is the check's note)
     */
    private boolean convertsUnit(FeatureTable table) {
        if (inputUnit == null || table.unit() == inputUnit) {
            return false;
        }
        UnitCheck check = unitCheck(table);
        if (check.outcome() == UnitCheck.Outcome.REFUSED) {
            throw new IllegalArgumentException(check.note());
        }
        return true;
    }

    /** The model's input features the table holds, converted exactly to the model's unit. */
    private FeatureTable converted(FeatureTable table) {
        AbundanceUnit unit = table.unit();
        List<String> present = new ArrayList<>();
        for (String name : inputNames) {
            if (table.indexOfFeature(name) >= 0) {
                present.add(name);
            }
        }
        double[] values = table.selectFeatures(present).toRowMajorArray();
        for (int k = 0; k < values.length; k++) {
            values[k] = unit.convert(values[k], inputUnit);
        }
        return FeatureTable.ofRowMajor(table.sampleIds(), present, values, inputUnit);
    }

    private static final String ERROR_ADVICE = " (give them, or score them as 0 with"
            + " withMissingFeatures(MissingFeaturePolicy.fillZero(maxShare)).scoreWithCoverage(table), which"
            + " reports the coverage)";

    /** Refuses a table that lacks any input feature, whatever the policy; allocates nothing if none is missing. */
    private void refuseMissing(FeatureTable table) {
        for (String name : inputNames) { // an array, not the list: no iterator on the scoring path
            if (table.indexOfFeature(name) < 0) {
                List<String> missing = missingFeatures(table);
                refuseAllMissing(table, missing);
                throw new IllegalArgumentException(lacks(missing) + (missingPolicy.fillsZero()
                        ? "; score, predict and explain never fill missing features: scoreWithCoverage(table) fills"
                                + " them with 0 under this model's policy " + missingPolicy + " and reports the coverage"
                        : ERROR_ADVICE));
            }
        }
    }

    /** Refuses, whatever the policy, a table that holds none of the input features. */
    private void refuseAllMissing(FeatureTable table, List<String> missing) {
        if (missing.size() == inputNames.length) {
            List<String> has = table.featureNames();
            throw new IllegalArgumentException("the table holds none of the " + inputNames.length
                    + " model input features " + firstTen(missing) + " (its " + has.size() + " features begin "
                    + has.subList(0, Math.min(3, has.size())) + "): every sample would get the same score, so it is"
                    + " not scored whatever the missing-feature policy; check the feature names and the table");
        }
    }

    /** "the table lacks 12 of the 15 model input features: [a, …] and 2 more". */
    private String lacks(List<String> missing) {
        return "the table lacks " + missing.size() + " of the " + inputNames.length + " model input features: "
                + firstTen(missing);
    }

    private static String firstTen(List<String> names) {
        return names.size() <= 10 ? names.toString() : names.subList(0, 10) + " and " + (names.size() - 10) + " more";
    }

    /** The largest coefficient or intercept magnitude a model takes: scoring cannot overflow below it. */
    static final double MAX_WEIGHT = 1e6;
    /** The largest magnitude of λ. */
    static final double MAX_MAGNITUDE = 1e300;
    /** The largest training variance: β² · variance stays far below the largest double. */
    static final double MAX_VARIANCE = 1e200;

    /** Refuses a coefficient or intercept that is not 0 or a normal double of magnitude at most {@link #MAX_WEIGHT}. */
    private static void checkWeight(String what, double w) {
        if (!(Math.abs(w) <= MAX_WEIGHT) || isSubnormal(w)) {
            throw new IllegalArgumentException(what + " must be 0 or a normal double of magnitude at most 1e6 but is "
                    + w);
        }
    }

    private static boolean isSubnormal(double v) {
        return v != 0 && Math.abs(v) < Double.MIN_NORMAL;
    }

    /**
     * Refuses a linear predictor that is NaN: with bounded parameters that needs raw inputs so large
     * (beyond about 1e300) that two terms overflow to opposite infinities.
     */
    private static void checkPredictors(FeatureTable table, double[] eta, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(eta[i])) {
                throw new IllegalArgumentException("the linear predictor of sample '" + table.sampleIds().get(i)
                        + "' is not a number: its terms overflow to opposite infinities (inputs too large for"
                        + " this model)");
            }
        }
    }

    /** The logistic function, evaluated without overflow for any finite or infinite argument. */
    static double sigmoid(double t) {
        if (t >= 0) {
            return 1.0 / (1.0 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1.0 + e);
    }

    /**
     * Two models are equal if every part, including provenance, policy and input unit, is equal
     * (numbers bit for bit).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseModel m && featureList.equals(m.featureList)
                && Arrays.equals(coefficients, m.coefficients)
                && Double.doubleToLongBits(intercept) == Double.doubleToLongBits(m.intercept)
                && Double.doubleToLongBits(lambda) == Double.doubleToLongBits(m.lambda)
                && Double.doubleToLongBits(alpha) == Double.doubleToLongBits(m.alpha)
                && provenance.equals(m.provenance) && missingPolicy.equals(m.missingPolicy)
                && preprocessing.equals(m.preprocessing) && inputUnit == m.inputUnit
                && Arrays.equals(trainingVariances, m.trainingVariances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureList, Arrays.hashCode(coefficients), intercept, lambda, alpha, provenance,
                inputUnit);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ResponseModel[intercept=").append(intercept);
        for (int j = 0; j < featureNames.length; j++) {
            sb.append(", ").append(featureNames[j]).append('=').append(coefficients[j]);
        }
        return sb.append(", λ=").append(lambda).append(", α=").append(alpha).append(", inputUnit=")
                .append(inputUnit == null ? "unknown" : inputUnit).append(']').toString();
    }
}
