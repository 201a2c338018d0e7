package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.junit.jupiter.api.Test;

/** Expected traits derived by hand in the comments, sample by sample. */
class TraitTableLearnTest {

    private static FeatureTable pathways() throws Exception {
        return FeatureTableReader.humann().withStratifiedRows(true)
                .read(MoleculeCatalogTest.resource("learn_pathways_stratified.tsv"));
    }

    @Test
    void aPathwayTableGivesSpeciesAndGenusRowsNamedAsSpeciesProfilesLookThemUp() throws Exception {
        TraitTable.Learned learned = TraitTable.learn(pathways(), MoleculeCatalog.builtIn(), 0.5);
        TraitTable t = learned.traits();
        // only HMBPP (MEP pathway rows) and LPS (NAGLIPASYN-PWY) have a pathway among the stratified rows
        assertEquals(List.of("HMBPP", "LPS"), t.moleculeIds());
        assertEquals(List.of("BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA"), learned.moleculesWithoutEvidence());
        // seen: any non-zero row. uniformis S1-S4 (UMP); coli S1-S4; faecalis S1-S4; dorei S1, S2; rectale S1;
        // Ghost_bug never (no row). Genus rows pool species; g__Lachnospiraceae_unclassified is no genus name.
        assertEquals(List.of("s__Bacteroides_uniformis", "s__Escherichia_coli", "s__Enterococcus_faecalis",
                "s__Bacteroides_dorei", "s__Eubacterium_rectale", "g__Bacteroides", "g__Escherichia",
                "g__Enterococcus"), t.taxa());
        assertEquals(5, learned.species());
        assertEquals(3, learned.genera());
        assertEquals(1, learned.unclassifiedRows());
        assertEquals(List.of("g__Lachnospiraceae_unclassified"), learned.skippedTaxa());
        // HMBPP: uniformis carries MEP I in S1, S3 of 4 seen = 0.5 >= 0.5; coli MEP II in S2, MEP I in S4 = 0.5;
        // dorei, faecalis, rectale never
        assertEquals(OptionalDouble.of(1), t.trait("s__Bacteroides_uniformis", "HMBPP"));
        assertEquals(OptionalDouble.of(1), t.trait("s__Escherichia_coli", "HMBPP"));
        assertEquals(OptionalDouble.of(0), t.trait("s__Bacteroides_dorei", "HMBPP"));
        assertEquals(OptionalDouble.of(0), t.trait("s__Enterococcus_faecalis", "HMBPP"));
        // g__Bacteroides: seen S1-S4, carried S1, S3 (uniformis) = 0.5
        assertEquals(OptionalDouble.of(1), t.trait("g__Bacteroides", "HMBPP"));
        // LPS: coli 4 of 4; nobody else
        assertEquals(OptionalDouble.of(1), t.trait("s__Escherichia_coli", "LPS"));
        assertEquals(OptionalDouble.of(0), t.trait("s__Bacteroides_uniformis", "LPS"));
        assertEquals(Map.of("HMBPP", 2, "LPS", 1), learned.speciesWithTrait());
        assertEquals(Map.of("HMBPP", 2, "LPS", 1), learned.generaWithTrait());
        assertEquals(OptionalDouble.empty(), t.trait("s__Ghost_bug", "HMBPP"));
    }

    @Test
    void theThresholdIsInclusiveAndCarriedOverSeen() throws Exception {
        // uniformis and coli carry HMBPP in exactly half of their samples
        TraitTable above = TraitTable.learn(pathways(), MoleculeCatalog.builtIn(), Math.nextUp(0.5)).traits();
        assertEquals(OptionalDouble.of(0), above.trait("s__Bacteroides_uniformis", "HMBPP"));
        assertEquals(OptionalDouble.of(0), above.trait("s__Escherichia_coli", "HMBPP"));
        assertEquals(OptionalDouble.of(0), above.trait("g__Bacteroides", "HMBPP"));
        assertEquals(OptionalDouble.of(1), above.trait("s__Escherichia_coli", "LPS"), "4 of 4 passes any threshold");
        TraitTable all = TraitTable.learn(pathways(), MoleculeCatalog.builtIn(), 1.0).traits();
        assertEquals(OptionalDouble.of(1), all.trait("s__Escherichia_coli", "LPS"));
    }

