package org.gutsignal.cohort;

/** What {@link Cohort#join} does with samples present on only one side. */
public enum JoinPolicy {
    /** Fail, listing up to ten unmatched sample ids of each side. */
    STRICT,
    /** Drop unmatched samples and count them in the {@link Cohort.JoinReport}. */
    LENIENT
}
