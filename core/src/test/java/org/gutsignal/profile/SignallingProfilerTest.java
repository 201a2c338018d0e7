package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;

/** Expected values derived by hand in the comments. */
class SignallingProfilerTest {

    static final SignallingProfiler PROFILER = SignallingProfiler.of(MoleculeCatalog.builtIn());

    @Test
    void genesUsePathwayMinimumForHmbppAndSumsForMarkers() {
        List<String> features = List.of("K01662", "K00099", "K00991", "K12506", "K00919", "K01770", "K03526", "K03527",
                "K00677", "K02535: UDP-3-O-acyl-N-acetylglucosamine deacetylase", "K00677|g__Escherichia.s__Escherichia_coli",
                "K00929", "K01667");
        double[][] rows = {
            {4, 5, 1, 2, 6, 0, 3, 4, 1.5, 2, 100, 0, 7},
            {2, 1, 0, 3, 2, 1, 2, 5, 0.5, 0, 100, 0, 0}};
        SignallingProfile p = PROFILER.profileGenes(FeatureTable.of(List.of("s1", "s2"), features, rows,
                AbundanceUnit.CPM));
        FeatureTable c = p.capacities();
        assertEquals(MoleculeCatalog.builtIn().ids(), c.featureNames());
        assertEquals(AbundanceUnit.CPM, c.unit(), "sums of CPM are CPM-scaled");
        // HMBPP s1: min(dxs 4, dxr 5, ispD+ispDF 1+2, ispE 6, ispF+ispDF 0+2, ispG 3, ispH 4) = 2
        // HMBPP s2: min(2, 1, 0+3, 2, 1+3, 2, 5) = 1
        assertArrayEquals(new double[] {2, 1}, c.column(0), 0.0);
        // LPS = K00677 + K02535 (named row); the stratified row is ignored: s1 1.5+2, s2 0.5+0
        assertArrayEquals(new double[] {3.5, 0.5}, c.column(1), 0.0);
        // BUTYRATE: K00929 present but all zero -> not found, 0
        assertArrayEquals(new double[] {0, 0}, c.column(2), 0.0);
        // INDOLE = K01667
        assertArrayEquals(new double[] {7, 0}, c.column(4), 0.0);
        assertEquals(new MoleculeCoverage("HMBPP", 8, 8, 1.0, List.of()), p.coverage("HMBPP").orElseThrow());
        MoleculeCoverage lps = p.coverage("LPS").orElseThrow();
        assertEquals(2, lps.found());
        assertEquals(7, lps.total());
        assertEquals(List.of("K02536", "K03269", "K00748", "K00912", "K02527"), lps.missing());
        assertEquals(List.of("BUTYRATE", "SECONDARY_BILE_ACIDS", "TMA"), p.absentMolecules());
        assertTrue(p.warnings().contains("BUTYRATE: none of its 4 markers [K00929, K00634, K01034, K01035] was found,"
                + " so its capacity is set to 0 in every sample"), p.warnings().toString());
        assertTrue(p.warnings().contains("LPS: 2 of 7 markers found; missing [K02536, K03269, K00748, K00912, K02527]"));
    }

    @Test
    void aPathwayStepWithNoMarkerMakesTheMinimumZeroAndIsReported() {
        List<String> features = List.of("K01662", "K00099", "K00991", "K00919", "K01770", "K03526");
        double[][] rows = {{1, 1, 1, 1, 1, 1}};
        SignallingProfile p = PROFILER.profileGenes(FeatureTable.of(List.of("s1"), features, rows, AbundanceUnit.RPK));
        assertEquals(0.0, p.capacities().get(0, 0));
        assertEquals(AbundanceUnit.RPK, p.capacities().unit(), "sums of RPK are RPK-scaled");
        assertTrue(p.warnings().contains("HMBPP: step 7 [K03527] has no marker in the table, so the pathway minimum is"
                + " 0 in every sample"), p.warnings().toString());
    }

