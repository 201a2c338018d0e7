package org.gutsignal.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Midranks (average ranks of ties, 1-based). Package-private; stateless. */
final class Ranks {

    private Ranks() {
    }

    /** Returns the 1-based midranks of {@code values}; tied values share their average rank. */
    static double[] midranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j + 2) / 2.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Indices that sort {@code values} in descending order (stable). */
    static int[] descendingOrder(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int[] result = new int[order.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = order[i];
        }
        return result;
    }
}
