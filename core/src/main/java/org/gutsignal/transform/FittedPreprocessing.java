package org.gutsignal.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;

/**
 * A {@link Preprocessing} with every parameter frozen: applies the same transformation to any
 * table, a whole cohort or a single sample, without looking at that table's statistics.
 *
 * <p><b>Features.</b> {@link #inputFeatures()} are the training table's features, in training
 * order; {@link #apply} selects them by name from any table (extra features are ignored; missing
 * ones follow a {@link MissingFeaturePolicy}). {@link #applyRow} takes one sample's raw values
 * already in {@code inputFeatures()} order and writes {@link #outputFeatures()} values.
 *
 * <p><b>Output unit.</b> {@link AbundanceUnit#FRACTION} if the only value-changing steps are
 * total-sum scaling, the input unit if there is no value-changing step (filters only), and
 * {@link AbundanceUnit#TRANSFORMED} otherwise.
 *
 * <p><b>Plain data.</b> {@link #steps()} lists {@link FittedStep}s (kind, feature names,
 * parameters); {@link #of(List, List)} rebuilds an object whose output is bit-identical.
 *
 * <p><b>NaN.</b> Inputs must be finite; a transform giving a non-finite value (the log of a
 * value below {@code -pseudocount}) is an {@code IllegalArgumentException} naming the feature.
 *
 * <p>Immutable and thread-safe. {@code applyRow} uses per-thread scratch buffers, allocated on
 * a thread's first call only.
 */
public final class FittedPreprocessing {

    /**
     * The result of {@link #apply(FeatureTable, MissingFeaturePolicy)}.
     *
     * @param table          the transformed table
     * @param filledFeatures input features missing from the table and filled with 0 (unmodifiable)
     */
    public record Applied(FeatureTable table, List<String> filledFeatures) {
        /** Copies the list. */
        public Applied {
            filledFeatures = List.copyOf(filledFeatures);
        }
    }

    private final List<String> inputFeatures;
    private final List<FittedStep> steps;
    private final List<String> fitNotes;
    private final int maxWidth;
    private final ThreadLocal<double[][]> scratch;