    @Test
    void pathwaysTakeTheLargestOfTheCatalogsMetaCycPathwaysInEachSample() {
        List<String> features = List.of("NONMEVIPP-PWY: methylerythritol phosphate pathway I", "CENTFERM-PWY",
                "PWY-5676", "NONMEVIPP-PWY|g__Escherichia.s__Escherichia_coli",
                "PWY-7560: methylerythritol phosphate pathway II", "PWY-7754");
        double[][] rows = {{10, 1, 3, 99, 8, 0}, {20, 2, 4, 99, 25, 0.5}};
        SignallingProfile p = PROFILER.profilePathways(FeatureTable.of(List.of("s1", "s2"), features, rows,
                AbundanceUnit.CPM));
        assertEquals(SignallingProfile.Source.PATHWAYS, p.source());
        assertEquals(AbundanceUnit.CPM, p.capacities().unit());
        // HMBPP = max(MEP I, MEP II): s1 max(10, 8), s2 max(20, 25); the stratified row never counts
        assertArrayEquals(new double[] {10, 25}, p.capacities().column(0), 0.0);
        assertEquals(new MoleculeCoverage("HMBPP", 2, 2, 1.0, List.of()), p.coverage("HMBPP").orElseThrow());
        // BUTYRATE = max(CENTFERM-PWY, PWY-5676)
        assertArrayEquals(new double[] {3, 4}, p.capacities().column(2), 0.0);
        // SECONDARY_BILE_ACIDS: HUMAnN 3's PWY-7754 found, HUMAnN 2's 7ALPHADEHYDROX-PWY not
        assertArrayEquals(new double[] {0, 0.5}, p.capacities().column(3), 0.0);
        assertTrue(p.warnings().contains("SECONDARY_BILE_ACIDS: 1 of 2 pathways found; missing [7ALPHADEHYDROX-PWY]"),
                p.warnings().toString());
        assertEquals(List.of("LPS", "INDOLE", "TMA"), p.absentMolecules());
        assertTrue(p.warnings().contains("INDOLE: the catalog lists no MetaCyc pathway, so its capacity is set to 0 in"
                + " every sample"));
    }

    @Test
    void speciesUseTraitsWithSpeciesOverrideAndReportUnknownTaxa() {
        TraitTable traits = TraitTable.of(List.of("HMBPP"), Map.of("g__Bacteroides", new double[] {1},
                "s__Bacteroides_odd", new double[] {0}, "g__Lactobacillus", new double[] {0}));
        List<String> taxa = List.of("s__Bacteroides_uniformis", "s__Bacteroides_odd", "s__Lactobacillus_casei",
                "s__Mystery_bug");
        double[][] rows = {{50, 20, 10, 20}, {10, 30, 40, 20}};
        SignallingProfile p = PROFILER.withTraits(traits).profileSpecies(FeatureTable.of(List.of("s1", "s2"), taxa,
                rows, AbundanceUnit.PERCENT));
        // s1: 50*1 + 20*0 + 10*0 = 50; s2: 10*1 + 30*0 + 40*0 = 10; Mystery_bug unknown
        assertArrayEquals(new double[] {50, 10}, p.capacities().column(0), 0.0);
        assertEquals(AbundanceUnit.PERCENT, p.capacities().unit(), "percent × copies is percent-scaled");
        // known abundance (60 + 50 + 50) / total 200 = 0.8
        assertEquals(new MoleculeCoverage("HMBPP", 3, 4, 0.8, List.of("s__Mystery_bug")),
                p.coverage("HMBPP").orElseThrow());
        assertTrue(p.warnings().contains("HMBPP: 1 of 4 taxa (20.0% of total abundance) have no known trait and count"
                + " as nothing; most abundant: [s__Mystery_bug]"), p.warnings().toString());
        assertTrue(p.absentMolecules().contains("LPS"));
    }

    @Test
    void speciesWithoutTraitTableAndTransformedInputAreRejected() {
        FeatureTable t = FeatureTable.of(List.of("s1"), List.of("s__A_b"), new double[][] {{1}}, AbundanceUnit.PERCENT);
        assertThrows(IllegalStateException.class, () -> PROFILER.profileSpecies(t));
        assertThrows(IllegalArgumentException.class, () -> PROFILER.profileGenes(t.withUnit(AbundanceUnit.TRANSFORMED)));
    }

    @Test
    void baselineScoreIsMeanStimulatoryMinusMeanInhibitoryZScoreOfLog1p() {
        // HMBPP log1p = 0, 1, 2 -> z = -1, 0, 1; LPS log1p = 0, 0, 3 -> mean 1, sd sqrt(3) -> z = -1/√3, -1/√3, 2/√3
        // TMA constant -> skipped; INDOLE unclear -> ignored
        double[][] rows = {
            {0, 0, 5, 0},
            {Math.expm1(1), 0, 1, 0},
            {Math.expm1(2), Math.expm1(3), 0, 0}};
        FeatureTable caps = FeatureTable.of(List.of("a", "b", "c"), List.of("HMBPP", "LPS", "INDOLE", "TMA"), rows,
                AbundanceUnit.CAPACITY);
        BaselineScore s = BaselineScore.compute(caps, MoleculeCatalog.builtIn());
        double r3 = Math.sqrt(3);
        assertArrayEquals(new double[] {-1 + 1 / r3, 1 / r3, 1 - 2 / r3}, s.scores(), 1e-12);
        assertEquals(List.of("HMBPP"), s.stimulatory());
        assertEquals(List.of("LPS"), s.inhibitory());
        assertEquals(List.of("TMA"), s.skipped());
    }

