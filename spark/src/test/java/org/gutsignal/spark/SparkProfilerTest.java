package org.gutsignal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-sample files profiled on Spark against the core on one machine: the synthetic cohort's HUMAnN KO table, the
 * real Lee 2022 MetaPhlAn profiles and the HUMAnN pathway table, cut into per-sample files (plain, gzip, bzip2);
 * every capacity equal bit for bit, whatever the number of partitions.
 */
class SparkProfilerTest {

    private static final int KO_SAMPLES = 40;

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static List<String> koIds;
    private static List<String> speciesIds;
    private static List<String> pathwayIds;

    @BeforeAll
    static void files() throws IOException {
        spark = TestSpark.session();
        koIds = PerSampleFiles.split(TestSpark.testdata("synthetic/ko.tsv"), 0, KO_SAMPLES, dir.resolve("ko"),
                "_ko.tsv");
        speciesIds = PerSampleFiles.split(TestSpark.testdata("lee2022/species_relab.tsv"), 0, 30,
                dir.resolve("species"), "_profile.tsv");
        pathwayIds = PerSampleFiles.split(TestSpark.testdata("formats/humann_pathways.tsv"), 0, 3,
                dir.resolve("pathways"), "_pathabundance.tsv");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void genesEqualTheCoreOnTheJoinedTableBitForBit(int partitions) throws IOException {
        Dataset<Row> df = SparkProfiler.of(spark, SignallingProfile.Source.GENES).withPartitions(partitions)
                .profile(dir.resolve("ko").toUri().toString());
        assertEquals(partitions, df.rdd().getNumPartitions());
        SignallingProfile core = SignallingProfiler.of(MoleculeCatalog.builtIn())
                .profileGenes(FeatureTableReader.humann(), TestSpark.testdata("synthetic/ko.tsv"));
        List<Row> rows = df.collectAsList();
        assertEquals(KO_SAMPLES, rows.size());
        assertSameCapacities(core.capacities(), rows);
        assertTrue(rows.stream().allMatch(r -> r.getAs("source").equals("genes")));
        assertTrue(rows.stream().allMatch(r -> r.getAs("unit").equals("RPK")), "HUMAnN's default unit");
    }

    @Test
    void genesEqualTheCoreOnEachFileWithItsCoverage() throws IOException {
        List<Row> rows = SparkProfiler.of(spark, SignallingProfile.Source.GENES)
                .profile(dir.resolve("ko").toString() + "/P00[0-1]*_ko.tsv*").collectAsList();
        assertEquals(19, rows.size()); // P0001 … P0019
        SignallingProfiler profiler = SignallingProfiler.of(MoleculeCatalog.builtIn());
        for (Row r : rows) {
            Path file = Path.of(java.net.URI.create(r.getAs("file")));
            SignallingProfile p = profiler.profileGenes(FeatureTableReader.humann(), file);
            assertEquals(p.capacities().sampleIds().get(0), r.getAs("sample_id"));
            assertSameCapacities(p.capacities(), List.of(r));
            for (int m = 0; m < p.coverage().size(); m++) {
                String id = p.coverage().get(m).moleculeId();
                assertEquals(Double.doubleToLongBits(p.coverage().get(m).fraction()),
                        Double.doubleToLongBits(r.<Double>getAs("coverage_" + id)), id);
            }
            assertEquals(String.join(" | ", p.warnings()), r.getAs("warnings"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void realMetaphlanProfilesEqualTheCoreBitForBit(int partitions) throws IOException {
        Dataset<Row> df = SparkProfiler.of(spark, SignallingProfile.Source.SPECIES).withPartitions(partitions)
                .profile(dir.resolve("species").toString());
        FeatureTable species = FeatureTableReader.metaphlan().read(TestSpark.testdata("lee2022/species_relab.tsv"));
        SignallingProfile core = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(TraitTable.builtInHmbpp())
                .profileSpecies(species.selectSamples(speciesIds));
        List<Row> rows = df.collectAsList();
        assertEquals(speciesIds.size(), rows.size());
        assertSameCapacities(core.capacities(), rows);
        assertTrue(rows.stream().allMatch(r -> r.getAs("unit").equals("PERCENT")));
    }

    @Test
    void pathwaysEqualTheCore() throws IOException {
        List<Row> rows = SparkProfiler.of(spark, SignallingProfile.Source.PATHWAYS).withPartitions(2)
                .profile(dir.resolve("pathways").toString()).collectAsList();
        SignallingProfile core = SignallingProfiler.of(MoleculeCatalog.builtIn())
                .profilePathways(FeatureTableReader.humann().read(TestSpark.testdata("formats/humann_pathways.tsv")));
        assertEquals(pathwayIds.size(), rows.size());
        assertSameCapacities(core.capacities(), rows);
    }

    @Test
    void filesOnANonLocalFileSystemAreCopiedAndProfiledAsTheCore() throws IOException {
        spark.sparkContext().hadoopConfiguration().set("fs." + CopyOnlyFileSystem.SCHEME + ".impl",
                CopyOnlyFileSystem.class.getName());
        String uri = CopyOnlyFileSystem.SCHEME + "://" + dir.resolve("species").toAbsolutePath();
        List<Row> rows = SparkProfiler.of(spark, SignallingProfile.Source.SPECIES).withPartitions(3).profile(uri)
                .collectAsList();
        FeatureTable species = FeatureTableReader.metaphlan().read(TestSpark.testdata("lee2022/species_relab.tsv"));
        SignallingProfile core = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(TraitTable.builtInHmbpp())
                .profileSpecies(species.selectSamples(speciesIds));
        assertEquals(speciesIds.size(), rows.size());
        assertTrue(rows.stream().allMatch(r -> r.<String>getAs("file").startsWith(CopyOnlyFileSystem.SCHEME + ":/")));
        assertSameCapacities(core.capacities(), rows);

        Path bad = dir.resolve("bad-remote");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("S9_profile.tsv"), "clade_name\tS9\nk__Bacteria|s__Escherichia_coli\t-1\n");
        Exception e = assertThrows(Exception.class, () -> SparkProfiler.of(spark, SignallingProfile.Source.SPECIES)
                .profile(CopyOnlyFileSystem.SCHEME + "://" + bad.toAbsolutePath()).collectAsList());
        assertTrue(Errors.message(e).startsWith(CopyOnlyFileSystem.SCHEME + ":" + bad.resolve("S9_profile.tsv")
                + ", line 2, column 2"), Errors.message(e));
    }

    @Test
    void aBadFileFailsTheJobNamingItsUriLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("S1_ko.tsv"), "# Gene Family\tS1\nK01662\t1.5\n");
        Files.writeString(bad.resolve("S2_ko.tsv"), "# Gene Family\tS2\nK01662\t1.5\nK00099\tabc\n");
        Exception e = assertThrows(Exception.class, () -> SparkProfiler.of(spark, SignallingProfile.Source.GENES)
                .profile(bad.toString()).collectAsList());
        String uri = bad.resolve("S2_ko.tsv").toUri().toString().replace("file:///", "file:/");
        assertEquals(uri + ", line 3, column 2 ('S2'): expected a number but found 'abc'", Errors.message(e));
    }

    @Test
    void aBadCatalogOrTraitTableIsRefusedNamingItsUriAndLine() throws IOException {
        Path catalog = dir.resolve("my_catalog.csv");
        Files.writeString(catalog, "id,name,host_target,markers,pathways,aggregation,direction,evidence,reference,"
                + "verified\nHMBPP,x,y,K01662,,NO_SUCH_AGGREGATION,stimulatory,e,r,yes\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkProfiler.of(spark,
                SignallingProfile.Source.GENES).withCatalog(catalog.toString()));
        assertTrue(e.getMessage().startsWith(catalog + ", line 2"), e.getMessage());
        Path traits = dir.resolve("my_traits.csv");
        Files.writeString(traits, "taxon,HMBPP\ng__Escherichia,maybe\n");
        e = assertThrows(IllegalArgumentException.class, () -> SparkProfiler.of(spark,
                SignallingProfile.Source.SPECIES).withTraits(traits.toString()));
        assertTrue(e.getMessage().startsWith(traits + ", line 2"), e.getMessage());
    }

    @Test
    void aGlobThatMatchesNothingIsRefusedNamingIt() {
        String glob = dir.resolve("ko").toString() + "/*.nothing";
        Exception e = assertThrows(java.io.FileNotFoundException.class,
                () -> SparkProfiler.of(spark, SignallingProfile.Source.GENES).profile(glob));
        assertEquals(glob + ": no file matches", e.getMessage());
    }

    /** Rows of the Spark output against a core capacities table: same samples in order, capacities bit for bit. */
    static void assertSameCapacities(FeatureTable core, List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int s = core.indexOfSample(r.getAs("sample_id"));
            assertTrue(s >= 0, "sample " + r.getAs("sample_id"));
            for (int m = 0; m < core.featureCount(); m++) {
                String id = core.featureNames().get(m);
                assertEquals(Double.doubleToLongBits(core.get(s, m)), Double.doubleToLongBits(r.<Double>getAs(id)),
                        r.getAs("sample_id") + " " + id);
            }
        }
    }
}
