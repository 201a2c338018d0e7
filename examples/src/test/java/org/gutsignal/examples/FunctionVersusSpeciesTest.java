package org.gutsignal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gutsignal.eval.Auroc;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.model.LogisticTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reduced FunctionVersusSpecies (coarser λ paths, 3 inner folds) on the bundled synthetic
 * cohort. The generator's molecule signal reaches AUROC ≈ 0.70 with the true capacities
 * (testdata/synthetic/README.md), so a molecule model must beat chance across sites.
 */
class FunctionVersusSpeciesTest {

    private static SyntheticData data;

    @BeforeAll
    static void load() throws Exception {
        data = SyntheticData.load();
    }

    @Test
    void leaveOneSiteOutComparisonRunsAndPrints() {
        LogisticTrainer molecules = Trainers.molecules().withFolds(3);
        LogisticTrainer species = Trainers.species().withFolds(3);
        FunctionVersusSpecies.Comparison c = FunctionVersusSpecies.compare(data, Splitters.leaveOneGroupOut(), 2,
                molecules, species);
        assertEquals(List.of("site1", "site2", "site3", "site4", "site5"),
                List.copyOf(c.molecules().aurocByGroup().keySet()));
        Auroc pooled = c.molecules().auroc();
        assertTrue(pooled.value() > 0.58 && pooled.value() < 0.75, "pooled molecule AUROC " + pooled.value());
        Auroc.Comparison d = c.delong(null);
        assertEquals(pooled.value(), d.aurocA(), 1e-12);
        assertEquals(c.species().auroc().value(), d.aurocB(), 1e-12);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        FunctionVersusSpecies.printSites(c, data.molecules(), out);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("site5") && text.contains("pooled"), text);
        assertTrue(FunctionVersusSpecies.verdict(c, c).startsWith("Verdict: across sites the molecule model"));
    }
}
