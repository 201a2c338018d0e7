package org.gutsignal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.transform.FittedPreprocessing;
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
 * Explanation why = model.explain(validation.features(), 0);
 * ModelFiles.write(model, Path.of("model.json"));
 * }</pre>
 *
 * <p>The model holds its feature names (the preprocessing's outputs), coefficients (on the
 * scale of the preprocessed features), intercept, the λ and α it was fitted with, the fitted
 * preprocessing and its {@link Provenance}. Scoring looks raw features up by name, so the table
 * may hold extra features in any order; a missing raw feature is an error unless the model was
 * set to {@link MissingFeaturePolicy#FILL_ZERO}.
 *
 * <p>Scoring is the hot path: at construction the model works out a scoring plan that folds a
 * trailing standardisation into the coefficients and intercept (exact up to floating-point
 * rounding) and reads raw values straight from the table where the remaining preprocessing
 * allows; {@link #score(FeatureTable, double[])} allocates nothing after a thread's first call.
 *
 * <p>Immutable and thread-safe: any number of threads may score with one instance.
 */
public final class ResponseModel implements Predictor {

    private final String[] featureNames;
    private final List<String> featureList;
    private final double[] coefficients;
    private final double intercept;
    private final double lambda;
    private final double alpha;
    private final Provenance provenance;
    private final MissingFeaturePolicy missingPolicy;
    private final FittedPreprocessing preprocessing;
    private final String[] inputNames;
    private final ScoringPlan plan;

    private ResponseModel(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance, MissingFeaturePolicy missingPolicy,
            FittedPreprocessing preprocessing) {
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
            if (!Double.isFinite(this.coefficients[j])) {
                throw new IllegalArgumentException("coefficient of '" + this.featureNames[j] + "' is not finite: "
                        + this.coefficients[j]);
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept is not finite: " + intercept);
        }
        if (!(lambda >= 0) || !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("expected λ ≥ 0 and 0 ≤ α ≤ 1 but found λ=" + lambda + ", α=" + alpha);
        }
        this.preprocessing = preprocessing == null ? FittedPreprocessing.of(featureList, List.of()) : preprocessing;
        if (!this.preprocessing.outputFeatures().equals(featureList)) {
            throw new IllegalArgumentException("the preprocessing writes " + this.preprocessing.outputFeatures().size()
                    + " features but the model has " + featureList.size() + " coefficients for other or differently"
                    + " ordered features");
        }
        this.inputNames = this.preprocessing.inputFeatures().toArray(new String[0]);
        this.plan = new ScoringPlan(this.preprocessing, this.coefficients, intercept);
    }

    /**
     * A model from its parts, for example to score with coefficients estimated elsewhere.
     *
     * @param featureNames unique names, one per coefficient
     * @param coefficients finite coefficients (copied)
     * @param intercept    finite intercept (log-odds at all features 0)
     * @param lambda       the penalty it was fitted with (≥ 0; 0 if unpenalised)
     * @param alpha        the elastic-net mixing it was fitted with, in [0, 1]
     * @param provenance   how it was made
     * @return the model, with no preprocessing and {@link MissingFeaturePolicy#ERROR}
     * @throws IllegalArgumentException if lengths differ, names repeat, a number is not finite or
     *                                  λ, α are out of range
     */
    public static ResponseModel of(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance) {
        return new ResponseModel(featureNames, coefficients, intercept, lambda, alpha, provenance,
                MissingFeaturePolicy.ERROR, null);
    }

    /**
     * A model whose coefficients apply to the output of a fitted preprocessing.
     *
     * @param preprocessing fitted on the training data; its output features must equal
     *                      {@code featureNames}, in order
     * @throws IllegalArgumentException as {@link #of(List, double[], double, double, double, Provenance)},
     *                                  or if the preprocessing writes other features
     */
    public static ResponseModel of(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance, FittedPreprocessing preprocessing) {
        return new ResponseModel(featureNames, coefficients, intercept, lambda, alpha, provenance,
                MissingFeaturePolicy.ERROR, Objects.requireNonNull(preprocessing, "preprocessing"));
    }

    /** This model with another missing-feature policy for raw features (not saved in model files). */
    public ResponseModel withMissingFeatures(MissingFeaturePolicy policy) {
        return policy == missingPolicy ? this
                : new ResponseModel(featureList, coefficients, intercept, lambda, alpha, provenance, policy,
                        preprocessing);
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

    /** What scoring does with features the table lacks. */
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
     * @throws IllegalArgumentException if the table lacks input features and the policy is
     *                                  {@link MissingFeaturePolicy#ERROR} (all missing names are listed),
     *                                  or the preprocessing gives a non-finite value
     */
    public double[] score(FeatureTable table) {
        double[] out = new double[table.sampleCount()];
        score(table, out);
        return out;
    }

    /** Scores a cohort's feature table; the {@link Predictor} view of the model. */
    @Override
    public double[] predict(Cohort cohort) {
        return score(cohort.features());
    }

    /**
     * Writes the probability of response of every sample into {@code out[0 .. sampleCount-1]},
     * allocating nothing after the calling thread's first call.
     *
     * <p>Cost per call: one hash lookup per raw input feature (no mapping is cached between
     * calls, so a model can score tables of any layout from many threads), the preprocessing of
     * each sample if it is not linear, one multiply-add per sample and model feature and one
     * {@code exp} per sample.
     *
     * @throws IllegalArgumentException if {@code out} is shorter than the sample count, or as
     *                                  {@link #score(FeatureTable)}
     */
    public void score(FeatureTable table, double[] out) {
        int n = table.sampleCount();
        if (out.length < n) {
            throw new IllegalArgumentException("output array holds " + out.length + " values but the table has " + n
                    + " samples");
        }
        checkFeatures(table);
        plan.linearPredictors(table, out);
        for (int i = 0; i < n; i++) {
            out[i] = sigmoid(out[i]);
        }
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
        checkFeatures(table);
        List<String> inputs = preprocessing.inputFeatures();
        double[] raw = new double[inputs.size()];
        for (int k = 0; k < raw.length; k++) {
            int col = table.indexOfFeature(inputs.get(k));
            raw[k] = col < 0 ? 0.0 : table.get(sample, col);
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

    private void checkFeatures(FeatureTable table) {
        if (missingPolicy == MissingFeaturePolicy.ERROR) {
            for (String name : inputNames) { // an array, not the list: no iterator on the scoring path
                if (table.indexOfFeature(name) < 0) {
                    List<String> missing = missingFeatures(table);
                    throw new IllegalArgumentException("the table lacks " + missing.size() + " of the "
                            + preprocessing.inputFeatures().size() + " model input features: "
                            + missing.subList(0, Math.min(10, missing.size())) + (missing.size() > 10 ? " …" : "")
                            + " (use withMissingFeatures(MissingFeaturePolicy.FILL_ZERO) to score them as 0)");
                }
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

    /** Two models are equal if every part, including provenance and policy, is equal (numbers bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseModel m && featureList.equals(m.featureList)
                && Arrays.equals(coefficients, m.coefficients)
                && Double.doubleToLongBits(intercept) == Double.doubleToLongBits(m.intercept)
                && Double.doubleToLongBits(lambda) == Double.doubleToLongBits(m.lambda)
                && Double.doubleToLongBits(alpha) == Double.doubleToLongBits(m.alpha)
                && provenance.equals(m.provenance) && missingPolicy == m.missingPolicy
                && preprocessing.equals(m.preprocessing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureList, Arrays.hashCode(coefficients), intercept, lambda, alpha, provenance);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ResponseModel[intercept=").append(intercept);
        for (int j = 0; j < featureNames.length; j++) {
            sb.append(", ").append(featureNames[j]).append('=').append(coefficients[j]);
        }
        return sb.append(", λ=").append(lambda).append(", α=").append(alpha).append(']').toString();
    }
}
