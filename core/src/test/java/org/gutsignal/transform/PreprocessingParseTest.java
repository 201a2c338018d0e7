package org.gutsignal.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Preprocessing#parse}: the text form the command lines (gutsignal, gutsignal-spark) share. */
class PreprocessingParseTest {

    @Test
    void everyStepNameGivesItsTransformInOrder() {
        assertEquals(Preprocessing.of(Transform.totalSumScaling(), Transform.ln(1.0), Transform.ln(0.5),
                Transform.lnHalfMinPositive(), Transform.log10(1e-5), Transform.log10HalfMinPositive(),
                Transform.clr(1.0), Transform.clrHalfMinPositive(), Transform.standardize(), Transform.standardize(),
                Transform.prevalenceFilter(0.0, 0.1), Transform.prevalenceFilter(0.0, 0.25),
                Transform.siamcatLogStd(1e-6, 0.1), Transform.siamcatLogUnit(1e-6, 1, 3), Transform.siamcatRankUnit())
                .toString(),
                Preprocessing.parse(" TSS, ln1, ln:0.5, ln, log10:1e-5, log10, clr:1, clr, standardize, standardise,"
                        + " prevalence, prevalence:0.25, siamcat, siamcat:log.unit:1:3, siamcat:rank.unit").toString());
        assertEquals(Preprocessing.none(), Preprocessing.parse("none"));
        assertEquals(Preprocessing.none(), Preprocessing.parse(""));
    }

    @Test
    void aBadStepIsNamed() {
        assertEquals("unknown step 'lg'; known steps: " + Preprocessing.STEP_NAMES,
                assertThrows(IllegalArgumentException.class, () -> Preprocessing.parse("ln1, lg")).getMessage());
        assertEquals("step 'ln:x' needs a number after ':' but has 'x'",
                assertThrows(IllegalArgumentException.class, () -> Preprocessing.parse("ln:x")).getMessage());
        assertEquals("step 'tss:1' takes no value",
                assertThrows(IllegalArgumentException.class, () -> Preprocessing.parse("tss:1")).getMessage());
        assertEquals("step 'siamcat:log.unit:2:4': norm.margin must be 1 (features), 2 (samples) or 3 (global) but"
                + " is 4", assertThrows(IllegalArgumentException.class,
                        () -> Preprocessing.parse("siamcat:log.unit:2:4")).getMessage());
    }
}
