package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.junit.jupiter.api.Test;

/**
 * The bioBakery layouts, one small file each in the exact published layout (values chosen so
 * the sums and shares can be checked by hand); the real published files are tested in
 * RealFormatsTest.
 */
class BioBakeryLayoutsTest {

    private static Path file(String name) throws Exception {
        return Path.of(BioBakeryLayoutsTest.class.getResource("/io/layouts/" + name).toURI());
    }

    @Test
    void metaphlan4SingleSampleProfile() throws Exception {
        ReadReport r = FeatureTableReader.metaphlan().readWithReport(file("SRR1_profile.txt"));
        FeatureTable t = r.table();
        assertEquals(List.of("SRR1"), t.sampleIds(), "the file name without '_profile.txt' (#SampleID is the placeholder)");
        assertEquals(List.of("s__Bacteroides_uniformis", "s__Roseburia_intestinalis"), t.featureNames());
        assertEquals(45.5, t.get(0, 0));
        assertEquals(30.0, t.get(0, 1));
        assertEquals(AbundanceUnit.PERCENT, r.unit());
        assertEquals("MetaPhlAn single-sample profile (#mpa_vJan21_CHOCOPhlAnSGB_202103)", r.format());
        assertEquals(Map.of("SRR1", 0.1), r.shares().get("UNCLASSIFIED"), "UNCLASSIFIED 10.0 of 100");
        assertEquals(Map.of("UNCLASSIFIED", 1, "rank k__", 1, "rank p__", 1, "rank t__", 1), r.droppedRows());
        assertEquals(List.of(), r.warnings(), "kingdom 90 + unclassified 10 = 100");
    }

    @Test
    void metaphlan3ProfileNamedByItsSampleIdLine() throws Exception {
        FeatureTable t = FeatureTableReader.metaphlan().read(file("v3_named_sample.tsv"));
        assertEquals(List.of("patient_07"), t.sampleIds());
        assertEquals(70.25, t.get(0, t.indexOfFeature("s__Faecalibacterium_prausnitzii")));
    }

    @Test
    void metaphlan2HeaderlessProfileNamedByItsFile() throws Exception {
        ReadReport r = FeatureTableReader.metaphlan().readWithReport(file("SRS011084_metaphlan_bugs_list.tsv"));
        assertEquals(List.of("SRS011084"), r.table().sampleIds());
        assertEquals(37.5, r.table().get(0, r.table().indexOfFeature("s__Ruminococcus_bromii")));
        assertEquals("MetaPhlAn single-sample profile", r.format());
    }

    @Test
    void biobakeryWorkflowsTaxonomyHeaderAndSuffixesStripped() throws Exception {
        ReadReport r = FeatureTableReader.metaphlan().readWithReport(file("workflows_taxonomy.tsv"));
        assertEquals(List.of("A1", "A2"), r.table().sampleIds());
        assertEquals(Map.of("A1_taxonomic_profile", "A1", "A2_taxonomic_profile", "A2"), r.renamedSamples());
        assertEquals(90.0, r.table().get(1, r.table().indexOfFeature("s__Ruminococcus_bromii")));
        FeatureTable kept = FeatureTableReader.metaphlan().withSampleIdSuffixes(false)
                .read(file("workflows_taxonomy.tsv"));
        assertEquals(List.of("A1_taxonomic_profile", "A2_taxonomic_profile"), kept.sampleIds());
        FeatureTable renamed = FeatureTableReader.metaphlan().withSampleIdRename(id -> "patient-" + id)
                .read(file("workflows_taxonomy.tsv"));
        assertEquals(List.of("patient-A1", "patient-A2"), renamed.sampleIds());
    }

