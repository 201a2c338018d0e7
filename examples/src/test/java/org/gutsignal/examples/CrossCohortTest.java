package org.gutsignal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The cross-cohort example runs on the bundled data and reports what a reviewer needs, never a zero-width CI. */
class CrossCohortTest {

    @Test
    void perCohortPoolsCoverageAndAReading() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        CrossCohort.Findings f = CrossCohort.run(CrossCohort.LEE, SyntheticData.DIR,
                new PrintStream(text, true, StandardCharsets.UTF_8), 2);
        String printed = text.toString(StandardCharsets.UTF_8);
        for (String group : new String[] {"Barcelona", "Leeds", "PRIMM-NL", "PRIMM-UK", "site1", "site5"}) {
            assertTrue(printed.contains("   " + group), group + "\n" + printed);
        }
        assertFalse(printed.contains("[0.500, 0.500]"), printed);
        assertTrue(printed.contains("not a cross-cohort estimate"), printed);
        // the Lee model needs 469 species the synthetic pool lacks (601 − 132 shared, counted in the files)
        assertTrue(f.refusal().startsWith("the table lacks 469 of the 601 model input features"), f.refusal());
        assertEquals(469, f.coverage().absentFeatures().size());
        assertTrue(f.coverage().absentVarianceShare() > 0 && f.coverage().absentVarianceShare() <= 0.5);
        // the generator's truth: molecule capacities carry the signal across sites, species do not
        assertTrue(f.synthMolecules().estimate() > 0.6 && f.synthSpecies().estimate() < 0.55, f.toString());
        assertTrue(f.synthMolecules().predictionInterval95().lower() > 0.5, f.toString());
        assertTrue(printed.contains("Reading"), printed);
    }
}
