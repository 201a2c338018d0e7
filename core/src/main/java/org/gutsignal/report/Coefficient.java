package org.gutsignal.report;

import java.util.Objects;
import org.gutsignal.profile.Direction;

/**
 * One bar of a coefficient plot ({@link Plots#coefficients}).
 *
 * @param feature   the feature name shown on the axis, e.g. {@code "HMBPP"}
 * @param value     the coefficient, finite (units as the caller's axis label says, e.g. log-odds per SD)
 * @param direction the expected direction, which sets the bar colour
 */
public record Coefficient(String feature, double value, Direction direction) {

    /**
     * Validates the coefficient.
     *
     * @throws IllegalArgumentException if the value is not finite
     * @throws NullPointerException     if the feature or direction is null
     */
    public Coefficient {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(direction, "direction");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coefficient of " + feature + " must be finite but is " + value);
        }
    }
}
