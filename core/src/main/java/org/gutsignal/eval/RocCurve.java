package org.gutsignal.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The empirical ROC curve: one point per distinct score, for plots and CSV export.
 *
 * <p>Convention: a sample is predicted positive when {@code score >= threshold}. The first
 * point is {@code (0, 0, +Infinity)} (nothing predicted positive), then one point per
 * distinct score in descending order, the last being {@code (1, 1, min score)}. This is
 * scikit-learn's {@code roc_curve(drop_intermediate=False)}, except that its first threshold
 * is {@code max(score) + 1} (scikit-learn 1.2) where this class uses {@code +Infinity}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RocCurve {

    /**
     * One point of the curve.
     *
     * @param fpr false-positive rate (1 − specificity) at the threshold
     * @param tpr true-positive rate (sensitivity) at the threshold
     * @param threshold predict positive when {@code score >= threshold}
     */
    public record Point(double fpr, double tpr, double threshold) {
    }

    private final List<Point> points;

    private RocCurve(List<Point> points) {
        this.points = List.copyOf(points);
    }

    /**
     * Computes the curve.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels 0/1 labels, both classes present
     * @return the curve
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if lengths differ, a score is not finite, a label is
     *         not 0/1 or a class is absent
     */
    public static RocCurve of(double[] scores, int[] labels) {
        int positives = Inputs.checkBothClasses(scores, labels, "scores");
        int negatives = labels.length - positives;
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        Counts.sweep(scores, labels, (threshold, tp, fp) ->
                points.add(new Point((double) fp / negatives, (double) tp / positives, threshold)));
        return new RocCurve(points);
    }

    /** @return the points, by descending threshold (unmodifiable) */
    public List<Point> points() {
        return points;
    }
}