    @Test
    void learnedTraitsFeedSpeciesProfilesWithGenusFallback() throws Exception {
        TraitTable traits = TraitTable.learn(pathways(), MoleculeCatalog.builtIn(), 0.5).traits();
        FeatureTable species = FeatureTable.of(List.of("p1"), List.of("s__Bacteroides_uniformis",
                "s__Bacteroides_ovatus", "s__Enterococcus_faecalis", "s__Mystery_bug"),
                new double[][] {{50, 20, 10, 20}}, AbundanceUnit.PERCENT);
        SignallingProfile p = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(traits)
                .profileSpecies(species);
        // uniformis 50·1 + ovatus (no row: g__Bacteroides) 20·1 + faecalis 10·0; Mystery_bug unknown
        assertEquals(70.0, p.capacities().get(0, 0));
        assertEquals(new MoleculeCoverage("HMBPP", 3, 4, 0.8, List.of("s__Mystery_bug")),
                p.coverage("HMBPP").orElseThrow());
        // LPS: the three known taxa lack it (a known 0, not absent); molecules not learned are absent
        assertEquals(0.0, p.capacities().get(0, 1));
        assertEquals(3, p.coverage("LPS").orElseThrow().found());
        assertEquals(List.of("BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA"), p.absentMolecules());
    }

    /** P = min(K1, K2 + K3) as a PATHWAY_MIN molecule; M = K4 as a MARKER molecule. */
    private static final MoleculeCatalog STEPS = MoleculeCatalog.of(List.of(
            new Molecule("P", "p", "", List.of(List.of("K1"), List.of("K2", "K3")), List.of(),
                    Aggregation.PATHWAY_MIN, Direction.STIMULATORY, "", "", ""),
            new Molecule("M", "m", "", List.of(List.of("K4")), List.of(), Aggregation.MARKER, Direction.INHIBITORY,
                    "", "", ""),
            new Molecule("Q", "q", "", List.of(), List.of("PWY-1"), Aggregation.MARKER, Direction.UNCLEAR, "", "",
                    "")));

    private static FeatureTable kos() {
        List<String> features = List.of("K1", "K1: step one|g__A.s__A_x", "K2|g__A.s__A_x", "K3|g__A.s__A_x",
                "K2|g__A.s__A_y", "K4|g__A.s__A_y", "K4|g__B", "K1|unclassified");
        double[][] rows = {
            {9, 1, 1, 0, 1, 1, 0, 4},
            {9, 1, 0, 2, 0, 0, 0, 4},
            {9, 1, 0, 0, 0, 0, 3, 4}};
        return FeatureTable.of(List.of("s1", "s2", "s3"), features, rows, AbundanceUnit.RPK);
    }

    @Test
    void aKoTableNeedsEveryStepOfAPathwayMinMoleculeAndAnyMarkerOfAMarkerMolecule() {
        TraitTable.Learned learned = TraitTable.learn(kos(), STEPS, 2.0 / 3);
        TraitTable t = learned.traits();
        assertEquals(List.of("P", "M"), t.moleculeIds());
        assertEquals(List.of("Q"), learned.moleculesWithoutEvidence());
        assertEquals(List.of("s__A_x", "s__A_y", "g__A", "g__B"), t.taxa());
        // A_x: seen s1-s3; K1 in all, step 2 (K2 or K3) in s1 (K2) and s2 (K3), not s3 -> P in 2 of 3
        assertEquals(OptionalDouble.of(1), t.trait("s__A_x", "P"));
        assertEquals(OptionalDouble.of(0), t.trait("s__A_x", "M"));
        // A_y: seen s1 only; no K1 -> no P; K4 in s1 -> M in 1 of 1
        assertEquals(OptionalDouble.of(0), t.trait("s__A_y", "P"));
        assertEquals(OptionalDouble.of(1), t.trait("s__A_y", "M"));
        // g__A pools x and y: seen s1-s3, P in s1, s2 (2/3), M in s1 (1/3)
        assertEquals(OptionalDouble.of(1), t.trait("g__A", "P"));
        assertEquals(OptionalDouble.of(0), t.trait("g__A", "M"));
        // g__B: a genus-level stratum, seen in s3 with K4
        assertEquals(OptionalDouble.of(1), t.trait("g__B", "M"));
        assertEquals(1, learned.unclassifiedRows());
        assertEquals(Map.of("P", 1, "M", 1), learned.speciesWithTrait());
        assertEquals(Map.of("P", 1, "M", 1), learned.generaWithTrait());
        // just above 2/3, the 2-of-3 taxa lose P
        TraitTable above = TraitTable.learn(kos(), STEPS, Math.nextUp(2.0 / 3)).traits();
        assertEquals(OptionalDouble.of(0), above.trait("s__A_x", "P"));
        assertEquals(OptionalDouble.of(0), above.trait("g__A", "P"));
        assertEquals(OptionalDouble.of(1), above.trait("s__A_y", "M"));
    }

