package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The hand-written number check accepts exactly what the documented regular expression accepts. */
class NumberTextTest {

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
