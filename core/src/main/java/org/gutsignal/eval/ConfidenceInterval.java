package org.gutsignal.eval;

/**
 * A two-sided confidence interval {@code [lower, upper]} at confidence {@code level}
 * (e.g. 0.95). Immutable and thread-safe.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the confidence level in (0, 1)
 */
public record ConfidenceInterval(double lower, double upper, double level) {
}
