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
 * <p>Value-changing steps write the same features they read; filters, and SIAMCAT's normalisations
 * (which drop the features whose training sd is 0), write a subset, in input order
 * ({@link StepKind#dropsFeatures()}). Immutable and thread-safe; {@link #parameters()}
 * returns a copy.
 */
public final class FittedStep {

    private final StepKind kind;
    private final List<String> inputFeatures;
    private final List<String> outputFeatures;
    private final double[] parameters;
    private final int[] selection; // steps that drop features: input index of each output
    private final ThreadLocal<double[]> sorted; // rank steps: per-thread scratch, else null

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
        boolean ranks = kind == StepKind.SIAMCAT_RANK_UNIT || kind == StepKind.SIAMCAT_RANK_STD;
        int q = out.size();
        this.sorted = ranks ? ThreadLocal.withInitial(() -> new double[q]) : null;
    }

    /**
     * Rebuilds a fitted step from its data; the lists and array are copied.
     *
     * @throws IllegalArgumentException if names repeat or are empty, a value-changing step's outputs
     *                                  differ from its inputs, the outputs of a step that
     *                                  {@linkplain StepKind#dropsFeatures() drops features} are not a
     *                                  subset of its inputs in input order, or the parameter count or a
     *                                  parameter value does not fit the kind: every parameter is 0 or
     *                                  a normal double of magnitude at most 1e300, pseudocounts and
     *                                  scales are in [1e-300, 1e300], {@code log.unit} denominators
     *                                  have a magnitude in [1e-300, 1e300] (so scoring cannot overflow
     *                                  on them), its {@code n.p} is 1 or 2 and its {@code norm.margin}
     *                                  1, 2 or 3
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
        if (!kind.dropsFeatures()) {
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
        int q = out.size();
        if (kind == StepKind.SIAMCAT_LOG_UNIT) {
            checkLogUnitSettings(params);
        }
        int expected = switch (kind) {
            case TOTAL_SUM_SCALING, SIAMCAT_RANK_UNIT -> 0;
            case LOG10, LN, CLR -> 1;
            case STANDARDIZE -> 2 * p;
            case SIAMCAT_LOG_STD -> 1 + 2 * q;
            case SIAMCAT_LOG_UNIT -> 3 + (params[2] == 1 ? q : params[2] == 3 ? 1 : 0);
            case SIAMCAT_RANK_STD, SIAMCAT_STD -> 2 * q;
            case PREVALENCE_FILTER, ABUNDANCE_FILTER, NEAR_ZERO_VARIANCE -> 2;
        };
        if (params.length != expected) {
            throw new IllegalArgumentException(kind + " with " + (kind.dropsFeatures() && kind.changesValues()
                    ? q + " output features" : p + " features") + " needs " + expected + " parameters but got "
                    + params.length);
        }
        for (double v : params) {
            if (!(Math.abs(v) <= MAX_PARAMETER) || v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
                throw new IllegalArgumentException(kind + ": parameter " + v
                        + " is not 0 or a normal double of magnitude at most 1e300");
            }
        }
        switch (kind) {
            case LOG10, LN, CLR, SIAMCAT_LOG_STD, SIAMCAT_LOG_UNIT -> {
                if (!(params[0] >= MIN_SCALE)) {
                    throw new IllegalArgumentException(kind + ": pseudocount must be in [1e-300, 1e300] but is " + params[0]);
                }
            }
            default -> { }
        }
        int scaleFrom = switch (kind) {
            case STANDARDIZE -> p;
            case SIAMCAT_LOG_STD -> 1 + q;
            case SIAMCAT_RANK_STD, SIAMCAT_STD -> q;
            default -> params.length;
        };
        for (int k = scaleFrom; k < params.length; k++) {
            if (!(params[k] >= MIN_SCALE)) {
                throw new IllegalArgumentException(kind + ": scale of feature '" + out.get(k - scaleFrom)
                        + "' must be in [1e-300, 1e300] but is " + params[k]);
            }
        }
        if (kind == StepKind.SIAMCAT_LOG_UNIT) {
            for (int k = 3; k < params.length; k++) {
                if (!(Math.abs(params[k]) >= MIN_SCALE)) {
                    throw new IllegalArgumentException(kind + ": denominator " + (params[2] == 1 ? "of feature '"
                            + out.get(k - 3) + "' " : "") + "must have a magnitude in [1e-300, 1e300] but is "
                            + params[k]);
                }
            }
        }
        return new FittedStep(kind, in, out, params, selection);
    }

    /** SIAMCAT log.unit: at least {@code [n0, n.p, norm.margin]}, n.p 1 or 2, norm.margin 1, 2 or 3. */
    private static void checkLogUnitSettings(double[] params) {
        if (params.length < 3) {
            throw new IllegalArgumentException("SIAMCAT_LOG_UNIT needs at least the 3 parameters [n0, n.p, norm.margin]"
                    + " but got " + params.length);
        }
        if (params[1] != 1 && params[1] != 2) {
            throw new IllegalArgumentException("SIAMCAT_LOG_UNIT: n.p must be 1 or 2 but is " + params[1]);
        }
        if (params[2] != 1 && params[2] != 2 && params[2] != 3) {
            throw new IllegalArgumentException("SIAMCAT_LOG_UNIT: norm.margin must be 1, 2 or 3 but is " + params[2]);
        }
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
     * or {@link StepKind#CLR} step ({@code n0} of {@link StepKind#SIAMCAT_LOG_STD} and
     * {@link StepKind#SIAMCAT_LOG_UNIT}).
     *
     * @throws IllegalStateException if the step takes no logarithm
     */
    public double pseudocount() {
        if (kind != StepKind.LN && kind != StepKind.LOG10 && kind != StepKind.CLR
                && kind != StepKind.SIAMCAT_LOG_STD && kind != StepKind.SIAMCAT_LOG_UNIT) {
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
                int q = selection.length;
                double n0 = parameters[0];
                for (int k = 0; k < q; k++) {
                    out[k] = (Math.log10(in[selection[k]] + n0) - parameters[1 + k]) / parameters[1 + q + k];
                }
            }
            case SIAMCAT_LOG_UNIT -> {
                int q = selection.length;
                double n0 = parameters[0];
                for (int k = 0; k < q; k++) {
                    out[k] = Math.log10(in[selection[k]] + n0);
                }
                if (parameters[2] == 1) {
                    for (int k = 0; k < q; k++) {
                        out[k] /= parameters[3 + k];
                    }
                } else {
                    double denominator = parameters[2] == 3 ? parameters[3] : sampleNorm(out, q, parameters[1]);
                    for (int k = 0; k < q; k++) {
                        out[k] /= denominator;
                    }
                }
            }
            case SIAMCAT_RANK_UNIT -> {
                int q = selection.length;
                ranks(in, out);
                double norm = Math.sqrt(sampleNorm2Squared(out, q));
                for (int k = 0; k < q; k++) {
                    out[k] /= norm;
                }
            }
            case SIAMCAT_RANK_STD -> {
                int q = selection.length;
                ranks(in, out);
                for (int k = 0; k < q; k++) {
                    out[k] = (out[k] - parameters[k]) / parameters[q + k];
                }
            }
            case SIAMCAT_STD -> {
                int q = selection.length;
                for (int k = 0; k < q; k++) {
                    out[k] = (in[selection[k]] - parameters[k]) / parameters[q + k];
                }
            }
            case PREVALENCE_FILTER, ABUNDANCE_FILTER, NEAR_ZERO_VARIANCE -> {
                for (int k = 0; k < selection.length; k++) {
                    out[k] = in[selection[k]];
                }
            }
        }
    }

    /** SIAMCAT's per-sample norm of {@code y[0..q-1]}: {@code Σ y} for n.p = 1, {@code sqrt(Σ y²)} for 2. */
    private static double sampleNorm(double[] y, int q, double np) {
        if (np == 2) {
            return Math.sqrt(sampleNorm2Squared(y, q));
        }
        double sum = 0;
        for (int k = 0; k < q; k++) {
            sum += y[k];
        }
        return sum;
    }

    private static double sampleNorm2Squared(double[] y, int q) {
        double sum = 0;
        for (int k = 0; k < q; k++) {
            sum += y[k] * y[k];
        }
        return sum;
    }

    /** {@link #averageRanks} with this step's selection and this thread's scratch array. */
    private void ranks(double[] in, double[] out) {
        averageRanks(in, selection, sorted.get(), out);
    }

    /**
     * Writes into {@code out[k]} the rank of {@code in[selection[k]]} among the selected inputs of
     * this sample, ties given their average rank (R's {@code rank} and matrixStats' {@code colRanks}
     * with {@code ties.method = "average"}), without allocating: a value's rank is
     * {@code (less + 1 + lessOrEqual) / 2}, exact in doubles. A NaN input gets NaN (so that the
     * caller's finiteness check refuses it). {@code s} is scratch of at least {@code selection.length}.
     */
    static void averageRanks(double[] in, int[] selection, double[] s, double[] out) {
        int q = selection.length;
        for (int k = 0; k < q; k++) {
            s[k] = in[selection[k]] + 0.0; // -0.0 ties with 0.0, as in R
        }
        heapSort(s, q);
        for (int k = 0; k < q; k++) {
            double v = in[selection[k]];
            out[k] = Double.isNaN(v) ? v : (countBelow(s, q, v, false) + 1 + countBelow(s, q, v, true)) / 2.0;
        }
    }

    /** How many of sorted {@code s[0..q-1]} are below {@code v} (or equal to it too, if {@code orEqual}). */
    private static int countBelow(double[] s, int q, double v, boolean orEqual) {
        int lo = 0;
        int hi = q;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v || orEqual && s[mid] == v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** In-place ascending heap sort of {@code a[0..n-1]} (finite values): O(n log n), no allocation. */
    private static void heapSort(double[] a, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(a, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            double t = a[0];
            a[0] = a[end];
            a[end] = t;
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(double[] a, int i, int n) {
        double v = a[i];
        while (2 * i + 1 < n) {
            int child = 2 * i + 1;
            if (child + 1 < n && a[child + 1] > a[child]) {
                child++;
            }
            if (!(a[child] > v)) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = v;
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
