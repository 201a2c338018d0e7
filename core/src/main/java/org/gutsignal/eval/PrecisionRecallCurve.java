package org.gutsignal.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The precision-recall curve: one point per distinct score, for plots and CSV export.
 *
 * <p>Convention: predict positive when {@code score >= threshold}. The first point is
 * {@code (recall 0, precision 1, +Infinity)}, then one point per distinct score in descending
 * order (recall non-decreasing). These are the points of scikit-learn 1.2's
 * {@code precision_recall_curve}, listed in the opposite order.
 *
 * <p>Immutable and thread-safe.
 */
public final class PrecisionRecallCurve {

    /**
     * One point of the curve.
     *
     * @param recall true positives / positives at the threshold
     * @param precision true positives / predicted positives at the threshold
     * @param threshold predict positive when {@code score >= threshold}
     */
    public record Point(double recall, double precision, double threshold) {
    }

    private final List<Point> points;

    private PrecisionRecallCurve(List<Point> points) {
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
    public static PrecisionRecallCurve of(double[] scores, int[] labels) {
        int positives = Inputs.checkBothClasses(scores, labels, "scores");
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 1, Double.POSITIVE_INFINITY));
        Counts.sweep(scores, labels, (threshold, tp, fp) ->
                points.add(new Point((double) tp / positives, (double) tp / (tp + fp), threshold)));
        return new PrecisionRecallCurve(points);
    }

    /** @return the points, by descending threshold (unmodifiable) */
    public List<Point> points() {
        return points;
    }

    /**
     * Average precision, {@code Σₖ (Rₖ − Rₖ₋₁) Pₖ} over the points (no interpolation), as
     * scikit-learn's {@code average_precision_score}.
     *
     * @return the average precision in [0, 1]
     */
    public double averagePrecision() {
        double sum = 0;
        for (int k = 1; k < points.size(); k++) {
            sum += (points.get(k).recall() - points.get(k - 1).recall()) * points.get(k).precision();
        }
        return sum;
    }
}
