package org.gutsignal.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.gutsignal.eval.Auprc;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.PrecisionRecallCurve;
import org.gutsignal.eval.RocCurve;

/**
 * One line of a ROC or precision-recall plot, built from an {@code eval} curve: its legend label
 * and its points in the curve's order (descending threshold). ROC: x = false positive rate,
 * y = true positive rate; precision-recall: x = recall, y = precision; all fractions in [0, 1].
 */
record Series(String label, double[] x, double[] y) {

    /** How far a curve's own area may stray from its summary before they are taken for different scores. */
    private static final double TOLERANCE = 1e-9;

    /**
     * A ROC curve labelled {@code "name: AUROC 0.71 (0.66–0.76)"} with the AUROC and its DeLong 95% CI.
     *
     * @throws IllegalArgumentException if the curve's trapezoidal area differs from the AUROC (not the same
     *                                  scores)
     */
    static Series roc(String name, RocCurve curve, Auroc auroc) {
        Series s = roc(curve).withLabel(name + ": AUROC " + estimate(auroc));
        double area = 0;
        for (int k = 1; k < s.x.length; k++) {
            area += (s.x[k] - s.x[k - 1]) * (s.y[k] + s.y[k - 1]) / 2;
        }
        requireSame(name, "area", area, "AUROC", auroc.value());
        return s;
    }

    /** An unlabelled ROC curve (a fold's thin line). */
    static Series roc(RocCurve curve) {
        return of(curve.points(), RocCurve.Point::fpr, RocCurve.Point::tpr);
    }

    /**
     * A precision-recall curve labelled {@code "name: AUPRC 0.56"}.
     *
     * @throws IllegalArgumentException if the curve's average precision differs from the AUPRC (not the
     *                                  same scores)
     */
    static Series precisionRecall(String name, PrecisionRecallCurve curve, Auprc auprc) {
        requireSame(name, "average precision", curve.averagePrecision(), "AUPRC", auprc.value());
        return of(curve.points(), PrecisionRecallCurve.Point::recall, PrecisionRecallCurve.Point::precision)
                .withLabel(name + ": AUPRC " + Fmt.fixed(auprc.value(), 2));
    }

    /**
     * {@code "0.71 (0.66–0.76)"}: the AUROC and its DeLong 95% CI, or only the AUROC when the CI is NaN;
     * {@value Auroc#DEGENERATE} for a degenerate AUROC.
     */
    static String estimate(Auroc auroc) {
        if (auroc.isDegenerate()) {
            return Auroc.DEGENERATE;
        }
        ConfidenceInterval ci = auroc.ci95();
        String s = Fmt.fixed(auroc.value(), 2);
        if (Double.isNaN(ci.lower()) || Double.isNaN(ci.upper())) {
            return s;
        }
        return s + " (" + Fmt.fixed(ci.lower(), 2) + "\u2013" + Fmt.fixed(ci.upper(), 2) + ")";
    }

    private Series withLabel(String text) {
        return new Series(text, x, y);
    }

    private static <P> Series of(List<P> points, ToDoubleFunction<P> x, ToDoubleFunction<P> y) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = x.applyAsDouble(points.get(k));
            ys[k] = y.applyAsDouble(points.get(k));
        }
        return new Series("", xs, ys);
    }

    private static void requireSame(String name, String what, double fromCurve, String metric, double summary) {
        if (!(Math.abs(fromCurve - summary) <= TOLERANCE)) {
            throw new IllegalArgumentException("curve '" + name + "': its " + what + " is " + fromCurve + " but its "
                    + metric + " is " + summary + "; were they computed from the same scores and labels?");
        }
    }
}