    @Test
    void learnedListsAndMapsAreUnmodifiableCopies() {
        TraitTable.Learned learned = TraitTable.learn(kos(), STEPS, 0.5);
        assertThrows(UnsupportedOperationException.class, () -> learned.speciesWithTrait().put("X", 1));
        assertThrows(UnsupportedOperationException.class, () -> learned.moleculesWithoutEvidence().add("X"));
        assertThrows(UnsupportedOperationException.class, () -> learned.skippedTaxa().add("X"));
        assertThrows(UnsupportedOperationException.class, () -> learned.generaWithTrait().clear());
    }

    @Test
    void badArgumentsAndTablesWithoutUsableStrataAreRefusedWithTheReason() {
        FeatureTable community = FeatureTable.of(List.of("s1"), List.of("K1", "K2"), new double[][] {{1, 2}},
                AbundanceUnit.RPK);
        assertEquals("expected stratified rows such as K00001|g__Genus.s__species but the table's 2 features have"
                + " none; read HUMAnN tables with FeatureTableReader.humann().withStratifiedRows(true)",
                assertThrows(IllegalArgumentException.class, () -> TraitTable.learn(community, STEPS, 0.5))
                        .getMessage());
        FeatureTable other = FeatureTable.of(List.of("s1"), List.of("K9|g__A.s__A_x"), new double[][] {{1}},
                AbundanceUnit.RPK);
        assertEquals("none of the catalog's markers or pathways [P, M, Q] is the feature of a classified stratified"
                + " row, so no trait can be learned",
                assertThrows(IllegalArgumentException.class, () -> TraitTable.learn(other, STEPS, 0.5)).getMessage());
        // K1 only unclassified: not evidence for P
        FeatureTable onlyUnclassified = FeatureTable.of(List.of("s1"), List.of("K1|unclassified", "K9|g__A.s__A_x"),
                new double[][] {{1, 1}}, AbundanceUnit.RPK);
        assertThrows(IllegalArgumentException.class, () -> TraitTable.learn(onlyUnclassified, STEPS, 0.5));
        FeatureTable unclassified = FeatureTable.of(List.of("s1"), List.of("K1|unclassified", "K4|g__Z.s__Z_z"),
                new double[][] {{1, 0}}, AbundanceUnit.RPK);
        assertEquals("no species or genus of the table's stratified rows has a non-zero value, so no trait can be"
                + " learned", assertThrows(IllegalArgumentException.class,
                        () -> TraitTable.learn(unclassified, STEPS, 0.5)).getMessage());
        for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertEquals("minPrevalence must be in (0, 1] (a fraction of samples) but was " + bad,
                    assertThrows(IllegalArgumentException.class, () -> TraitTable.learn(kos(), STEPS, bad))
                            .getMessage());
        }
        assertEquals("expected abundances but the table's unit is TRANSFORMED", assertThrows(
                IllegalArgumentException.class, () -> TraitTable.learn(kos().withUnit(AbundanceUnit.TRANSFORMED),
                        STEPS, 0.5)).getMessage());
        assertEquals("catalog", assertThrows(NullPointerException.class, () -> TraitTable.learn(kos(), null, 0.5))
                .getMessage());
    }
}
