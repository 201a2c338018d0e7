package org.gutsignal.transform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fitted preprocessing step as plain data: its {@link StepKind}, the feature names it reads
 * and writes, and its frozen parameters (layout documented on each {@code StepKind}). A model
 * file can store these four fields and {@link #of} rebuilds the exact step.
 *
 * <p>Value-changing steps write the same features they read; filters write a subset, in input
 * order. Immutable and thread-safe; {@link #parameters()} returns a copy.
 */
public final class FittedStep {

    private final StepKind kind;
    private final List<String> inputFeatures;
    private final List<String> outputFeatures;
    private final double[] parameters;
    private final int[] selection; // filters: input index of each output

    /** The largest parameter magnitude. */
    private static final double MAX_PARAMETER = 1e300;
    /** The smallest pseudocount or scale. */
    private static final double MIN_SCALE = 1e-300;

    private FittedStep(StepKind kind, List<String> in, List<String> out, double[] parameters, int[] selection) {
        this.kind = kind;
        this.inputFeatures = in;
        this.outputFeatures = out;
        this.parameters = parameters;
        this.selection = selection;
    }

    /**
     * Rebuilds a fitted step from its data; the lists and array are copied.
     *
     * @throws IllegalArgumentException if names repeat or are empty, a value-changing step's outputs
     *                                  differ from its inputs, a filter's outputs are not a subset of
     *                                  its inputs in input order, or the parameter count or a
     *                                  parameter value does not fit the kind: every parameter is 0 or
     *                                  a normal double of magnitude at most 1e300, pseudocounts and
     *                                  scales are in [1e-300, 1e300] (so scoring cannot overflow on
     *                                  them)
     */
    public static FittedStep of(StepKind kind, List<String> inputFeatures, List<String> outputFeatures,
            double[] parameters) {
        Objects.requireNonNull(kind, "kind");
        List<String> in = List.copyOf(inputFeatures);
        List<String> out = List.copyOf(outputFeatures);
        double[] params = parameters.clone();
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < in.size(); j++) {
            if (in.get(j).isEmpty() || index.put(in.get(j), j) != null) {
                throw new IllegalArgumentException(kind + ": empty or repeated input feature '" + in.get(j) + "'");
            }
        }
        int p = in.size();
        int[] selection = null;
        if (kind.changesValues()) {
            if (!out.equals(in)) {
                throw new IllegalArgumentException(kind + " must output the features it reads");
            }
        } else {
            selection = new int[out.size()];
            int last = -1;
            for (int k = 0; k < out.size(); k++) {
                Integer j = index.get(out.get(k));
                if (j == null || j <= last) {
                    throw new IllegalArgumentException(kind + ": output feature '" + out.get(k)
                            + "' is not an input feature in input order");
                }
                selection[k] = j;
                last = j;
            }
        }
        int expected = switch (kind) {
            case TOTAL_SUM_SCALING -> 0;
            case LOG10, LN, CLR -> 1;
            case STANDARDIZE -> 2 * p;
            case SIAMCAT_LOG_STD -> 1 + 2 * p;
            case PREVALENCE_FILTER, ABUNDANCE_FILTER, NEAR_ZERO_VARIANCE -> 2;
        };
        if (params.length != expected) {
            throw new IllegalArgumentException(kind + " with " + p + " features needs " + expected
                    + " parameters but got " + params.length);
        }
        for (double v : params) {
            if (!(Math.abs(v) <= MAX_PARAMETER) || v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
                throw new IllegalArgumentException(kind + ": parameter " + v
                        + " is not 0 or a normal double of magnitude at most 1e300");
            }
        }
        switch (kind) {
            case LOG10, LN, CLR, SIAMCAT_LOG_STD -> {
                if (!(params[0] >= MIN_SCALE)) {
                    throw new IllegalArgumentException(kind + ": pseudocount must be in [1e-300, 1e300] but is " + params[0]);
                }
            }
            default -> { }
        }
        int scaleFrom = kind == StepKind.STANDARDIZE ? p : kind == StepKind.SIAMCAT_LOG_STD ? 1 + p : params.length;
        for (int k = scaleFrom; k < params.length; k++) {
            if (!(params[k] >= MIN_SCALE)) {
                throw new IllegalArgumentException(kind + ": scale of feature '" + in.get(k - scaleFrom)
                        + "' must be in [1e-300, 1e300] but is " + params[k]);
            }
        }
        return new FittedStep(kind, in, out, params, selection);
    }

    /** The kind. */
    public StepKind kind() {
        return kind;
    }

    /** Features read, in the order {@link #parameters()} refers to them (unmodifiable). */
    public List<String> inputFeatures() {
        return inputFeatures;
    }

    /** Features written (unmodifiable). */
    public List<String> outputFeatures() {
        return outputFeatures;
    }

    /**
     * The centres {@code c_j} of a {@link StepKind#STANDARDIZE} step, one per input feature
     * (a copy): the step writes {@code (x_j - c_j) / s_j}.
     *
     * @throws IllegalStateException if this is another kind of step
     */
    public double[] centres() {
        requireKind(StepKind.STANDARDIZE);
        return Arrays.copyOfRange(parameters, 0, inputFeatures.size());
    }

    /**
     * The scales {@code s_j} (positive) of a {@link StepKind#STANDARDIZE} step, one per input
     * feature (a copy).
     *
     * @throws IllegalStateException if this is another kind of step
     */
    public double[] scales() {
        requireKind(StepKind.STANDARDIZE);
        int p = inputFeatures.size();
        return Arrays.copyOfRange(parameters, p, 2 * p);
    }

    /**
     * The pseudocount added before the logarithm of a {@link StepKind#LN}, {@link StepKind#LOG10}
     * or {@link StepKind#CLR} step ({@code n0} of {@link StepKind#SIAMCAT_LOG_STD}).
     *
     * @throws IllegalStateException if the step takes no logarithm
     */
    public double pseudocount() {
        if (kind != StepKind.LN && kind != StepKind.LOG10 && kind != StepKind.CLR
                && kind != StepKind.SIAMCAT_LOG_STD) {
            throw new IllegalStateException(kind + " has no pseudocount");
        }
        return parameters[0];
    }

    private void requireKind(StepKind expected) {
        if (kind != expected) {
            throw new IllegalStateException("this is a " + kind + " step, not " + expected);
        }
    }

    /** A copy of the frozen parameters. */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * Transforms one sample: {@code in} holds {@link #inputFeatures()} values, {@code out} receives
     * {@link #outputFeatures()} values; no allocation. {@code in} and {@code out} must differ.
     */
    void applyRow(double[] in, double[] out) {
        int p = inputFeatures.size();
        switch (kind) {
            case TOTAL_SUM_SCALING -> {
                double sum = 0;
                for (int j = 0; j < p; j++) {
                    sum += in[j];
                }
                for (int j = 0; j < p; j++) {
                    out[j] = sum == 0 ? 0.0 : in[j] / sum;
                }
            }
            case LOG10 -> {
                double c = parameters[0];
                for (int j = 0; j < p; j++) {
                    out[j] = Math.log10(in[j] + c);
                }
            }
            case LN -> {
                double c = parameters[0];
                for (int j = 0; j < p; j++) {
                    out[j] = Math.log(in[j] + c);
                }
            }
            case CLR -> {
                double c = parameters[0];
                double mean = 0;
                for (int j = 0; j < p; j++) {
                    out[j] = Math.log(in[j] + c);
                    mean += out[j];
                }
                mean /= p;
                for (int j = 0; j < p; j++) {
                    out[j] -= mean;
                }
            }
            case STANDARDIZE -> {
                for (int j = 0; j < p; j++) {
                    out[j] = (in[j] - parameters[j]) / parameters[p + j];
                }
            }
            case SIAMCAT_LOG_STD -> {
                double n0 = parameters[0];
                for (int j = 0; j < p; j++) {
                    out[j] = (Math.log10(in[j] + n0) - parameters[1 + j]) / parameters[1 + p + j];
                }
            }
            case PREVALENCE_FILTER, ABUNDANCE_FILTER, NEAR_ZERO_VARIANCE -> {
                for (int k = 0; k < selection.length; k++) {
                    out[k] = in[selection[k]];
                }
            }
        }
    }

    /** Equal if kind, feature lists and parameters (bit for bit) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FittedStep s && kind == s.kind && inputFeatures.equals(s.inputFeatures)
                && outputFeatures.equals(s.outputFeatures) && Arrays.equals(parameters, s.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, inputFeatures, outputFeatures, Arrays.hashCode(parameters));
    }

    @Override
    public String toString() {
        return "FittedStep[" + kind + ", " + inputFeatures.size() + " -> " + outputFeatures.size() + " features]";
    }
}
