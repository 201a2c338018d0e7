package org.gutsignal.report;

import java.util.Objects;

/**
 * One row of a forest plot ({@link Plots#forest}): an estimate with its confidence interval.
 *
 * @param group    the row label, e.g. {@code "site1 (n = 160)"}
 * @param estimate the point estimate, e.g. an AUROC in [0, 1]
 * @param lower    the lower confidence limit, at most {@code estimate}
 * @param upper    the upper confidence limit, at least {@code estimate}
 */
public record GroupEstimate(String group, double estimate, double lower, double upper) {

    /**
     * Validates the row.
     *
     * @throws IllegalArgumentException if a value is NaN or outside [0, 1], or not {@code lower <= estimate <= upper}
     * @throws NullPointerException     if the group is null
     */
    public GroupEstimate {
        Objects.requireNonNull(group, "group");
        if (!(lower >= 0 && lower <= estimate && estimate <= upper && upper <= 1)) {
            throw new IllegalArgumentException("group " + group + ": expected 0 <= lower <= estimate <= upper <= 1 but found "
                    + lower + ", " + estimate + ", " + upper);
        }
    }
}
