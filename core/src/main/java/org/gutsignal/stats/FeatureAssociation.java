package org.gutsignal.stats;

/**
 * One row of an {@link AssociationTable}: how one feature differs between responders
 * (label 1) and non-responders (label 0) within one group of samples. Immutable.
 *
 * @param group {@link AssociationTable#ALL} for the pooled test, otherwise the group name
 * @param feature the feature name
 * @param responders number of responders tested
 * @param nonResponders number of non-responders tested
 * @param pValue two-sided Wilcoxon rank-sum (Mann-Whitney U) p-value
 * @param exact whether the exact null distribution was used (else the normal approximation)
 * @param qValue Benjamini-Hochberg q-value over the features of this group
 * @param auroc probability that a responder's value exceeds a non-responder's, ties 1/2
 * @param generalisedFoldChange SIAMCAT's generalised fold change: mean over the 10%, 15%,
 *        ..., 90% quantiles (SIAMCAT default {@code probs.fc}) of {@code log10(x + pseudoCount)} of responders minus
 *        non-responders (positive = higher in responders)
 * @param medianDifference median of responders minus median of non-responders, in the
 *        table's unit
 * @param direction whether values tend to be higher in responders (from the AUROC)
 * @param prevalenceResponders fraction of responders with value {@code > threshold}
 * @param prevalenceNonResponders fraction of non-responders with value {@code > threshold}
 */
public record FeatureAssociation(String group, String feature, int responders, int nonResponders,
        double pValue, boolean exact, double qValue, double auroc, double generalisedFoldChange,
        double medianDifference, Direction direction, double prevalenceResponders,
        double prevalenceNonResponders) {

    /** Direction of an association, read from the AUROC. */
    public enum Direction {
        /** AUROC above 0.5. */
        HIGHER_IN_RESPONDERS,
        /** AUROC below 0.5. */
        LOWER_IN_RESPONDERS,
        /** AUROC exactly 0.5. */
        NONE
    }
}
