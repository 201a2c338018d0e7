package org.gutsignal.eval;

/** Sweeps distinct score thresholds from high to low. Package-private; stateless. */
final class Counts {

    /** Receives the cumulative counts at one distinct threshold. */
    interface Visitor {
        void visit(double threshold, int truePositives, int falsePositives);
    }

    private Counts() {
    }

    /**
     * Calls {@code visitor} once per distinct score, in descending order, with the numbers of
     * positives and negatives whose score is {@code >=} that threshold.
     */
    static void sweep(double[] scores, int[] labels, Visitor visitor) {
        int[] order = Ranks.descendingOrder(scores);
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (labels[i] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (k + 1 == order.length || scores[order[k + 1]] != scores[i]) {
                visitor.visit(scores[i], tp, fp);
            }
        }
    }
}
