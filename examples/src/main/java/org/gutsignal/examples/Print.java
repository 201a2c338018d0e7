package org.gutsignal.examples;

import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.ConfidenceInterval;

/** Number formats shared by the examples' tables. */
final class Print {

    private Print() {
    }

    /** {@code 0.712 [0.671, 0.753]}: AUROC with its DeLong 95% confidence interval. */
    static String auroc(Auroc a) {
        ConfidenceInterval ci = a.ci95();
        return String.format("%.3f [%.3f, %.3f]", a.value(), ci.lower(), ci.upper());
    }

    /** A p-value with three significant digits, or {@code <1e-4}. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        return p < 1e-4 ? "<1e-4" : String.format("%.4f", p);
    }

    /** {@code 0.701 0.698 …}: values with three decimals, space-separated. */
    static String values(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%.3f", x));
        }
        return sb.toString();
    }
}