    private static Molecule marker(String id, List<String> markers) {
        List<List<String>> steps = new ArrayList<>();
        markers.forEach(m -> steps.add(List.of(m)));
        return new Molecule(id, id, "", steps, List.of(), Aggregation.MARKER, Direction.STIMULATORY, "", "", "");
    }

    private static final TraitTable GENERA = TraitTable.of(List.of("HMBPP"),
            Map.of("g__Bacteroides", new double[] {1}, "g__Lactobacillus", new double[] {0}));

    @Test
    void featuresWithTheSameIdAreSummedAndStratifiedRowsNeverCount() {
        SignallingProfiler profiler = SignallingProfiler.of(MoleculeCatalog.of(List.of(marker("M", List.of("K1", "K2")))));
        FeatureTable genes = FeatureTable.of(List.of("s1", "s2"), List.of("K1: name one", "K1", "K2|g__X.s__X_y"),
                new double[][] {{1, 2, 5}, {0, 3, 5}}, AbundanceUnit.RPK);
        SignallingProfile p = profiler.profileGenes(genes);
        // K1 = 1 + 2 and 0 + 3; K2 exists only stratified, so it is missing
        assertArrayEquals(new double[] {3, 3}, p.capacities().column(0), 0.0);
        assertEquals(new MoleculeCoverage("M", 1, 2, 0.5, List.of("K2")), p.coverage("M").orElseThrow());
        assertEquals(List.of("M: 1 of 2 markers found; missing [K2]"), p.warnings());
        assertEquals(List.of("s1", "s2"), p.capacities().sampleIds());
        assertEquals(SignallingProfile.Source.GENES, p.source());
        assertEquals(List.of(), p.absentMolecules());
        assertTrue(p.coverage("OTHER").isEmpty());
    }

    @Test
    void aPathwaysOnlyMoleculeIsProfiledFromPathwaysAndReportedAbsentFromGenes() throws Exception {
        SignallingProfiler profiler = SignallingProfiler.of(MoleculeCatalog.read(MoleculeCatalogTest.resource(
                "catalog_pathways_only.csv")));
        SignallingProfile genes = profiler.profileGenes(FeatureTable.of(List.of("s1", "s2"),
                List.of("K01667", "K01662"), new double[][] {{2, 9}, {0, 9}}, AbundanceUnit.RPK));
        // MEP has no gene marker: a zero column, absent, with a warning that says why; IND = K01667
        assertEquals(List.of("MEP", "IND"), genes.capacities().featureNames());
        assertArrayEquals(new double[] {0, 0}, genes.capacities().column(0), 0.0);
        assertArrayEquals(new double[] {2, 0}, genes.capacities().column(1), 0.0);
        assertEquals(new MoleculeCoverage("MEP", 0, 0, 0.0, List.of()), genes.coverage("MEP").orElseThrow());
        assertEquals(List.of("MEP"), genes.absentMolecules());
        assertEquals(List.of("MEP: the catalog lists no gene marker, only MetaCyc pathways [NONMEVIPP-PWY, PWY-7560],"
                + " so its capacity is set to 0 in every sample (profile a pathway table for it)"), genes.warnings());
        SignallingProfile pathways = profiler.profilePathways(FeatureTable.of(List.of("s1", "s2"),
                List.of("NONMEVIPP-PWY", "PWY-7560"), new double[][] {{5, 7}, {3, 0}}, AbundanceUnit.CPM));
        // MEP = max(I, II): 7 and 3; IND lists no pathway
        assertArrayEquals(new double[] {7, 3}, pathways.capacities().column(0), 0.0);
        assertEquals(List.of("IND"), pathways.absentMolecules());
    }

