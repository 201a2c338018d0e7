package org.gutsignal.report;

import java.util.Locale;
import org.gutsignal.io.DelimitedText;

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

    /** {@link DelimitedText#format(double)}: the shortest text that parses back to the same double; NaN as "NA". */
    static String exact(double v) {
        return Double.isNaN(v) ? "NA" : DelimitedText.format(v);
    }
}
