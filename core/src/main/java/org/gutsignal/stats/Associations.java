package org.gutsignal.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.eval.Auroc;

/**
 * Per-feature association tests between responders and non-responders, with FDR control
 * and effect sizes (the univariate view next to the model, as SIAMCAT's
 * {@code check.associations}).
 *
 * <pre>{@code
 * AssociationTable t = Associations.withDefaults()
 *         .withPrevalenceThreshold(0)
 *         .byGroup(true)
 *         .test(cohort.features(), cohort.labels(), groups);
 * }</pre>
 *
 * <p>For every feature and every block of samples (all samples pooled; and each group when
 * {@link #byGroup(boolean) byGroup(true)}):
 * <ul>
 * <li><b>p-value</b>: two-sided Wilcoxon rank-sum / Mann-Whitney U test, as scipy's
 *     {@code mannwhitneyu(x, y, alternative="two-sided", method="auto")}: exact null
 *     distribution when the smaller class has at most 8 samples and no value is tied, else
 *     the normal approximation with tie correction and continuity correction; 1 when all
 *     values are equal;
 * <li><b>q-value</b>: Benjamini-Hochberg within the block (R {@code p.adjust(method="BH")});
 * <li><b>AUROC</b> of the raw values (U / (n₁ n₀)) and the {@link FeatureAssociation.Direction};
 * <li><b>generalised fold change</b> (SIAMCAT; Wirbel et al. 2019, Nat Med 25:679): mean over
 *     the quantiles 0.10, 0.15, …, 0.90 (SIAMCAT's {@code probs.fc} default) (R type 7) of {@code log10(x + pseudoCount)} in
 *     responders minus non-responders. The pseudo-count (default 1e-6, SIAMCAT's
 *     {@code log.n0}) is in the table's unit: it suits relative abundances as fractions;
 *     pick it for other units;
 * <li><b>median difference</b> (responders − non-responders) and <b>prevalence</b> per class,
 *     the fraction of samples with value strictly above the prevalence threshold (default 0).
 * </ul>
 * Per-group rows are reported side by side; no combined (meta-analytic) p-value is computed.
 *
 * <p>Configuration objects are immutable; {@code with…} methods return modified copies.
 * Thread-safe.
 */
public final class Associations {

    private static final double[] PROBABILITIES = new double[17];

    static {
        for (int k = 0; k < PROBABILITIES.length; k++) {
            PROBABILITIES[k] = 0.10 + k * 0.05; // SIAMCAT's probs.fc default: seq(.1, .9, .05)
        }
    }

    private final double prevalenceThreshold;
    private final double pseudoCount;
    private final boolean byGroup;

    private Associations(double prevalenceThreshold, double pseudoCount, boolean byGroup) {
        this.prevalenceThreshold = prevalenceThreshold;
        this.pseudoCount = pseudoCount;
        this.byGroup = byGroup;
    }

    /** @return prevalence threshold 0, pseudo-count 1e-6, pooled test only */
    public static Associations withDefaults() {
        return new Associations(0, 1e-6, false);
    }

