package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.MoleculeCoverage;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {

    static final Path TRAITS = Path.of("testdata/synthetic/traits.tsv");

    @TempDir
    Path dir;

    private static void assertCoverage(SignallingProfile expected, Path file) throws Exception {
        List<List<String>> rows = Cli.rows(file);
        assertEquals(List.of("molecule", "found", "total", "fraction", "missing"), rows.get(0));
        assertEquals(expected.coverage().size() + 1, rows.size());
        for (int k = 0; k < expected.coverage().size(); k++) {
            MoleculeCoverage c = expected.coverage().get(k);
            List<String> row = rows.get(k + 1);
            assertEquals(c.moleculeId(), row.get(0));
            assertEquals(c.found(), Integer.parseInt(row.get(1)));
            assertEquals(c.total(), Integer.parseInt(row.get(2)));
            assertEquals(c.fraction(), Double.parseDouble(row.get(3)));
            assertEquals(String.join(";", c.missing()), row.get(4));
        }
    }

    @Test
    void aKoTableGivesTheProfilersCapacitiesAndCoverage() throws Exception {
        Path out = dir.resolve("capacities.tsv");
        Cli.Run r = Cli.run("profile", MergeTest.KO, "--unit", "CPM", "-o", out);
        assertEquals(0, r.code(), r.toString());
        SignallingProfile p = SignallingProfiler.of(MoleculeCatalog.builtIn())
                .profileGenes(FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(MergeTest.KO));
        assertEquals(p.capacities(), FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM).read(out));
        assertEquals("sample_id\tHMBPP\tLPS\tBUTYRATE\tSECONDARY_BILE_ACIDS\tINDOLE\tTMA", Files.readAllLines(out).get(0));
        assertCoverage(p, dir.resolve("capacities.coverage.tsv"));
        assertTrue(r.err().contains("unit CPM"), r.err());
    }

    @Test
    void kindGenesStreamsTheTableAndWritesTheSameBytesAsAuto() throws Exception {
        Path auto = dir.resolve("auto.tsv");
        Path genes = dir.resolve("genes.tsv");
        assertEquals(0, Cli.run("profile", MergeTest.KO, "--unit", "CPM", "-o", auto).code());
        Cli.Run r = Cli.run("profile", MergeTest.KO, "--unit", "CPM", "--kind", "genes", "-o", genes);
        assertEquals(0, r.code(), r.toString());
        assertEquals(Files.readString(auto), Files.readString(genes));
        assertEquals(Files.readString(dir.resolve("auto.coverage.tsv")), Files.readString(dir.resolve("genes.coverage.tsv")));
        assertTrue(r.err().contains("from genes, unit CPM"), r.err());
    }

    @Test
    void aSpeciesTableWithTheTrueTraitsGivesTheTrueCapacities() throws Exception {
        Path out = dir.resolve("caps.csv");
        Cli.Run r = Cli.run("profile", MergeTest.SPECIES, "--traits", TRAITS, "-o", out);
        assertEquals(0, r.code(), r.toString());
        FeatureTable species = FeatureTableReader.metaphlan().read(MergeTest.SPECIES);
        SignallingProfile p = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(TraitTable.read(TRAITS))
                .profileSpecies(species);
        FeatureTable written = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.PERCENT).read(out);
        assertEquals(p.capacities(), written);
        assertCoverage(p, dir.resolve("caps.coverage.csv"));
        // independent: the synthetic cohort's true capacities are Σ percent × copies over the species
        FeatureTable truth = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CAPACITY)
                .read(Path.of("testdata/synthetic/capacities.tsv"));
        for (int i = 0; i < truth.sampleCount(); i++) {
            for (int j = 0; j < truth.featureCount(); j++) {
                double t = truth.get(i, j);
                assertEquals(t, written.get(i, written.indexOfFeature(truth.featureNames().get(j))), 1e-9 * (1 + t));
            }
        }
    }

    @Test
    void theBuiltInTraitsKnowOnlyHmbppAndSaySo() throws Exception {
        Path out = dir.resolve("hmbpp.tsv");
        Cli.Run r = Cli.run("profile", MergeTest.SPECIES, "-o", out);
        assertEquals(0, r.code(), r.toString());
        SignallingProfile p = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(TraitTable.builtInHmbpp())
                .profileSpecies(FeatureTableReader.metaphlan().read(MergeTest.SPECIES));
        assertEquals(p.capacities(), FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.PERCENT).read(out));
        assertFalse(p.warnings().isEmpty());
        for (String w : p.warnings()) {
            assertTrue(r.err().contains("warning: " + w), w);
        }
        assertEquals(0, Cli.run("profile", MergeTest.SPECIES, "-o", out, "--quiet").err().length());
    }

    @Test
    void anAmbiguousKindAnOutputOverAnInputAndMalformedTraitsExitThree() throws Exception {
        Path caps = Path.of("testdata/synthetic/capacities.tsv");
        Cli.Run ambiguous = Cli.run("profile", caps, "--unit", "CAPACITY", "-o", dir.resolve("x.tsv"));
        assertEquals(3, ambiguous.code());
        assertEquals("gutsignal profile: cannot tell whether 6 features beginning [HMBPP, LPS, BUTYRATE] (a samples"
                + " table) are genes, pathways or species: give --kind genes|pathways|species\n", ambiguous.err());

        Path table = Files.copy(MergeTest.SPECIES, dir.resolve("p.coverage.tsv"));
        Cli.Run over = Cli.run("profile", table, "-o", dir.resolve("p.tsv"));
        assertEquals(3, over.code());
        assertEquals("gutsignal profile: the coverage file of -o " + dir.resolve("p.coverage.tsv") + " is the input file "
                + table + ": choose another output, gutsignal never writes over its inputs\n", over.err());
        assertFalse(Files.exists(dir.resolve("p.tsv")), "nothing written");

        Path traits = Files.writeString(dir.resolve("traits.csv"), "taxon,HMBPP\ng__Bacteroides,1\ng__Prevotella,-1\n");
        Cli.Run bad = Cli.run("profile", MergeTest.SPECIES, "--traits", traits, "-o", dir.resolve("y.tsv"));
        assertEquals(3, bad.code());
        assertTrue(bad.err().startsWith("gutsignal profile: " + traits + ", line 3, column 2"), bad.err());
        assertEquals(1, bad.err().lines().count());
    }
}
