package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written number check accepts exactly what the documented regular expression accepts,
 * and its short-decimal fast path reads exactly the double {@link Double#parseDouble} reads.
 */
class NumberTextTest {

    @Test
    void shortDecimalsReadAsParseDoubleReadsThem() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20251130L);
        int fast = 0;
        for (int k = 0; k < 2_000_000; k++) {
            StringBuilder sb = new StringBuilder();
            int sign = rng.nextInt(4);
            sb.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
            int intDigits = rng.nextInt(k % 3 == 0 ? 20 : 8);
            int fracDigits = rng.nextInt(k % 5 == 0 ? 25 : 9);
            for (int i = 0; i < intDigits; i++) {
                sb.append((char) ('0' + (i == 0 && rng.nextBoolean() ? 0 : rng.nextInt(10))));
            }
            if (fracDigits > 0 || intDigits == 0 || rng.nextBoolean()) {
                sb.append('.');
            }
            for (int i = 0; i < fracDigits || intDigits == 0 && i == 0; i++) {
                sb.append((char) ('0' + rng.nextInt(10)));
            }
            if (rng.nextInt(3) == 0) {
                int e = rng.nextInt(60) - 30;
                sb.append(rng.nextBoolean() ? 'e' : 'E').append(e < 0 ? "-" : rng.nextBoolean() ? "+" : "")
                        .append(rng.nextInt(4) == 0 ? "0" : "").append(Math.abs(e));
            }
            String s = sb.toString();
            assertEquals(true, DelimitedText.isNumberText(s), s);
            double v = DelimitedText.shortDecimal(s);
            if (!Double.isNaN(v)) {
                fast++;
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(v), s);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(fast > 500_000, "enough short decimals: " + fast);
        for (String s : new String[] {"0", "-0", "-0.0", "+0e5", "0.1", "123456789012345", "1234567890123456",
            "0.000000000000000000001", "9e22", "9e23", "1e-22", "1e-23", "4.35", "0.30000000000000004", "1e0000"}) {
            double v = DelimitedText.shortDecimal(s);
            if (!Double.isNaN(v)) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(v), s);
            }
        }
    }

    private static final Pattern RULE = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    @Test
    void agreesWithTheRegularExpressionOnEveryShortStringOfTheRelevantCharacters() {
        String alphabet = "09.eE+-x ";
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20251129L);
        int accepted = 0;
        for (int k = 0; k < 1_000_000; k++) {
            int len = rng.nextInt(9);
            StringBuilder sb = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            boolean expected = RULE.matcher(s).matches();
            assertEquals(expected, DelimitedText.isNumberText(s), s);
            accepted += expected ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(accepted > 10_000, "enough numbers among the strings: " + accepted);
        for (String s : new String[] {"13.75", "-2", "+0.5", ".5", "5.", "1e-5", "6.02E23", "0", "-0.0"}) {
            assertEquals(true, DelimitedText.isNumberText(s), s);
        }
        for (String s : new String[] {"", ".", "+", "e5", "1e", "1e+", "0x1p3", "1d", "2F", " 1", "1,5", "NaN", "--1"}) {
            assertEquals(false, DelimitedText.isNumberText(s), s);
        }
    }
}
