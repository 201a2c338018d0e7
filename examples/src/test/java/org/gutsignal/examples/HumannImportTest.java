package org.gutsignal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HumannImport on the bundled HUMAnN format samples; expected numbers are read off the files by hand. */
class HumannImportTest {

    @Test
    void profilesRenormalisesSavesAndScores(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        HumannImport.Result r = HumannImport.run(HumannImport.FORMATS, SyntheticData.DIR, tmp,
                new PrintStream(buf, true, StandardCharsets.UTF_8));

        // HMBPP from genes = min over the MEP steps (ispDF K12506 absent counts 0 in its sums).
        FeatureTable genes = r.genes().capacities();
        int hmbpp = genes.indexOfFeature("HMBPP");
        assertEquals(119.75, genes.get(0, hmbpp), 1e-12); // S01: ispH is the smallest step
        assertEquals(9.125, genes.get(1, hmbpp), 1e-12);  // S02: ispD
        assertEquals(List.of("K12506"), r.genes().coverage("HMBPP").orElseThrow().missing());
        assertEquals(3.5, genes.get(0, genes.indexOfFeature("BUTYRATE")), 1e-12);

        // From pathways, the largest of each molecule's pathways: HMBPP = NONMEVIPP-PWY (PWY-7560 is not in
        // the file), BUTYRATE = max(CENTFERM-PWY 4.1025, PWY-5676 2.0051).
        FeatureTable pw = r.pathways().capacities();
        assertEquals(98.4213, pw.get(0, pw.indexOfFeature("HMBPP")), 1e-12);
        assertEquals(4.1025, pw.get(0, pw.indexOfFeature("BUTYRATE")), 1e-12);
        assertEquals(22.7781, pw.get(2, pw.indexOfFeature("BUTYRATE")), 1e-12); // S03: max(22.7781, 18.25)

        // CPM: S01's community rows (UNMAPPED, UNGROUPED, the nine KOs) sum to 1e6 after renormalisation.
        double total = 18345.5 + 6631.875 + 184.835 + 169.225 + 148.6 + 138.625 + 132.75 + 125.625 + 119.75 + 36.375
                + 3.5;
        FeatureTable cpm = r.cpm().capacities();
        assertEquals(119.75 * 1e6 / total, cpm.get(0, cpm.indexOfFeature("HMBPP")), 1e-9);
        assertEquals(List.of("LPS", "SECONDARY_BILE_ACIDS", "TMA"), r.cpm().absentMolecules());

        assertTrue(Files.exists(tmp.resolve("model.json")));
        assertEquals(r.model().coefficients().length, r.reread().coefficients().length);
        assertTrue(java.util.Arrays.equals(r.model().coefficients(), r.reread().coefficients()));
        for (int i = 0; i < 3; i++) {
            assertTrue(r.scores()[i] > 0 && r.scores()[i] < 1);
            assertTrue(r.neutral()[i] > 0 && r.neutral()[i] < 1);
        }
        // The explanation adds up to the score it explains.
        double eta = r.explained().intercept();
        for (var c : r.explained().contributions()) {
            eta += c.contribution();
        }
        assertEquals(r.neutral()[0], 1 / (1 + Math.exp(-eta)), 1e-12);
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("read back: identical"), printed);
        // every molecule column is in the profiled table (absent molecules as 0 columns): nothing filled
        assertTrue(printed.contains("; missing (filled with 0): none, carrying 0.0 of the model's linear-predictor"
                + " variance\n  unit: the table is in CPM, the unit the model was trained on\n"), printed);
    }
}
