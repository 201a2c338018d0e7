package org.gutsignal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.transform.MissingFeaturePolicy;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scoring on Spark against {@link ResponseModel#score} on the same rows: molecule capacities and raw KO abundances of
 * the synthetic cohort, probabilities equal bit for bit whatever the partitions and batches; the core's unit and
 * missing-feature refusals.
 */
class SparkScorerTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static FeatureTable capacities;
    private static ResponseModel moleculeModel;
    private static FeatureTable ko;
    private static ResponseModel koModel;

    @BeforeAll
    static void models() throws IOException {
        spark = TestSpark.session();
        SampleMetadata meta = MetadataReader.gutsignal().read(TestSpark.testdata("synthetic/metadata.tsv"));
        capacities = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM)
                .read(TestSpark.testdata("synthetic/capacities.tsv"));
        Cohort c = Cohort.join(capacities, meta, JoinPolicy.LENIENT, "capacities.tsv", "metadata.tsv");
        moleculeModel = LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(7)
                .withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize())).fit(c);
        FeatureTable allKos = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM)
                .read(TestSpark.testdata("synthetic/ko.tsv"));
        ko = allKos.selectFeatures(allKos.featureNames().subList(0, 60)); // a wide table costs Spark's codegen time
        Cohort k = Cohort.join(ko, meta, JoinPolicy.LENIENT, "ko.tsv", "metadata.tsv");
        koModel = LogisticTrainer.withDefaults().withAlpha(1.0).withLambdas(new double[] {0.02}).withSeed(7)
                .withPreprocessing(Preprocessing.of(Transform.log10HalfMinPositive(), Transform.standardize())).fit(k);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void moleculeProbabilitiesEqualTheCoreBitForBit(int partitions) {
        Dataset<Row> scored = SparkScorer.of(spark, moleculeModel).withUnit(AbundanceUnit.CPM).withBatch(97)
                .score(Frames.of(spark, capacities, false, partitions));
        assertSameProbabilities(moleculeModel.score(capacities), capacities, scored.collectAsList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void rawKoProbabilitiesEqualTheCoreBitForBit(int partitions) {
        Dataset<Row> scored = SparkScorer.of(spark, koModel).score(Frames.of(spark, ko, true, partitions));
        assertSameProbabilities(koModel.score(ko), ko, scored.collectAsList());
    }

    @Test
    void aModelFileOnAnyFileSystemScoresAsTheModel() throws IOException {
        Path file = dir.resolve("model.json");
        ModelFiles.write(moleculeModel, file);
        Dataset<Row> scored = SparkScorer.read(spark, file.toUri().toString()).score(Frames.of(spark, capacities,
                true, 3));
        assertSameProbabilities(moleculeModel.score(capacities), capacities, scored.collectAsList());
    }

    @Test
    void aBadModelFileIsRefusedNamingItsUriAndLine() throws IOException {
        Path file = dir.resolve("bad_model.json");
        ModelFiles.write(moleculeModel, file);
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
        lines.set(2, lines.get(2) + " oops");
        java.nio.file.Files.write(file, lines);
        IOException e = assertThrows(IOException.class, () -> SparkScorer.read(spark, file.toString()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(file + ", line 3"), e.getMessage());
    }

    @Test
    void aRepeatedSampleIdIsRefusedWhateverThePartitions() {
        String id = capacities.sampleIds().get(5);
        Dataset<Row> repeated = Frames.of(spark, capacities, true, 3).union(Frames.of(spark, capacities.selectSamples(
                List.of(id)), true, 1)); // the repeat in a partition, and so a batch, of its own
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkScorer.of(spark,
                moleculeModel).score(repeated).collectAsList());
        assertEquals("sample id '" + id + "' is in 2 rows: sample ids must be unique", e.getMessage());
    }

    @Test
    void percentConvertsExactlyAsTheCoreConvertsIt() {
        ResponseModel percentModel = moleculeModel.withInputUnit(AbundanceUnit.PERCENT);
        FeatureTable fraction = capacities.withUnit(AbundanceUnit.FRACTION);
        Dataset<Row> scored = SparkScorer.of(spark, percentModel).score(Frames.of(spark, fraction, true, 3));
        assertSameProbabilities(percentModel.score(fraction), fraction, scored.collectAsList());
    }

    @Test
    void aUnitTheCoreRefusesIsRefusedWithItsMessage() {
        FeatureTable rpk = capacities.withUnit(AbundanceUnit.RPK);
        String core = assertThrows(IllegalArgumentException.class, () -> moleculeModel.score(rpk)).getMessage();
        // stated: refused on the driver
        assertEquals(core, assertThrows(IllegalArgumentException.class, () -> SparkScorer.of(spark, moleculeModel)
                .withUnit(AbundanceUnit.RPK).score(Frames.of(spark, rpk, false, 2))).getMessage());
        // per row: refused by the core on the executor
        Exception e = assertThrows(Exception.class, () -> SparkScorer.of(spark, moleculeModel)
                .score(Frames.of(spark, rpk, true, 2)).collectAsList());
        assertEquals(core, Errors.message(e));
    }

    @Test
    void anUnknownUnitIsRefused() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> SparkScorer.of(spark, moleculeModel)
                .score(Frames.of(spark, capacities, false, 1)));
        assertEquals("the table's unit is unknown: it has no 'unit' column and its model columns no gutsignal.unit"
                + " metadata; state it with withUnit (the model's unit is CPM)", e.getMessage());
    }

    @Test
    void missingFeaturesAreRefusedOrFilledAsTheCoreDoes() {
        FeatureTable noTma = capacities.selectFeatures(List.of("HMBPP", "LPS", "BUTYRATE", "SECONDARY_BILE_ACIDS",
                "INDOLE"));
        String core = assertThrows(IllegalArgumentException.class, () -> moleculeModel.scoreWithCoverage(noTma))
                .getMessage();
        assertEquals(core, assertThrows(IllegalArgumentException.class, () -> SparkScorer.of(spark, moleculeModel)
                .score(Frames.of(spark, noTma, true, 2))).getMessage());
        ResponseModel filling = moleculeModel.withMissingFeatures(MissingFeaturePolicy.fillZero(0.99));
        Dataset<Row> scored = SparkScorer.of(spark, moleculeModel).withMissingFeatures(MissingFeaturePolicy
                .fillZero(0.99)).score(Frames.of(spark, noTma, true, 3));
        assertSameProbabilities(filling.scoreWithCoverage(noTma).probabilities(), noTma, scored.collectAsList());
        assertEquals(List.of("TMA"), SparkScorer.of(spark, moleculeModel).withMissingFeatures(MissingFeaturePolicy
                .fillZero(0.99)).coverage(Frames.of(spark, noTma, true, 1).schema()).absentFeatures());
    }

    @Test
    void profilesOfPerSampleFilesScoreAsTheCoreScoresTheJoinedTable(@TempDir Path files) throws IOException {
        List<String> ids = PerSampleFiles.split(TestSpark.testdata("synthetic/ko.tsv"), 0, 25, files, "_ko.tsv");
        Dataset<Row> profiles = SparkProfiler.of(spark, SignallingProfile.Source.GENES).withUnit(AbundanceUnit.CPM)
                .withPartitions(3).profile(files.toString());
        ResponseModel m = moleculeModel;
        FeatureTable core = org.gutsignal.profile.SignallingProfiler.of(org.gutsignal.profile.MoleculeCatalog.builtIn())
                .profileGenes(FeatureTableReader.humann(), TestSpark.testdata("synthetic/ko.tsv")).capacities()
                .withUnit(AbundanceUnit.CPM).selectSamples(ids);
        assertSameProbabilities(m.score(core), core, SparkScorer.of(spark, m).score(profiles).collectAsList());
    }

    private static void assertSameProbabilities(double[] expected, FeatureTable table, List<Row> rows) {
        assertEquals(table.sampleCount(), rows.size());
        for (Row r : rows) {
            String id = r.getAs("sample_id");
            int i = table.indexOfSample(id);
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(r.<Double>getAs("probability")),
                    id);
        }
    }
}
