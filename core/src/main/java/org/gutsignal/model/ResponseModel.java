package org.gutsignal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gutsignal.cohort.FeatureTable;

/**
 * A trained penalised logistic model: the probability of response is
 * {@code σ(intercept + Σ_j β_j x_j)} with {@code σ(t) = 1 / (1 + e^{-t})}, where {@code x_j} is
 * the value of the model's {@code j}-th feature, found by name in the table to score.
 *
 * <pre>{@code
 * ResponseModel model = LogisticTrainer.withDefaults().withAlpha(0.5).fit(train);
 * double[] p = model.score(validation.features());      // one probability per sample
 * Explanation why = model.explain(validation.features(), 0);
 * ModelFiles.write(model, Path.of("model.json"));
 * }</pre>
 *
 * <p>The model holds its feature names, coefficients (on the scale of the features it was
 * trained on), intercept, the λ and α it was fitted with and its {@link Provenance}. Scoring
 * looks features up by name, so the table may hold extra features in any order; a missing
 * feature is an error unless the model was set to {@link MissingFeaturePolicy#ZERO}.
 *
 * <p>Immutable and thread-safe: any number of threads may score with one instance.
 */
public final class ResponseModel {

    private final String[] featureNames;
    private final List<String> featureList;
    private final double[] coefficients;
    private final double intercept;
    private final double lambda;
    private final double alpha;
    private final Provenance provenance;
    private final MissingFeaturePolicy missingPolicy;

    private ResponseModel(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance, MissingFeaturePolicy missingPolicy) {
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
     * @return the model, with {@link MissingFeaturePolicy#FAIL}
     * @throws IllegalArgumentException if lengths differ, names repeat, a number is not finite or
     *                                  λ, α are out of range
     */
    public static ResponseModel of(List<String> featureNames, double[] coefficients, double intercept, double lambda,
            double alpha, Provenance provenance) {
        return new ResponseModel(featureNames, coefficients, intercept, lambda, alpha, provenance,
                MissingFeaturePolicy.FAIL);
    }

    /** This model with another missing-feature policy (not saved in model files). */
    public ResponseModel withMissingFeatures(MissingFeaturePolicy policy) {
        return policy == missingPolicy ? this
                : new ResponseModel(featureList, coefficients, intercept, lambda, alpha, provenance, policy);
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

    /** The model features that {@code table} lacks, in model order (empty if none). */
    public List<String> missingFeatures(FeatureTable table) {
        List<String> missing = new ArrayList<>();
        for (String name : featureNames) {
            if (table.indexOfFeature(name) < 0) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * The probability of response of every sample in {@code table}, in its sample order.
     *
     * @throws IllegalArgumentException if the table lacks model features and the policy is
     *                                  {@link MissingFeaturePolicy#FAIL} (all missing names are listed)
     */
    public double[] score(FeatureTable table) {
        double[] out = new double[table.sampleCount()];
        score(table, out);
        return out;
    }

    /**
     * Writes the probability of response of every sample into {@code out[0 .. sampleCount-1]},
     * allocating nothing when every model feature is present.
     *
     * <p>Cost per call: one hash lookup per model feature (no mapping is cached between calls,
     * so a model can score tables of any layout from many threads) plus one multiply-add per
     * sample and feature, and one {@code exp} per sample.
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
        Arrays.fill(out, 0, n, intercept);
        for (int j = 0; j < featureNames.length; j++) {
            int col = table.indexOfFeature(featureNames[j]);
            double b = coefficients[j];
            if (col < 0) {
                continue; // ZERO policy
            }
            for (int i = 0; i < n; i++) {
                out[i] += b * table.get(i, col);
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = sigmoid(out[i]);
        }
    }

    /**
     * The contributions of each feature to one sample's score.
     *
     * @param sample 0-based sample index in {@code table}
     * @throws IndexOutOfBoundsException if {@code sample} is out of range
     * @throws IllegalArgumentException  as {@link #score(FeatureTable)}
     */
    public Explanation explain(FeatureTable table, int sample) {
        Objects.checkIndex(sample, table.sampleCount());
        checkFeatures(table);
        int p = featureNames.length;
        Explanation.Contribution[] parts = new Explanation.Contribution[p];
        double eta = intercept;
        for (int j = 0; j < p; j++) {
            int col = table.indexOfFeature(featureNames[j]);
            double x = col < 0 ? 0.0 : table.get(sample, col);
            double c = coefficients[j] * x;
            eta += c;
            parts[j] = new Explanation.Contribution(featureNames[j], x, coefficients[j], c);
        }
        Arrays.sort(parts, (a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
        return new Explanation(table.sampleIds().get(sample), intercept, Arrays.asList(parts), eta, sigmoid(eta));
    }

    private void checkFeatures(FeatureTable table) {
        if (missingPolicy == MissingFeaturePolicy.FAIL) {
            for (String name : featureNames) {
                if (table.indexOfFeature(name) < 0) {
                    throw new IllegalArgumentException("the table lacks " + missingFeatures(table).size() + " of the "
                            + featureNames.length + " model features: " + missingFeatures(table)
                            + " (use withMissingFeatures(MissingFeaturePolicy.ZERO) to score them as 0)");
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
                && provenance.equals(m.provenance) && missingPolicy == m.missingPolicy;
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
