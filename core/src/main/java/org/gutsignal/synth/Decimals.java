package org.gutsignal.synth;

/** Rounding to significant decimal digits. Stateless; package-private. */
final class Decimals {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = p; // exact: 10^k is representable for k <= 22
            p *= 10;
        }
    }

    private Decimals() {
    }

    /**
     * The double nearest to {@code v} rounded to {@code digits} significant decimal digits (half
     * to even). Zero, NaN and infinities are returned unchanged. The result's shortest decimal text
     * has at most {@code digits} significant digits, so it prints the same on every JDK.
     */
    static double round(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        int places = digits - 1 - exponent;
        if (places >= 0 && places < POWERS_OF_TEN.length) {
            double p = POWERS_OF_TEN[places];
            return Math.rint(v * p) / p; // integer / exact power of ten: correctly rounded decimal
        }
        if (places < 0 && -places < POWERS_OF_TEN.length) {
            double p = POWERS_OF_TEN[-places];
            return Math.rint(v / p) * p;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }
}
