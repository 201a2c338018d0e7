package org.gutsignal.examples;

import java.util.ArrayList;
import java.util.List;
import org.gutsignal.eval.Auroc;

/** Paired comparisons of two models' out-of-fold scores on the same samples. */
final class Scores {

    private Scores() {
    }

    /**
     * DeLong's paired test (a − b) on the samples of one group ({@code null}: all) that both
     * score vectors scored (non-NaN).
     */
    static Auroc.Comparison delong(double[] a, double[] b, int[] labels, List<String> groups, String group) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i]) && (group == null || groups.get(i).equals(group))) {
                idx.add(i);
            }
        }
        double[] sa = new double[idx.size()];
        double[] sb = new double[idx.size()];
        int[] y = new int[idx.size()];
        for (int k = 0; k < y.length; k++) {
            sa[k] = a[idx.get(k)];
            sb[k] = b[idx.get(k)];
            y[k] = labels[idx.get(k)];
        }
        return Auroc.delongTest(sa, sb, y);
    }
}
