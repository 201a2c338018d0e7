package org.gutsignal.transform;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What to do when a table lacks features a fitted preprocessing or a model reads: refuse
 * ({@link #ERROR}, the default), or fill them with 0 as long as they carry at most a stated share
 * ({@link #fillZero(double)}). Filling is never silent: whoever fills reports what was filled.
 *
 * <pre>{@code
 * ResponseModel lenient = model.withMissingFeatures(MissingFeaturePolicy.fillZero(0.2));
 * Scores s = lenient.scoreWithCoverage(table);   // refuses if the absent features carry > 0.2
 * s.coverage().absentFeatures();                  // what was filled with 0
 * }</pre>
 *
 * <p><b>What the share measures</b> depends on who applies the policy, and is a fraction in
 * [0, 1] (not a percentage):
 * <ul>
 * <li>a model ({@code ResponseModel.scoreWithCoverage}): the share of the model's linear-predictor
 * variance carried by the absent features, {@code Σ_{j absent} β_j² Var(z_j) / Σ_j β_j² Var(z_j)}
 * over the preprocessed training features {@code z_j} (see {@code Scores.Coverage});</li>
 * <li>a {@link FittedPreprocessing} on its own ({@link FittedPreprocessing#apply(org.gutsignal.cohort.FeatureTable,
 * MissingFeaturePolicy)}), which has no coefficients to weigh features by: the share of its input
 * features that are absent, by count.</li>
 * </ul>
 * The maximum must be below 1: a table lacking every feature would give every sample the same
 * value, and is refused whatever the policy.
 *
 * <p>Immutable and thread-safe.
 */
public final class MissingFeaturePolicy {

    /** Refuse a table that lacks any feature; the message lists up to 10 (the default). */
    public static final MissingFeaturePolicy ERROR = new MissingFeaturePolicy(false, 0.0);

    private final boolean fillZero;
    private final double maxAbsentShare;

    private MissingFeaturePolicy(boolean fillZero, double maxAbsentShare) {
        this.fillZero = fillZero;
        this.maxAbsentShare = maxAbsentShare;
    }

    /**
     * Fill absent features with 0 in every sample, and report them, if they carry at most
     * {@code maxAbsentShare}; refuse otherwise, naming both shares.
     *
     * @param maxAbsentShare the largest share the absent features may carry, a fraction in [0, 1)
     *                       (0 allows only absent features that carry nothing, such as those with
     *                       coefficient 0)
     * @throws IllegalArgumentException if {@code maxAbsentShare} is not in [0, 1)
     */
    public static MissingFeaturePolicy fillZero(double maxAbsentShare) {
        if (!(maxAbsentShare >= 0 && maxAbsentShare < 1)) {
            throw new IllegalArgumentException("the maximum absent share is a fraction in [0, 1) but is "
                    + maxAbsentShare + (maxAbsentShare > 1 && maxAbsentShare <= 100 ? " (a percentage?)" : "")
                    + "; a table lacking every feature is never scored");
        }
        return new MissingFeaturePolicy(true, maxAbsentShare);
    }

    /** Whether absent features are filled with 0 (false for {@link #ERROR}). */
    public boolean fillsZero() {
        return fillZero;
    }

    /** The largest share absent features may carry, a fraction in [0, 1) (0 for {@link #ERROR}). */
    public double maxAbsentShare() {
        return maxAbsentShare;
    }

    /**
     * A share as messages write it: at most 3 significant digits, no trailing zeros
     * ({@code 0.25}, {@code 0.333}, {@code 0}). For other packages' messages too.
     */
    public static String formatShare(double share) {
        return new BigDecimal(share).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Equal if both fill or both refuse, with the same maximum. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MissingFeaturePolicy p && fillZero == p.fillZero
                && Double.compare(maxAbsentShare, p.maxAbsentShare) == 0;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(fillZero) * 31 + Double.hashCode(maxAbsentShare);
    }

    /** {@code ERROR} or {@code fillZero(0.2)}, as the code that makes it. */
    @Override
    public String toString() {
        return fillZero ? "fillZero(" + formatShare(maxAbsentShare) + ")" : "ERROR";
    }
}
