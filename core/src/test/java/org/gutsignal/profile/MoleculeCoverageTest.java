package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoleculeCoverageTest {

    @Test
    void aMoleculeIsAbsentExactlyWhenNothingWasFound() {
        assertTrue(new MoleculeCoverage("TMA", 0, 2, 0.0, List.of("K20038", "K20037")).absent());
        assertFalse(new MoleculeCoverage("TMA", 1, 2, 0.5, List.of("K20037")).absent());
        // a molecule that looks for nothing (no catalog pathway) is absent too
        assertTrue(new MoleculeCoverage("INDOLE", 0, 0, 0.0, List.of()).absent());
    }

    @Test
    void missingIsAnUnmodifiableCopy() {
        List<String> missing = new ArrayList<>(List.of("K1"));
        MoleculeCoverage c = new MoleculeCoverage("M", 1, 2, 0.5, missing);
        missing.add("K2");
        assertEquals(List.of("K1"), c.missing());
        assertThrows(UnsupportedOperationException.class, () -> c.missing().add("K3"));
    }
}