    @Test
    void fractionsInAPercentTableAreRefusedWithTheFix() throws Exception {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.metaphlan().read(file("fractions_as_percent.tsv")));
        assertEquals("fractions_as_percent.tsv, line 1, column 2 ('S1'): the k__ rows of this column sum to 1: the "
                + "table holds fractions, not MetaPhlAn's percent; read it with withUnit(AbundanceUnit.FRACTION)",
                e.getMessage());
        FeatureTable t = FeatureTableReader.metaphlan().withUnit(AbundanceUnit.FRACTION)
                .read(file("fractions_as_percent.tsv"));
        assertEquals(0.9, t.get(1, 1));
    }

    @Test
    void humannUnitFromTheColumnSuffixesAndSpecialRowShares() throws Exception {
        ReadReport r = FeatureTableReader.humann().readWithReport(file("ko_cpm.tsv"));
        assertEquals(AbundanceUnit.CPM, r.unit());
        assertEquals("header", r.unitSource());
        assertEquals(List.of("S1", "S2"), r.table().sampleIds());
        assertEquals(List.of("K01662", "K00099"), r.table().featureNames());
        assertEquals(Map.of("S1", 0.4, "S2", 0.5), r.shares().get("UNMAPPED"), "UNMAPPED / 1e6");
        assertEquals(Map.of("UNMAPPED", 1, "stratified", 1), r.droppedRows());
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.humann().withUnit(AbundanceUnit.RPK).read(file("ko_cpm.tsv")));
        assertEquals("ko_cpm.tsv, line 1, column 2 ('S1_Abundance-CPM'): the unit was stated as RPK but the column "
                + "suffix says CPM", e.getMessage());
    }

    @Test
    void galaxyTabularRelativeAbundance() throws Exception {
        ReadReport r = FeatureTableReader.humann().readWithReport(file("paths_relab.tabular"));
        assertEquals(AbundanceUnit.FRACTION, r.unit());
        assertEquals(0.2, r.table().get(0, 0));
        assertEquals(0.5, r.shares().get("UNINTEGRATED").get("S1"));
    }

    @Test
    void pathwayCoverageIsRefused() {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.humann().read(file("pathcoverage.tsv")));
        assertEquals("pathcoverage.tsv, line 1, column 2 ('S1_Coverage'): this is a HUMAnN pathway coverage column: "
                + "coverage is the confidence (0 to 1) that a pathway is complete, not an abundance; read the "
                + "pathabundance table instead", e.getMessage());
    }

    @Test
    void aBadCellInADroppedStratifiedRowIsStillAnError() {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.humann().read(file("humann4_bad_stratified.tsv")));
        assertEquals("humann4_bad_stratified.tsv, line 5, column 2 ('S1_Abundance-RPKs'): expected a number but "
                + "found 'abc'", e.getMessage());
    }

    @Test
    void humann4SpecialRowsAreLeftOutAndCounted() throws Exception {
        Path f = file("humann4_bad_stratified.tsv");
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("humann4", ".tsv");
        java.nio.file.Files.writeString(copy, java.nio.file.Files.readString(f).replace("abc", "30.0"));
        ReadReport r = FeatureTableReader.humann().readWithReport(copy);
        assertEquals(List.of("K01662"), r.table().featureNames());
        assertEquals(Map.of("READS_UNMAPPED", 1, "UNMAPPED", 1, "stratified", 1), r.droppedRows());
        assertEquals(500.0 / 650, r.shares().get("READS_UNMAPPED").get("S1"), 1e-15);
        java.nio.file.Files.delete(copy);
    }

    @Test
    void uniref90GenesAreRefusedByTheProfilerWithTheRegroupCommand() throws Exception {
        FeatureTable genes = FeatureTableReader.humann().read(file("uniref90.tsv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(genes));
        assertEquals("profileGenes needs KEGG orthologs (K#####) but the table's 2 features are UniRef90 gene families "
                + "(2 of them, e.g. 'UniRef90_A0A174'); regroup them to KOs first: humann_regroup_table --groups "
                + "uniref90_ko", e.getMessage());
        assertTrue(genes.unit() == AbundanceUnit.RPK);
    }

    @Test
    void perSampleProfilesMergeIntoOneTableWithAbsentSpeciesAsZero() throws Exception {
        ReadReport r = FeatureTableReader.metaphlan().readAll(List.of(file("SRR1_profile.txt"),
                file("v3_named_sample.tsv"), file("SRS011084_metaphlan_bugs_list.tsv")));
        FeatureTable t = r.table();
        assertEquals(List.of("SRR1", "patient_07", "SRS011084"), t.sampleIds());
        assertEquals(List.of("s__Bacteroides_uniformis", "s__Roseburia_intestinalis", "s__Faecalibacterium_prausnitzii",
                "s__Escherichia_coli", "s__Roseburia_hominis", "s__Ruminococcus_bromii"), t.featureNames());
        assertEquals(45.5, t.get(0, 0));
        assertEquals(0.0, t.get(1, 0), "B. uniformis is absent from patient_07's profile");
        assertEquals(37.5, t.get(2, 5));
        // each sample has 2 of the 6 species: 3 × 4 values filled
        assertEquals("filled 12 values with 0 in 3 samples: a feature absent from a file counts as 0 (not detected) "
                + "for that file's samples", r.warnings().get(0));
        assertEquals(0.1, r.shares().get("UNCLASSIFIED").get("SRR1"));
        ReadReport dir = FeatureTableReader.metaphlan().readDirectory(file("SRR1_profile.txt").getParent(),
                "{SRR1_profile.txt,v3_named_sample.tsv}");
        assertEquals(List.of("SRR1", "patient_07"), dir.table().sampleIds(), "name order");
        Path folder = file("SRR1_profile.txt").getParent();
        assertEquals(List.of(folder.resolve("SRR1_profile.txt"), folder.resolve("v3_named_sample.tsv")),
                FeatureTableReader.filesIn(folder, "{v3_named_sample.tsv,SRR1_profile.txt}"), "name order");
        java.nio.file.NoSuchFileException none = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> FeatureTableReader.filesIn(folder, "*.nothing"));
        assertEquals(folder + ": no file matches '*.nothing'", none.getMessage());
    }

    @Test
    void filesInDifferentUnitsOrWithTheSameSamplesDoNotMerge() throws Exception {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> FeatureTableReader.humann()
                .readAll(List.of(file("ko_cpm.tsv"), file("uniref90.tsv"))));
        assertEquals("sample id 'S1' is in ko_cpm.tsv and in uniref90.tsv: sample ids must be unique across the files "
                + "(rename them with withSampleIdRename)", dup.getMessage());
        Path dir = java.nio.file.Files.createTempDirectory("merge");
        Path rpk = java.nio.file.Files.writeString(dir.resolve("uniref90.tsv"),
                "# Gene Family\tS9_Abundance-RPKs\nUniRef90_A0A174\t10\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureTableReader.humann()
                .readAll(List.of(file("ko_cpm.tsv"), rpk)));
        java.nio.file.Files.delete(rpk);
        java.nio.file.Files.delete(dir);
        assertEquals("cannot merge 2 files: table 0 is in CPM but table 1 is in RPK: convert them to one unit before "
                + "merging; their units are [CPM (ko_cpm.tsv), RPK (uniref90.tsv)]", e.getMessage());
    }
}
