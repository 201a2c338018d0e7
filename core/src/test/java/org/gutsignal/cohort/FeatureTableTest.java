package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

    private final FeatureTable table = FeatureTable.of(List.of("s1", "s2", "s3"), List.of("a", "b"),
            new double[][] {{1, 2}, {3, 4}, {5, 6}}, AbundanceUnit.COUNTS);

    @Test
    void selectsSamplesAndFeaturesInTheGivenOrder() {
        FeatureTable sub = table.selectSamples(List.of("s3", "s1")).selectFeatures(List.of("b"));
        assertEquals(List.of("s3", "s1"), sub.sampleIds());
        assertArrayEquals(new double[] {6, 2}, sub.column(0));
        assertEquals(AbundanceUnit.COUNTS, sub.unit());
    }

    @Test
    void rowsAndColumnsAreCopies() {
        double[] row = table.row(1);
        row[0] = 99;
        assertEquals(3, table.get(1, 0));
        assertArrayEquals(new double[] {2, 4, 6}, table.column(1));
    }

    @Test
    void rejectsDuplicateIdsNonFiniteAndNegativeAbundances() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
                List.of("s1", "s1"), List.of("a"), new double[][] {{1}, {2}}, AbundanceUnit.COUNTS));
        assertTrue(dup.getMessage().contains("duplicate sample id 's1'"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(List.of("s1"), List.of("a"),
                new double[][] {{Double.NaN}}, AbundanceUnit.TRANSFORMED));
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
                List.of("s1"), List.of("a"), new double[][] {{-1}}, AbundanceUnit.PERCENT));
        assertTrue(neg.getMessage().contains("negative"), neg.getMessage());
        assertEquals(-1, FeatureTable.of(List.of("s1"), List.of("a"), new double[][] {{-1}},
                AbundanceUnit.TRANSFORMED).get(0, 0));
    }

    @Test
    void unknownSelectionIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.selectFeatures(List.of("zzz")));
        assertEquals("no feature 'zzz' in this table", e.getMessage());
    }
}
