package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.junit.jupiter.api.Test;

/** HMBPP capacity of the real Lee 2022 cohort from its MetaPhlAn species and the built-in trait table. */
class Lee2022HmbppTest {

    private static final Path SPECIES = Path.of(System.getProperty("gutsignal.testdata", "../testdata"), "lee2022",
            "species_relab.tsv");

    @Test
    void hmbppCapacityAndCoverageOnTheRealCohort() throws Exception {
        FeatureTable species = FeatureTableReader.metaphlan().read(SPECIES);
        SignallingProfile profile = SignallingProfiler.of(MoleculeCatalog.builtIn())
                .withTraits(TraitTable.builtInHmbpp()).profileSpecies(species);
        FeatureTable capacities = profile.capacities();
        assertEquals(164, capacities.sampleCount());
        MoleculeCoverage hmbpp = profile.coverage("HMBPP").orElseThrow();
        // coverage = share of total abundance whose genus the built-in table knows; an independent
        // awk/python sum over the genera of species_relab.tsv gave 0.979 (see hmbpp_traits.README.md)
        assertEquals(0.979, hmbpp.fraction(), 0.005, hmbpp.toString());
        // Capacity (percent of the community that can make HMBPP) lies in [0, 100] for every sample
        // and is dominated by MEP users: the median sample is well above half the community.
        double[] values = capacities.column(capacities.indexOfFeature("HMBPP"));
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        assertTrue(sorted[0] >= 0 && sorted[sorted.length - 1] <= 100.01, sorted[0] + " .. " + sorted[sorted.length - 1]);
        assertTrue(sorted[sorted.length / 2] > 50, "median " + sorted[sorted.length / 2]);
    }
}
