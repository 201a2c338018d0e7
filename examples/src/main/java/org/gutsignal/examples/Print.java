package org.gutsignal.examples;

import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.model.ResponseModel;

/** Number formats shared by the examples' tables. */
final class Print {

    private Print() {
    }

    /**
     * {@code 0.712 [0.671, 0.753]}: AUROC with its DeLong 95% confidence interval; {@code "degenerate
     * (constant scores)"} when the model scored every sample alike.
     */
    static String auroc(Auroc a) {
        if (a == null) {
            return "NA (one class)";
        }
        if (a.isDegenerate()) {
            return Auroc.DEGENERATE;
        }
        ConfidenceInterval ci = a.ci95();
        return String.format("%.3f [%.3f, %.3f]", a.value(), ci.lower(), ci.upper());
    }

    /** {@code 0.703 [0.612, 0.781]}: a random-effects pool's AUROC with its 95% CI. */
    static String pooled(PooledAuroc p) {
        ConfidenceInterval ci = p.ci95();
        return String.format("%.3f [%.3f, %.3f]", p.estimate(), ci.lower(), ci.upper());
    }

    /** {@code [0.451, 0.871]}: a random-effects pool's 95% prediction interval. */
    static String predictionInterval(PooledAuroc p) {
        ConfidenceInterval pi = p.predictionInterval95();
        return String.format("[%.3f, %.3f]", pi.lower(), pi.upper());
    }

    /** The REML pool of a grouped CV's per-group AUROCs, or null (with the reason printed) if fewer than 2 groups qualify. */
    static PooledAuroc poolOrNull(String name, CvResult<ResponseModel> cv, java.io.PrintStream out) {
        try {
            return cv.pooledByGroup();
        } catch (IllegalArgumentException e) {
            out.printf("  %s: no random-effects pool (%s)%n", name, e.getMessage());
            return null;
        }
    }

    /** One line on the pool's heterogeneity and exclusions: {@code "τ² = 0.061, I² = 42%, Q p = 0.12"}. */
    static String heterogeneity(PooledAuroc p) {
        return String.format("\u03c4\u00b2 = %.3f, I\u00b2 = %.0f%%, Q = %.2f (p = %s)", p.tau2(), 100 * p.i2(), p.q(),
                p(p.qPValue())) + (p.excluded().isEmpty() ? "" : ", not pooled: " + String.join(", ",
                p.excluded().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
    }

    /** {@code "degenerate (intercept-only) folds: 2 of 5 (Leeds, PRIMM-UK)"}, or empty when there are none. */
    static String degenerateFolds(String name, CvResult<ResponseModel> cv) {
        var folds = cv.degenerateFolds();
        if (folds.isEmpty()) {
            return "";
        }
        return String.format("  %s: %d of %d fold models selected no feature or scored all test samples alike %s%n",
                name, folds.size(), cv.folds().size(),
                folds.stream().map(f -> f.split().heldOutGroups().isEmpty() ? "fold " + f.split().fold()
                        : String.join("+", f.split().heldOutGroups())).toList());
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

    /** The random-effects pool of two models' per-group AUROCs, its prediction interval and heterogeneity. */
    static void pools(int labelWidth, CvResult<ResponseModel> a, String aName, CvResult<ResponseModel> b,
            String bName, java.io.PrintStream out) {
        PooledAuroc pa = poolOrNull(aName, a, out);
        PooledAuroc pb = poolOrNull(bName, b, out);
        String row = "%-" + labelWidth + "s%-28s %-28s%n";
        out.printf(row, "  random effects (REML)", pa == null ? "NA" : pooled(pa),
                pb == null ? "NA" : pooled(pb));
        out.printf(row, "    95% PI", pa == null ? "" : predictionInterval(pa),
                pb == null ? "" : predictionInterval(pb));
        for (String line : new String[] {pa == null ? null : aName + ": " + heterogeneity(pa),
            pb == null ? null : bName + ": " + heterogeneity(pb)}) {
            if (line != null) {
                out.printf("%-" + labelWidth + "s%s%n", "", line);
            }
        }
    }

}
