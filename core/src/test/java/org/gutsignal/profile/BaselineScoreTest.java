package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;

/** Expected values by hand; the three-molecule case is in SignallingProfilerTest. */
class BaselineScoreTest {

    private static final MoleculeCatalog CATALOG = MoleculeCatalog.builtIn();
    private static final double E1 = Math.expm1(1);
    private static final double R2 = Math.sqrt(2);

    private static FeatureTable caps(List<String> molecules, double[][] rows) {
        return FeatureTable.of(List.of("a", "b"), molecules, rows, AbundanceUnit.CAPACITY);
    }

    @Test
    void withOnlyStimulatoryMoleculesTheInhibitorySideCountsZero() {
        // HMBPP log1p = 0, 1: mean 1/2, sd √((1/4 + 1/4) / 1) = 1/√2 -> z = -1/√2, 1/√2
        BaselineScore s = BaselineScore.compute(caps(List.of("HMBPP"), new double[][] {{0}, {E1}}), CATALOG);
        assertArrayEquals(new double[] {-1 / R2, 1 / R2}, s.scores(), 1e-12);
        assertEquals(List.of("a", "b"), s.sampleIds());
        assertEquals(List.of(), s.inhibitory());
    }

    @Test
    void inhibitoryMoleculesCountNegativeAndAreAveraged() {
        // LPS log1p 0, 1 -> z -1/√2, 1/√2; SECONDARY_BILE_ACIDS log1p 1, 0 -> z 1/√2, -1/√2; mean 0, 0
        BaselineScore s = BaselineScore.compute(caps(List.of("LPS", "SECONDARY_BILE_ACIDS"),
                new double[][] {{0, E1}, {E1, 0}}), CATALOG);
        assertArrayEquals(new double[] {0, 0}, s.scores(), 1e-12);
        assertEquals(List.of("LPS", "SECONDARY_BILE_ACIDS"), s.inhibitory());
        // LPS alone: score = -z
        BaselineScore lps = BaselineScore.compute(caps(List.of("LPS"), new double[][] {{0}, {E1}}), CATALOG);
        assertArrayEquals(new double[] {1 / R2, -1 / R2}, lps.scores(), 1e-12);
    }

    @Test
    void columnsOutsideTheCatalogAndUnclearMoleculesAreIgnored() {
        // BUTYRATE is unclear (ignored, not "skipped" even though constant); OTHER is no catalog molecule
        BaselineScore s = BaselineScore.compute(caps(List.of("OTHER", "BUTYRATE", "TMA"),
                new double[][] {{100, 3, 0}, {0, 3, E1}}), CATALOG);
        assertArrayEquals(new double[] {-1 / R2, 1 / R2}, s.scores(), 1e-12);
        assertEquals(List.of("TMA"), s.stimulatory());
        assertEquals(List.of(), s.skipped());
    }

    @Test
    void onlyConstantMoleculesGiveZeroScoresAndAreListedAsSkipped() {
        BaselineScore s = BaselineScore.compute(caps(List.of("HMBPP", "LPS"), new double[][] {{0, 2}, {0, 2}}),
                CATALOG);
        assertArrayEquals(new double[] {0, 0}, s.scores(), 0.0);
        assertEquals(List.of("HMBPP", "LPS"), s.skipped());
        s.scores()[0] = 9;
        assertEquals(0.0, s.scores()[0]);
    }

    @Test
    void needsAbundancesAndAtLeastTwoSamples() {
        FeatureTable transformed = FeatureTable.of(List.of("a", "b"), List.of("HMBPP"), new double[][] {{-1}, {1}},
                AbundanceUnit.TRANSFORMED);
        assertEquals("expected non-negative capacities but the unit is TRANSFORMED",
                assertThrows(IllegalArgumentException.class, () -> BaselineScore.compute(transformed, CATALOG))
                        .getMessage());
        FeatureTable one = FeatureTable.of(List.of("a"), List.of("HMBPP"), new double[][] {{1}},
                AbundanceUnit.CAPACITY);
        assertEquals("standardising across the cohort needs at least 2 samples, found 1",
                assertThrows(IllegalArgumentException.class, () -> BaselineScore.compute(one, CATALOG))
                        .getMessage());
    }
}