    private FittedPreprocessing(List<String> inputFeatures, List<FittedStep> steps, List<String> fitNotes) {
        this.inputFeatures = List.copyOf(inputFeatures);
        this.steps = List.copyOf(steps);
        this.fitNotes = List.copyOf(fitNotes);
        List<String> current = this.inputFeatures;
        int width = current.size();
        for (FittedStep step : this.steps) {
            if (!step.inputFeatures().equals(current)) {
                throw new IllegalArgumentException("step " + step + " reads " + Transform.firstFew(step.inputFeatures())
                        + " but the previous step writes " + Transform.firstFew(current));
            }
            current = step.outputFeatures();
            width = Math.max(width, current.size());
        }
        if (new java.util.HashSet<>(this.inputFeatures).size() != this.inputFeatures.size()) {
            throw new IllegalArgumentException("input features repeat");
        }
        this.maxWidth = width;
        this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[maxWidth], new double[maxWidth]});
    }

    static FittedPreprocessing build(List<String> inputFeatures, List<FittedStep> steps, List<String> notes) {
        return new FittedPreprocessing(inputFeatures, steps, notes);
    }

    /**
     * Rebuilds a fitted preprocessing from plain data (e.g. read from a model file).
     *
     * @param inputFeatures the raw input features, in the order {@link #applyRow} expects
     * @param steps         the fitted steps, each reading what the previous one writes (the first
     *                      reads {@code inputFeatures})
     * @return an object whose output is bit-identical to the one the data came from;
     *         {@link #fitNotes()} is empty
     * @throws IllegalArgumentException if the steps do not chain or input features repeat
     */
    public static FittedPreprocessing of(List<String> inputFeatures, List<FittedStep> steps) {
        return new FittedPreprocessing(inputFeatures, steps, List.of());
    }

    /** Raw features read, in the order {@link #applyRow} expects (unmodifiable). */
    public List<String> inputFeatures() {
        return inputFeatures;
    }

    /** Features written, in output column order (unmodifiable). */
    public List<String> outputFeatures() {
        return steps.isEmpty() ? inputFeatures : steps.get(steps.size() - 1).outputFeatures();
    }

    /** The fitted steps, in order (unmodifiable). */
    public List<FittedStep> steps() {
        return steps;
    }

    /**
     * What fitting reported: derived pseudocounts, constant features given scale 1, features kept
     * by filters (unmodifiable; empty for a rebuilt object).
     */
    public List<String> fitNotes() {
        return fitNotes;
    }

    /** The unit of the output for an input of the given unit (see the class documentation). */
    public AbundanceUnit outputUnit(AbundanceUnit inputUnit) {
        boolean anyValueStep = false;
        boolean onlyTss = true;
        for (FittedStep s : steps) {
            if (s.kind().changesValues()) {
                anyValueStep = true;
                onlyTss &= s.kind() == StepKind.TOTAL_SUM_SCALING;
            }
        }
        if (!anyValueStep) {
            return inputUnit;
        }
        return onlyTss && inputUnit.isAbundance() ? AbundanceUnit.FRACTION : AbundanceUnit.TRANSFORMED;
    }

    /**
     * Transforms a table, failing if it lacks any input feature.
     *
     * @throws IllegalArgumentException if input features are missing (the message lists up to 10)
     *                                  or a transform gives a non-finite value
     */
    public FeatureTable apply(FeatureTable table) {
        return apply(table, MissingFeaturePolicy.ERROR).table();
    }

    /**
     * Transforms a table under a missing-feature policy. Under {@link MissingFeaturePolicy#fillZero}
     * the absent share is the share of {@link #inputFeatures()} absent, by count (the preprocessing
     * has no coefficients to weigh them by).
     *
     * @return the table and the features filled with 0 (empty if none was absent)
     * @throws IllegalArgumentException if input features are missing and the policy is
     *                                  {@link MissingFeaturePolicy#ERROR}, all of them are missing, or
     *                                  their share is above the policy's maximum (the message gives the
     *                                  count, up to 10 names and both shares), or if a transform gives a
     *                                  non-finite value
     */
    public Applied apply(FeatureTable table, MissingFeaturePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        int p = inputFeatures.size();
        int[] cols = new int[p];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            cols[j] = table.indexOfFeature(inputFeatures.get(j));
            if (cols[j] < 0) {
                missing.add(inputFeatures.get(j));
            }
        }
        if (!missing.isEmpty()) {
            String lacks = "the table lacks " + missing.size() + " of the " + p
                    + " features the preprocessing was fitted on: " + Transform.firstFew(missing);
            double share = missing.size() / (double) p;
            if (missing.size() == p) {
                throw new IllegalArgumentException(lacks + "; every sample would be transformed alike, so a table"
                        + " lacking all of them is refused whatever the policy");
            }
            if (!policy.fillsZero()) {
                throw new IllegalArgumentException(lacks + " (use MissingFeaturePolicy.fillZero(maxShare) to fill"
                        + " them with 0 if at most that share of the features is absent)");
            }
            if (share > policy.maxAbsentShare()) {
                throw new IllegalArgumentException(lacks + "; that is " + MissingFeaturePolicy.formatShare(share)
                        + " of the features, more than the policy's maximum of "
                        + MissingFeaturePolicy.formatShare(policy.maxAbsentShare()));
            }
        }
        int n = table.sampleCount();
        List<String> out = outputFeatures();
        int q = out.size();
        double[] raw = new double[p];
        double[] row = new double[q];
        double[] values = new double[n * q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                raw[j] = cols[j] < 0 ? 0.0 : table.get(i, cols[j]);
            }
            transform(raw, row, table.sampleIds().get(i));
            System.arraycopy(row, 0, values, i * q, q);
        }
        FeatureTable result = FeatureTable.ofRowMajor(table.sampleIds(), out, values, outputUnit(table.unit()));
        return new Applied(result, missing);
    }

    /**
     * Transforms one sample without allocating (after a thread's first call).
     *
     * @param rawRowInInputOrder the sample's raw values, one per {@link #inputFeatures()}, in that order
     * @param out                receives one value per {@link #outputFeatures()}
     * @throws IllegalArgumentException if an array has the wrong length or a transform gives a
     *                                  non-finite value
     */
    public void applyRow(double[] rawRowInInputOrder, double[] out) {
        if (rawRowInInputOrder.length != inputFeatures.size() || out.length != outputFeatures().size()) {
            throw new IllegalArgumentException("expected " + inputFeatures.size() + " inputs and "
                    + outputFeatures().size() + " outputs but got arrays of " + rawRowInInputOrder.length + " and "
                    + out.length);
        }
        transform(rawRowInInputOrder, out, null);
    }

    private void transform(double[] raw, double[] out, String sampleId) {
        if (steps.isEmpty()) {
            System.arraycopy(raw, 0, out, 0, raw.length);
            return;
        }
        double[][] buffers = scratch.get();
        double[] in = raw;
        for (int k = 0; k < steps.size(); k++) {
            FittedStep step = steps.get(k);
            double[] target = k == steps.size() - 1 ? out : buffers[k % 2];
            step.applyRow(in, target);
            if (step.kind().changesValues()) {
                checkFinite(step, target, sampleId);
            }
            in = target;
        }
    }

    static void checkFinite(FittedStep step, double[] values, String sampleId) {
        int q = step.outputFeatures().size();
        for (int j = 0; j < q; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException(step.kind() + " gives " + values[j] + " for feature '"
                        + step.outputFeatures().get(j) + "'" + (sampleId == null ? "" : " of sample '" + sampleId + "'")
                        + "; check that inputs are finite and not below -pseudocount");
            }
        }
    }

    /** Equal if the input features and every fitted step (parameters bit for bit) are equal; fit notes are ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FittedPreprocessing f && inputFeatures.equals(f.inputFeatures) && steps.equals(f.steps);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(inputFeatures, steps);
    }

    @Override
    public String toString() {
        return "FittedPreprocessing[" + inputFeatures.size() + " -> " + outputFeatures().size() + " features, "
                + steps + "]";
    }
}
