package org.gutsignal.profile;

import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.FeatureTable;

/**
 * A direction-aware reference score that needs no training: per sample, the mean
 * standardised stimulatory capacity minus the mean standardised inhibitory capacity.
 *
 * <p>Formula: for each catalog molecule with a column in the capacity table, take
 * {@code y = log1p(capacity)} (natural log of 1 + capacity; compresses the heavy right tail of
 * abundances and keeps 0 at 0), then z-score it across the given cohort,
 * {@code z = (y - mean(y)) / sd(y)} with the sample standard deviation (divisor n - 1). Then
 * {@code score = mean(z over stimulatory molecules) - mean(z over inhibitory molecules)}; a group
 * with no usable molecule contributes 0. {@code unclear} molecules are ignored. Molecules whose
 * {@code y} is constant across the cohort (for example absent ones) are skipped and listed in
 * {@link #skipped()}. The score is relative to the cohort it was computed on: scoring a different
 * cohort gives different standardisation.
 *
 * <p>Immutable and thread-safe.
 */
public final class BaselineScore {

    private final List<String> sampleIds;
    private final double[] scores;
    private final List<String> stimulatory;
    private final List<String> inhibitory;
    private final List<String> skipped;

    private BaselineScore(List<String> sampleIds, double[] scores, List<String> stimulatory,
            List<String> inhibitory, List<String> skipped) {
        this.sampleIds = List.copyOf(sampleIds);
        this.scores = scores;
        this.stimulatory = List.copyOf(stimulatory);
        this.inhibitory = List.copyOf(inhibitory);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Computes the score for every sample of a capacity table.
     *
     * @param capacities samples × molecules, non-negative (e.g. {@link SignallingProfile#capacities()})
     * @param catalog    gives each molecule's direction; columns not in the catalog are ignored
     * @return the scores
     * @throws IllegalArgumentException if the table has fewer than 2 samples or its unit is TRANSFORMED
     */
    public static BaselineScore compute(FeatureTable capacities, MoleculeCatalog catalog) {
        if (!capacities.unit().isAbundance()) {
            throw new IllegalArgumentException("expected non-negative capacities but the unit is " + capacities.unit());
        }
        int n = capacities.sampleCount();
        if (n < 2) {
            throw new IllegalArgumentException("standardising across the cohort needs at least 2 samples, found " + n);
        }
        double[] stim = new double[n];
        double[] inh = new double[n];
        List<String> stimUsed = new ArrayList<>();
        List<String> inhUsed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Molecule m : catalog.molecules()) {
            int j = capacities.indexOfFeature(m.id());
            if (j < 0 || m.direction() == Direction.UNCLEAR) {
                continue;
            }
            double[] y = capacities.column(j);
            double mean = 0;
            for (int i = 0; i < n; i++) {
                y[i] = Math.log1p(y[i]);
                mean += y[i];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (y[i] - mean) * (y[i] - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            if (!(sd > 0)) {
                skipped.add(m.id());
                continue;
            }
            double[] into = m.direction() == Direction.STIMULATORY ? stim : inh;
            (m.direction() == Direction.STIMULATORY ? stimUsed : inhUsed).add(m.id());
            for (int i = 0; i < n; i++) {
                into[i] += (y[i] - mean) / sd;
            }
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double s = stimUsed.isEmpty() ? 0 : stim[i] / stimUsed.size();
            double h = inhUsed.isEmpty() ? 0 : inh[i] / inhUsed.size();
            scores[i] = s - h;
        }
        return new BaselineScore(capacities.sampleIds(), scores, stimUsed, inhUsed, skipped);
    }

    /** Sample ids, in the capacity table's order. */
    public List<String> sampleIds() {
        return sampleIds;
    }

    /** A copy of the scores, one per sample (higher = more stimulatory capacity). */
    public double[] scores() {
        return scores.clone();
    }

    /** Stimulatory molecules used. */
    public List<String> stimulatory() {
        return stimulatory;
    }

    /** Inhibitory molecules used. */
    public List<String> inhibitory() {
        return inhibitory;
    }

    /** Stimulatory or inhibitory molecules skipped because constant across the cohort. */
    public List<String> skipped() {
        return skipped;
    }
}