    /**
     * @param threshold a sample "carries" a feature when its value is {@code > threshold};
     *        finite, in the table's unit
     * @return a copy with this threshold
     * @throws IllegalArgumentException if the threshold is not finite
     */
    public Associations withPrevalenceThreshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("prevalence threshold must be finite but is " + threshold);
        }
        return new Associations(threshold, pseudoCount, byGroup);
    }

    /**
     * @param value the pseudo-count added before {@code log10} in the generalised fold change;
     *        positive and finite, in the table's unit
     * @return a copy with this pseudo-count
     * @throws IllegalArgumentException if the value is not positive and finite
     */
    public Associations withPseudoCount(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("pseudo-count must be positive and finite but is " + value);
        }
        return new Associations(prevalenceThreshold, value, byGroup);
    }

    /**
     * @param perGroup whether to add rows per group (needs groups in {@link #test})
     * @return a copy with this setting
     */
    public Associations byGroup(boolean perGroup) {
        return new Associations(prevalenceThreshold, pseudoCount, perGroup);
    }

    /** @return the prevalence threshold */
    public double prevalenceThreshold() {
        return prevalenceThreshold;
    }

    /** @return the pseudo-count of the generalised fold change */
    public double pseudoCount() {
        return pseudoCount;
    }

    /** @return whether rows per group are added */
    public boolean isByGroup() {
        return byGroup;
    }

    /**
     * Tests every feature on all samples pooled.
     *
     * @param features samples × features; values in any unit (the pseudo-count and the
     *        threshold are in that unit)
     * @param labels 0/1 per sample (1 = responder), both present
     * @return the table
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if labels do not match the samples, are not 0/1, a
     *         class is absent, or {@link #byGroup(boolean) byGroup(true)} was set (use the
     *         three-argument form)
     */
    public AssociationTable test(FeatureTable features, int[] labels) {
        if (byGroup) {
            throw new IllegalArgumentException("byGroup(true) needs the groups: call test(features, labels, groups)");
        }
        return test(features, labels, null);
    }

    /**
     * Tests every feature on all samples pooled and, with {@code byGroup(true)}, within each
     * group.
     *
     * @param features samples × features
     * @param labels 0/1 per sample (1 = responder), both present
     * @param groups group per sample (no null entries); may be null when not testing by group
     * @return the table
     * @throws NullPointerException if features or labels is null, or groups is null while
     *         testing by group
     * @throws IllegalArgumentException if lengths do not match the samples, a label is not
     *         0/1, a class is absent overall, or a group entry is null
     */
    public AssociationTable test(FeatureTable features, int[] labels, String[] groups) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        int n = features.sampleCount();
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but the table has " + n
                    + " samples");
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1 but is " + labels[i]);
            }
            positives += labels[i];
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("labels must contain responders and non-responders; found "
                    + positives + " responders among " + n);
        }
        if (byGroup) {
            Objects.requireNonNull(groups, "groups are required when testing by group");
        }
        if (groups != null) {
            if (groups.length != n) {
                throw new IllegalArgumentException("groups has " + groups.length + " entries but the table has " + n
                        + " samples");
            }
            for (int i = 0; i < n; i++) {
                if (groups[i] == null) {
                    throw new IllegalArgumentException("groups[" + i + "] is null");
                }
            }
        }
        List<FeatureAssociation> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] everyone = new int[n];
        Arrays.setAll(everyone, i -> i);
        rows.addAll(block(AssociationTable.ALL, features, labels, everyone));
        if (byGroup) {
            for (String g : new TreeSet<>(Arrays.asList(groups))) {
                int[] members = IntStream.range(0, n).filter(i -> groups[i].equals(g)).toArray();
                int pos = 0;
                for (int i : members) {
                    pos += labels[i];
                }
                if (pos == 0 || pos == members.length) {
                    skipped.add(g);
                } else {
                    rows.addAll(block(g, features, labels, members));
                }
            }
        }
        return new AssociationTable(rows, skipped);
    }

    private List<FeatureAssociation> block(String group, FeatureTable features, int[] labels, int[] members) {
        int p = features.featureCount();
        int nPos = 0;
        for (int i : members) {
            nPos += labels[i];
        }
        int nNeg = members.length - nPos;
        int[] blockLabels = new int[members.length];
        for (int k = 0; k < members.length; k++) {
            blockLabels[k] = labels[members[k]];
        }
        RankSumTest.Result[] tests = new RankSumTest.Result[p];
        double[] pValues = new double[p];
        double[][] pos = new double[p][];
        double[][] neg = new double[p][];
        double[][] all = new double[p][];
        for (int j = 0; j < p; j++) {
            pos[j] = new double[nPos];
            neg[j] = new double[nNeg];
            all[j] = new double[members.length];
            for (int k = 0, a = 0, b = 0; k < members.length; k++) {
                double v = features.get(members[k], j);
                all[j][k] = v;
                if (blockLabels[k] == 1) {
                    pos[j][a++] = v;
                } else {
                    neg[j][b++] = v;
                }
            }
            tests[j] = RankSumTest.test(pos[j], neg[j]);
            pValues[j] = tests[j].pValue();
        }
        double[] q = BenjaminiHochberg.adjust(pValues);
        List<FeatureAssociation> rows = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double auroc = Auroc.of(all[j], blockLabels).value();
            FeatureAssociation.Direction direction = auroc > 0.5 ? FeatureAssociation.Direction.HIGHER_IN_RESPONDERS
                    : auroc < 0.5 ? FeatureAssociation.Direction.LOWER_IN_RESPONDERS
                    : FeatureAssociation.Direction.NONE;
            rows.add(new FeatureAssociation(group, features.featureNames().get(j), nPos, nNeg, pValues[j],
                    tests[j].exact(), q[j], auroc, foldChange(pos[j], neg[j]), median(pos[j]) - median(neg[j]),
                    direction, prevalence(pos[j]), prevalence(neg[j])));
        }
        return rows;
    }

    private double foldChange(double[] pos, double[] neg) {
        double[] lp = logged(pos);
        double[] ln = logged(neg);
        double sum = 0;
        for (double prob : PROBABILITIES) {
            sum += quantile7(lp, prob) - quantile7(ln, prob);
        }
        return sum / PROBABILITIES.length;
    }

    private double[] logged(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log10(values[i] + pseudoCount);
        }
        Arrays.sort(out);
        return out;
    }

    private double prevalence(double[] values) {
        int count = 0;
        for (double v : values) {
            if (v > prevalenceThreshold) {
                count++;
            }
        }
        return (double) count / values.length;
    }

    /** R's type-7 quantile of sorted values: (1 − h) x[lo] + h x[hi]. */
    static double quantile7(double[] sorted, double prob) {
        double index = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double h = index - lo;
        if (h == 0 || sorted[hi] == sorted[lo]) {
            return sorted[lo];
        }
        return (1 - h) * sorted[lo] + h * sorted[hi];
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    @Override
    public String toString() {
        return "Associations[prevalenceThreshold " + prevalenceThreshold + ", pseudoCount " + pseudoCount
                + ", byGroup " + byGroup + "]";
    }
}