    @Test
    void longListsOfMissingMarkersShowTheFirstTen() {
        List<String> markers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            markers.add(String.format("K%02d", i));
        }
        SignallingProfiler profiler = SignallingProfiler.of(MoleculeCatalog.of(List.of(marker("BIG", markers))));
        SignallingProfile p = profiler.profileGenes(FeatureTable.of(List.of("s1"), List.of("K99"),
                new double[][] {{4}}, AbundanceUnit.COUNTS));
        assertEquals(List.of("BIG: none of its 12 markers [K01, K02, K03, K04, K05, K06, K07, K08, K09, K10] and 2"
                + " more was found, so its capacity is set to 0 in every sample"), p.warnings());
        assertEquals(List.of("BIG"), p.absentMolecules());
        assertEquals(12, p.coverage("BIG").orElseThrow().missing().size());
    }

    @Test
    void speciesTablesIgnoreHigherRanksAndReportUnknownTaxaByAbundance() {
        List<String> taxa = List.of("k__Bacteria|g__Bacteroides", "k__Bacteria|g__Bacteroides|s__Bacteroides_uniformis",
                "s__Lactobacillus_casei", "UNCLASSIFIED");
        double[][] rows = {{60, 50, 10, 40}, {30, 20, 10, 70}};
        SignallingProfile p = PROFILER.withTraits(GENERA).profileSpecies(FeatureTable.of(List.of("s1", "s2"), taxa,
                rows, AbundanceUnit.PERCENT));
        assertEquals(SignallingProfile.Source.SPECIES, p.source());
        // the genus row is ignored; s1: 50·1 + 10·0 = 50, s2: 20·1 + 10·0 = 20; UNCLASSIFIED is unknown
        assertArrayEquals(new double[] {50, 20}, p.capacities().column(0), 0.0);
        // summed abundance of used taxa: uniformis 70, casei 20, UNCLASSIFIED 110 -> known (70 + 20) / 200
        assertEquals(new MoleculeCoverage("HMBPP", 2, 3, 0.45, List.of("UNCLASSIFIED")),
                p.coverage("HMBPP").orElseThrow());
        assertTrue(p.warnings().contains("1 rows of ranks above species were ignored because the table has species"
                + " rows"), p.warnings().toString());
        assertTrue(p.warnings().contains("HMBPP: 1 of 3 taxa (55.0% of total abundance) have no known trait and count"
                + " as nothing; most abundant: [UNCLASSIFIED]"), p.warnings().toString());
        // LPS is no column of the trait table: every used taxon is unknown, most abundant first
        assertEquals(new MoleculeCoverage("LPS", 0, 3, 0.0, List.of("UNCLASSIFIED",
                "k__Bacteria|g__Bacteroides|s__Bacteroides_uniformis", "s__Lactobacillus_casei")),
                p.coverage("LPS").orElseThrow());
        assertTrue(p.warnings().contains("LPS: not a column of the trait table, so its capacity is set to 0 in every"
                + " sample"));
        assertEquals(List.of("LPS", "BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA"), p.absentMolecules());
    }

    @Test
    void genusRowsCountWhenTheTableHasNoSpeciesRows() {
        SignallingProfile p = PROFILER.withTraits(GENERA).profileSpecies(FeatureTable.of(List.of("s1"),
                List.of("g__Bacteroides", "g__Lactobacillus"), new double[][] {{3, 1}}, AbundanceUnit.COUNTS));
        assertEquals(3.0, p.capacities().get(0, 0));
        assertEquals(1.0, p.coverage("HMBPP").orElseThrow().fraction());
        assertTrue(p.warnings().stream().noneMatch(w -> w.contains("ranks above species")), p.warnings().toString());
    }

    @Test
    void aSpeciesTableWithNoKnownTaxonSaysSoAndSortsTiesByName() {
        SignallingProfile p = PROFILER.withTraits(GENERA).profileSpecies(FeatureTable.of(List.of("s1"),
                List.of("s__Zeta_bug", "s__Alpha_bug"), new double[][] {{5, 5}}, AbundanceUnit.COUNTS));
        assertEquals(new MoleculeCoverage("HMBPP", 0, 2, 0.0, List.of("s__Alpha_bug", "s__Zeta_bug")),
                p.coverage("HMBPP").orElseThrow());
        assertTrue(p.warnings().contains("HMBPP: no taxon of the table has a known trait, so its capacity is set to 0"
                + " in every sample"), p.warnings().toString());
    }

    @Test
    void argumentErrorsAreNamed() {
        assertEquals("catalog", assertThrows(NullPointerException.class, () -> SignallingProfiler.of(null))
                .getMessage());
        assertEquals("traitTable", assertThrows(NullPointerException.class, () -> PROFILER.withTraits(null))
                .getMessage());
        assertSame(MoleculeCatalog.builtIn(), PROFILER.catalog());
        FeatureTable t = FeatureTable.of(List.of("s1"), List.of("PWY"), new double[][] {{-1}}, AbundanceUnit.TRANSFORMED);
        assertEquals("expected abundances but the table's unit is TRANSFORMED",
                assertThrows(IllegalArgumentException.class, () -> PROFILER.profilePathways(t)).getMessage());
        assertEquals("profileSpecies needs a trait table: use withTraits(TraitTable)",
                assertThrows(IllegalStateException.class, () -> PROFILER.profileSpecies(t)).getMessage());
    }
}
