package org.gutsignal.cohort;

import static org.gutsignal.cohort.AbundanceUnit.CAPACITY;
import static org.gutsignal.cohort.AbundanceUnit.COUNTS;
import static org.gutsignal.cohort.AbundanceUnit.CPM;
import static org.gutsignal.cohort.AbundanceUnit.FRACTION;
import static org.gutsignal.cohort.AbundanceUnit.PERCENT;
import static org.gutsignal.cohort.AbundanceUnit.RPK;
import static org.gutsignal.cohort.AbundanceUnit.TRANSFORMED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AbundanceUnitTest {

    private static final Set<AbundanceUnit> RELATIVE = EnumSet.of(FRACTION, PERCENT, CPM);

    @Test
    void relativeAbundanceScalesConvertByPowersOfTen() {
        assertEquals(OptionalDouble.of(100), FRACTION.factorTo(PERCENT));
        assertEquals(OptionalDouble.of(1e6), FRACTION.factorTo(CPM));
        assertEquals(OptionalDouble.of(1e4), PERCENT.factorTo(CPM));
        assertEquals(OptionalDouble.of(0.01), PERCENT.factorTo(FRACTION));
        assertEquals(OptionalDouble.of(1e-6), CPM.factorTo(FRACTION));
        assertEquals(OptionalDouble.of(1e-4), CPM.factorTo(PERCENT));
    }

    @Test
    void everyUnitConvertsToItselfAndOnlyRelativeScalesToEachOther() {
        for (AbundanceUnit from : AbundanceUnit.values()) {
            for (AbundanceUnit to : AbundanceUnit.values()) {
                boolean exact = from == to || RELATIVE.contains(from) && RELATIVE.contains(to);
                assertEquals(exact, from.convertsExactlyTo(to), from + " → " + to);
                assertEquals(exact, from.factorTo(to).isPresent(), from + " → " + to);
            }
            assertEquals(OptionalDouble.of(1), from.factorTo(from));
        }
        // RPK ↔ CPM needs each sample's total, so it is not a unit conversion
        assertFalse(RPK.convertsExactlyTo(CPM));
        assertFalse(CPM.convertsExactlyTo(RPK));
        for (AbundanceUnit other : EnumSet.complementOf(EnumSet.of(COUNTS))) {
            assertFalse(COUNTS.convertsExactlyTo(other));
        }
        assertFalse(CAPACITY.convertsExactlyTo(CPM));
        assertFalse(TRANSFORMED.convertsExactlyTo(FRACTION));
    }

    /** Down the scale divides by the power of ten (one rounding), never multiplies by its reciprocal. */
    @Test
    void convertMultipliesUpAndDividesDown() {
        double[] values = {0, 12.5, 0.1 + 0.2, 1.0 / 3, 7e-300, 123456.789, Double.MIN_VALUE};
        for (double v : values) {
            assertBits(v * 100, FRACTION.convert(v, PERCENT));
            assertBits(v * 1e6, FRACTION.convert(v, CPM));
            assertBits(v * 1e4, PERCENT.convert(v, CPM));
            assertBits(v / 100, PERCENT.convert(v, FRACTION));
            assertBits(v / 1e6, CPM.convert(v, FRACTION));
            assertBits(v / 1e4, CPM.convert(v, PERCENT));
            for (AbundanceUnit u : AbundanceUnit.values()) {
                assertBits(v, u.convert(v, u));
            }
        }
        // 3.1 % is the fraction 0.031: 3.1 / 100 gives the double of 0.031, 3.1 * 0.01 one ulp more
        assertBits(0.031, PERCENT.convert(3.1, FRACTION));
        assertTrue(3.1 * 0.01 != 0.031);
    }

    @Test
    void convertingWithoutAnExactFactorIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RPK.convert(1, CPM));
        assertEquals("RPK does not convert exactly to CPM", e.getMessage());
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                expected + " vs " + actual);
    }
}
