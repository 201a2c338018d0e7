package org.gutsignal.eval;

import java.util.Objects;
import org.gutsignal.cohort.Response;

/** Argument checks shared by the metrics. Package-private; stateless. */
final class Inputs {

    private Inputs() {
    }

    /**
     * Checks that labels are 0/1 and that scores are finite and as many as the labels.
     *
     * @return the number of positive labels
     */
    static int checkScores(double[] scores, int[] labels, String scoreName) {
        Objects.requireNonNull(scores, scoreName);
        Response.checkLabels(labels);
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scoreName + " has " + scores.length
                    + " values but labels has " + labels.length);
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(scoreName + "[" + i + "] is not finite: " + scores[i]);
            }
        }
        int positives = 0;
        for (int label : labels) {
            positives += label;
        }
        return positives;
    }

    /** As {@link #checkScores} and additionally requires values in [0, 1]. */
    static int checkProbabilities(double[] probabilities, int[] labels) {
        int positives = checkScores(probabilities, labels, "probabilities");
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] < 0 || probabilities[i] > 1) {
                throw new IllegalArgumentException("probabilities[" + i + "] is outside [0, 1]: "
                        + probabilities[i]);
            }
        }
        return positives;
    }

    /** Requires both classes; returns the number of positives. */
    static int checkBothClasses(double[] scores, int[] labels, String scoreName) {
        int positives = checkScores(scores, labels, scoreName);
        if (positives == 0 || positives == labels.length) {
            throw new IllegalArgumentException("labels must contain both classes (0 and 1); found "
                    + positives + " positives among " + labels.length);
        }
        return positives;
    }

}
