package org.gutsignal.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gutsignal.cohort.FeatureTable;

/**
 * An unfitted sequence of {@link Transform}s. {@link #fit} estimates every data-dependent
 * parameter on a training table, step by step (each step sees the previous step's output), and
 * returns a frozen {@link FittedPreprocessing} that applies the same parameters to any table, so
 * nothing from a test fold leaks into training.
 *
 * <pre>{@code
 * Preprocessing prep = Preprocessing.none()
 *         .then(Transform.prevalenceFilter(0, 0.1))
 *         .then(Transform.log10(1e-5))
 *         .then(Transform.standardize());
 * FittedPreprocessing fitted = prep.fit(trainTable);
 * FeatureTable testX = fitted.apply(testTable);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #then} returns a copy.
 */
public final class Preprocessing {

    private static final Preprocessing NONE = new Preprocessing(List.of());

    private final List<Transform> steps;

    private Preprocessing(List<Transform> steps) {
        this.steps = List.copyOf(steps);
    }

    /** No steps: fitting gives the identity (selecting the training features by name). */
    public static Preprocessing none() {
        return NONE;
    }

    /**
     * The step names {@link #parse} accepts, as a command line's help lists them.
     */
    public static final String STEP_NAMES = "tss, ln1 (ln(x+1)), ln:C, ln (half min positive), log10:C, log10, clr:C,"
            + " clr, standardize, prevalence:F (value > 0 in at least fraction F), siamcat (SIAMCAT log.std, 1e-6, 0.1),"
            + " siamcat:METHOD (SIAMCAT's rank.unit, rank.std or std, sd quantile 0.1; log.unit, pseudocount 1e-6,"
            + " norm 2 per feature; log.unit:P:M, norm P = 1 or 2 per M = 1 feature, 2 sample, 3 table), none";

    /**
     * The steps a comma-separated list of {@link #STEP_NAMES} gives, in order (case and spaces
     * around names ignored; {@code none} or an empty list: no steps), e.g.
     * {@code "ln1,standardize"} or {@code "prevalence:0.1,siamcat:log.unit:2:1"}: the text form the
     * command lines' {@code --preprocess} takes.
     *
     * @throws IllegalArgumentException naming the step, for an unknown step or a value it cannot take
     */
    public static Preprocessing parse(String steps) {
        return StepNames.parse(java.util.Objects.requireNonNull(steps, "steps"));
    }

    /** The given steps, in order. */
    public static Preprocessing of(Transform... steps) {
        return new Preprocessing(Arrays.asList(steps));
    }

    /** A copy with one more step at the end. */
    public Preprocessing then(Transform step) {
        List<Transform> next = new ArrayList<>(steps);
        next.add(java.util.Objects.requireNonNull(step, "step"));
        return new Preprocessing(next);
    }

    /** The steps, in order (unmodifiable). */
    public List<Transform> steps() {
        return steps;
    }

    /**
     * Fits every step on a training table.
     *
     * @param train samples × features; its feature names become the fitted input features
     * @return the frozen preprocessing
     * @throws IllegalArgumentException if a step cannot be fitted: fewer than 2 samples for a
     *                                  standard deviation, no positive value for a derived
     *                                  pseudocount, a filter removing every feature, SIAMCAT's sd
     *                                  quantile not positive, every feature constant or a negative
     *                                  value for a SIAMCAT normalisation ({@code log.std},
     *                                  {@code log.unit}), a {@code log.unit} denominator of 0, or a
     *                                  transform giving a non-finite value (e.g. log of a negative
     *                                  number)
     */
    public FittedPreprocessing fit(FeatureTable train) {
        return fitTransform(train).preprocessing();
    }

    /**
     * A fitted preprocessing together with the training table it transformed, as scikit-learn's
     * {@code fit_transform} gives both at the cost of one pass: {@code table} equals
     * {@code preprocessing.apply(train)} bit for bit.
     *
     * @param preprocessing the frozen preprocessing
     * @param table         the transformed training table ({@code train} itself if there are no steps)
     */
    public record Fitted(FittedPreprocessing preprocessing, FeatureTable table) {
    }

    /**
     * Fits every step on a training table and returns the transformed table with it: each value
     * is computed once (the training data are not transformed again by {@code apply}).
     *
     * @throws IllegalArgumentException as {@link #fit}
     */
    public Fitted fitTransform(FeatureTable train) {
        int n = train.sampleCount();
        List<String> features = train.featureNames();
        if (steps.isEmpty()) {
            return new Fitted(FittedPreprocessing.build(features, List.of(), List.of()), train);
        }
        double[] values = train.toRowMajorArray();
        List<FittedStep> fitted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Transform t : steps) {
            FittedStep step = t.fit(features, values, n, notes);
            int p = step.inputFeatures().size();
            int q = step.outputFeatures().size();
            double[] in = new double[p];
            double[] out = new double[q];
            double[] next = new double[n * q];
            for (int i = 0; i < n; i++) {
                System.arraycopy(values, i * p, in, 0, p);
                step.applyRow(in, out);
                FittedPreprocessing.checkFinite(step, out, train.sampleIds().get(i));
                System.arraycopy(out, 0, next, i * q, q);
            }
            values = next;
            features = step.outputFeatures();
            fitted.add(step);
        }
        FittedPreprocessing result = FittedPreprocessing.build(train.featureNames(), fitted, notes);
        return new Fitted(result, FeatureTable.ofRowMajor(train.sampleIds(), features, values,
                result.outputUnit(train.unit())));
    }

    @Override
    public String toString() {
        return "Preprocessing" + steps;
    }
}
