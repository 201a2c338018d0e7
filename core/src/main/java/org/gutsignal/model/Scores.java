package org.gutsignal.model;

import java.util.List;
import java.util.Objects;
import org.gutsignal.transform.MissingFeaturePolicy;

/**
 * The result of {@link ResponseModel#scoreWithCoverage}: one probability of response per sample,
 * and the {@link Coverage} of the table that was scored (which model features it held, how much
 * of the model the absent ones carry, the unit check, samples with nothing to score).
 *
 * <pre>{@code
 * Scores s = model.withMissingFeatures(MissingFeaturePolicy.fillZero(0.2)).scoreWithCoverage(table);
 * double[] p = s.probabilities();
 * Scores.Coverage c = s.coverage();
 * if (!c.absentFeatures().isEmpty()) {
 *     log.warn(c.absentFeatures().size() + " features scored as 0, carrying "
 *             + c.absentVarianceShare() + " of the linear-predictor variance");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #probabilities()} returns a copy.
 */
public final class Scores {

    /** How many sample ids {@link Coverage#zeroTotalSampleIds()} lists at most. */
    public static final int LISTED = 10;

    /**
     * What a scored table held of the model.
     *
     * <p><b>Absent-variance share.</b> With {@code β_j} the model's coefficients on the
     * preprocessed scale and {@code v_j = Var(z_j)} the sample variance (divisor n − 1) of the
     * preprocessed feature {@code z_j} over the training samples ({@link ResponseModel#trainingVariances()}),
     * <pre>
     *   absentVarianceShare = Σ_{j absent} β_j² v_j / Σ_j β_j² v_j      (0 if the denominator is 0)
     * </pre>
     * over the model features {@code j}; a model feature is absent when the table lacks the raw
     * input feature of the same name (every preprocessing step keeps names). {@code β_j² v_j} is
     * the variance feature {@code j}'s term adds to the linear predictor on the training data;
     * covariances between features are not counted, so the share is exact for uncorrelated
     * features and a guide otherwise. After a standardisation {@code v_j = 1} and the share is
     * {@code Σ_{absent} β_j² / Σ β_j²}. Nor is counted how an absent raw feature shifts a per-sample
     * normalisation of the others (total-sum scaling, CLR): the share is that of the absent
     * features' own terms. A fraction in [0, 1], not a percentage.
     *
     * @param presentFeatures     the model's raw input features the table holds, in input order
     * @param absentFeatures      the model's raw input features the table lacks, in input order
     *                            (scored as 0)
     * @param absentVarianceShare the share of the linear-predictor variance carried by absent
     *                            features (above), in [0, 1]
     * @param unitCheck           what scoring did with the table's unit (never
     *                            {@link UnitCheck.Outcome#REFUSED}: those tables are not scored)
     * @param zeroTotalSamples    how many samples sum to 0 over the present input features (raw
     *                            values): nothing was measured of the model in them, so they get the
     *                            score of an empty sample
     * @param zeroTotalSampleIds  the first {@value #LISTED} of those samples' ids, in table order
     * @param policy              the missing-feature policy scoring applied
     */
    public record Coverage(List<String> presentFeatures, List<String> absentFeatures, double absentVarianceShare,
            UnitCheck unitCheck, int zeroTotalSamples, List<String> zeroTotalSampleIds, MissingFeaturePolicy policy) {

        /**
         * Copies the lists.
         *
         * @throws IllegalArgumentException if the share is not in [0, 1] or the zero-total count and
         *                                  ids disagree
         */
        public Coverage {
            presentFeatures = List.copyOf(presentFeatures);
            absentFeatures = List.copyOf(absentFeatures);
            zeroTotalSampleIds = List.copyOf(zeroTotalSampleIds);
            Objects.requireNonNull(unitCheck, "unitCheck");
            Objects.requireNonNull(policy, "policy");
            if (!(absentVarianceShare >= 0 && absentVarianceShare <= 1)) {
                throw new IllegalArgumentException("absent-variance share must be in [0, 1] but is "
                        + absentVarianceShare);
            }
            if (zeroTotalSampleIds.size() != Math.min(zeroTotalSamples, LISTED)) {
                throw new IllegalArgumentException(zeroTotalSamples + " zero-total samples but "
                        + zeroTotalSampleIds.size() + " ids listed");
            }
        }
    }

    private final List<String> sampleIds;
    private final double[] probabilities;
    private final Coverage coverage;

    Scores(List<String> sampleIds, double[] probabilities, Coverage coverage) {
        this.sampleIds = List.copyOf(sampleIds);
        this.probabilities = probabilities;
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        if (probabilities.length != this.sampleIds.size()) {
            throw new IllegalArgumentException(this.sampleIds.size() + " samples but " + probabilities.length
                    + " probabilities");
        }
    }

    /** The scored samples' ids, in table order (unmodifiable). */
    public List<String> sampleIds() {
        return sampleIds;
    }

    /** A copy of the probabilities of response, in {@link #sampleIds()} order. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * One sample's probability of response.
     *
     * @throws IndexOutOfBoundsException if {@code sample} is out of range
     */
    public double probability(int sample) {
        return probabilities[Objects.checkIndex(sample, probabilities.length)];
    }

    /** What the scored table held of the model. */
    public Coverage coverage() {
        return coverage;
    }

    @Override
    public String toString() {
        return "Scores[" + sampleIds.size() + " samples, " + coverage.presentFeatures().size() + " of "
                + (coverage.presentFeatures().size() + coverage.absentFeatures().size())
                + " input features present, absent-variance share " + coverage.absentVarianceShare() + "]";
    }
}
