package org.gutsignal.report;

import java.util.Locale;

/** Number formatting shared by the plots and the report; locale-independent. */
final class Fmt {

    private Fmt() {
    }

    /** {@code v} with {@code decimals} digits after the point; {@code "NA"} for NaN. */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        // "-0.00" reads as a sign where there is none
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** The shortest text that parses back to the same double; integers without ".0"; NaN as "NA". */
    static String exact(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
