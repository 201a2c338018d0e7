package org.gutsignal.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Benjamini-Hochberg false-discovery-rate adjustment, identical to R's
 * {@code p.adjust(p, method = "BH")}: with the m non-NaN p-values sorted increasingly,
 * {@code q₍ᵢ₎ = min(1, minⱼ≥ᵢ m p₍ⱼ₎ / j)}. NaN p-values stay NaN and do not count in m
 * (R's {@code NA} handling). Stateless and thread-safe.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * Adjusts p-values.
     *
     * @param pValues p-values in [0, 1] or NaN
     * @return the q-values, same order as the input (a new array)
     * @throws NullPointerException if {@code pValues} is null
     * @throws IllegalArgumentException if a value is outside [0, 1] (and not NaN)
     */
    public static double[] adjust(double[] pValues) {
        Objects.requireNonNull(pValues, "pValues");
        int m = 0;
        for (int i = 0; i < pValues.length; i++) {
            double p = pValues[i];
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("pValues[" + i + "] is outside [0, 1]: " + p);
            }
            if (!Double.isNaN(p)) {
                m++;
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0, k = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[k++] = i;
            }
        }
        // decreasing p, as R: o <- order(p, decreasing = TRUE)
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).reversed());
        double[] q = new double[pValues.length];
        Arrays.fill(q, Double.NaN);
        double running = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int rank = m - k; // i <- lp:1
            running = Math.min(running, (double) m / rank * pValues[order[k]]);
            q[order[k]] = Math.min(1, running);
        }
        return q;
    }
}
