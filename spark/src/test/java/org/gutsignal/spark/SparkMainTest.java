package org.gutsignal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.PermutationTest;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.FeatureTableWriter;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.model.LambdaRule;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gutsignal-spark} commands end to end in the test's Spark session: profile per-sample files to Parquet,
 * score them with a model file, permutation-test a capacities table; every number against the core's.
 */
class SparkMainTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static List<String> ids;

    @BeforeAll
    static void files() throws IOException {
        spark = TestSpark.session();
        ids = PerSampleFiles.split(TestSpark.testdata("synthetic/ko.tsv"), 0, 30, dir.resolve("ko"), "_ko.tsv");
    }

    @Test
    void profileThenScoreGiveTheCoresProbabilities() throws IOException {
        Path caps = dir.resolve("caps.parquet");
        Run profile = run("profile", dir.resolve("ko").toString(), "--kind", "genes", "--unit", "CPM", "--partitions",
                "3", "-o", caps.toString());
        assertEquals(0, profile.code, profile.err);
        FeatureTable core = SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(FeatureTableReader.humann()
                .withUnit(AbundanceUnit.CPM), TestSpark.testdata("synthetic/ko.tsv")).capacities().selectSamples(ids);
        SparkProfilerTest.assertSameCapacities(core, spark.read().parquet(caps.toString()).collectAsList());

        Cohort train = Cohort.join(FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM)
                .read(TestSpark.testdata("synthetic/capacities.tsv")), MetadataReader.gutsignal()
                .read(TestSpark.testdata("synthetic/metadata.tsv")), JoinPolicy.LENIENT, "capacities", "metadata");
        ResponseModel model = LogisticTrainer.withDefaults().withSeed(3).fit(train);
        Path modelFile = dir.resolve("model.json");
        ModelFiles.write(model, modelFile);
        Path scores = dir.resolve("scores.csv");
        Run score = run("score", caps.toString(), "--model", modelFile.toString(), "-o", scores.toString());
        assertEquals(0, score.code, score.err);
        assertTrue(score.err.contains("6 of 6 model input features present; the table is in CPM, the unit the model was trained on"), score.err);
        double[] expected = model.score(core);
        List<Row> rows = spark.read().option("header", "true").csv(scores.toString()).collectAsList();
        assertEquals(ids.size(), rows.size());
        for (Row r : rows) {
            int i = core.indexOfSample(r.getString(0));
            // the CSV holds Java's round-trip text of each double
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(Double.parseDouble(
                    r.getString(1))), r.getString(0));
        }

        Run again = run("score", caps.toString(), "--model", modelFile.toString(), "-o", scores.toString());
        assertEquals(SparkMain.BAD_INPUT, again.code);
        assertEquals("gutsignal-spark score: -o " + scores + " exists: choose another output, gutsignal-spark never"
                + " writes over a file or directory\n", again.err);
        Run overInput = run("score", caps.toString(), "--model", modelFile.toString(), "-o", caps.toString());
        assertTrue(overInput.err.contains("is the input"), overInput.err);
    }

    @Test
    void permutationTestGivesTheCoresPValueWhateverTheFilesAndSplits() throws IOException {
        FeatureTable capacities = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM)
                .read(TestSpark.testdata("synthetic/capacities.tsv"));
        List<String> some = new ArrayList<>();
        for (int i = 0; i < capacities.sampleCount(); i += 5) {
            some.add(capacities.sampleIds().get(i)); // in sample-id order, the cohort's order on Spark
        }
        Path table = dir.resolve("some_capacities.tsv");
        FeatureTableWriter.samplesAsRows().write(capacities.selectSamples(some), table);
        // the same rows as part files of unequal sizes, not in id order: Spark reads the largest first
        List<String> lines = Files.readAllLines(table);
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        Path parts = dir.resolve("some_capacities_parts.tsv");
        Files.createDirectories(parts);
        writeLines(parts.resolve("part-00000.tsv"), header, rows.subList(140, rows.size()));
        writeLines(parts.resolve("part-00001.tsv"), header, rows.subList(0, 20));
        writeLines(parts.resolve("part-00002.tsv"), header, rows.subList(20, 140));

        Cohort cohort = Cohort.join(capacities.selectSamples(some), MetadataReader.gutsignal()
                .read(TestSpark.testdata("synthetic/metadata.tsv")), JoinPolicy.LENIENT, "t", "m");
        LogisticTrainer trainer = LogisticTrainer.withDefaults().withAlpha(0.5).withLambdaRule(LambdaRule.MIN)
                .withFolds(4).withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize()))
                .withClassBalancing(false).withSeed(5);
        PermutationTest core = CrossValidation.of(Splitters.stratifiedKFold(4, 5)).permutationTest(trainer::fit,
                cohort, 7, 5);
        assertSamePermutationTest(core, permutationTest(table, "perm"));
        assertSamePermutationTest(core, permutationTest(parts, "perm-parts"));
        String maxPartitionBytes = "spark.sql.files.maxPartitionBytes";
        String before = spark.conf().get(maxPartitionBytes);
        spark.conf().set(maxPartitionBytes, "1k"); // each part file split into several tasks
        try {
            assertSamePermutationTest(core, permutationTest(parts, "perm-small-splits"));
        } finally {
            spark.conf().set(maxPartitionBytes, before);
        }
    }

    private static Path permutationTest(Path table, String name) {
        Path out = dir.resolve(name);
        Run perm = run("permutation-test", table.toString(), "-m", TestSpark.testdata("synthetic/metadata.tsv")
                .toString(), "--lenient", "--unit", "CPM", "--split", "kfold:4", "--folds", "4", "--permutations", "7",
                "--seed", "5", "--partitions", "3", "-o", out.toString());
        assertEquals(0, perm.code, perm.err);
        return out;
    }

    private static void assertSamePermutationTest(PermutationTest core, Path out) throws IOException {
        Map<String, String> summary = keyValues(out.resolve("summary.tsv"));
        assertEquals(DelimitedText.format(core.observed()), summary.get("auroc_observed"), out.toString());
        assertEquals(DelimitedText.format(core.pValue()), summary.get("p_value"), out.toString());
        List<String> permuted = Files.readAllLines(out.resolve("permuted.tsv"));
        for (int k = 0; k < 7; k++) {
            assertEquals((k + 1) + "\t" + DelimitedText.format(core.permuted()[k]), permuted.get(k + 1),
                    out.toString());
        }
    }

    private static void writeLines(Path file, String header, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        Files.write(file, all);
    }

    @Test
    void raggedRowsAndEmptyCellsAreRefusedNamingTheTable() throws IOException {
        String header = "sample_id,HMBPP,LPS,BUTYRATE,SECONDARY_BILE_ACIDS,INDOLE,TMA";
        String good = "P0001,80.6,29.9,15.5,0.92,6.48,2.56";
        Path modelFile = dir.resolve("ragged-model.json");
        ModelFiles.write(LogisticTrainer.withDefaults().withLambdas(new double[] {0.05}).withSeed(3).fit(Cohort.join(
                FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM).read(TestSpark.testdata(
                "synthetic/capacities.tsv")), MetadataReader.gutsignal().read(TestSpark.testdata(
                "synthetic/metadata.tsv")), JoinPolicy.LENIENT, "capacities", "metadata")), modelFile);
        String decimalComma = "P0002,99,9,83.8,4.89,0.47,60.9,0.99";
        // a ragged row: the file, line and column, as the core's readers name them (the table is that one file)
        String[][] cases = {
            {"extra.csv", decimalComma, "line 3, column 8: expected 7 cells as in the header but found 8 (a stray"
                + " delimiter, a decimal comma?)", null},
            {"short.csv", "P0002,99.9,83.8", "line 3, column 4 ('BUTYRATE'): expected 7 cells as in the header but"
                + " found 3 (a stray delimiter, a decimal comma?)", null},
            {"no_id.csv", ",99.9,83.8,4.89,0.47,60.9,0.99", "a row has no sample id (its 'sample_id' cell is empty)",
                "a row has no sample id (column 1 is null, or an empty cell)"},
            {"no_value.csv", "P0002,99.9,,4.89,0.47,60.9,0.99", "sample 'P0002', column 'LPS': no value (an empty cell)",
                "sample 'P0002', column 'LPS': no value (null, or an empty cell)"},
        };
        for (String[] c : cases) {
            Path table = dir.resolve(c[0]);
            Files.write(table, List.of(header, good, c[1]));
            Run perm = run("permutation-test", table.toString(), "-m", TestSpark.testdata("synthetic/metadata.tsv")
                    .toString(), "--unit", "CPM", "--permutations", "1", "-o", dir.resolve("perm-" + c[0]).toString());
            assertEquals(SparkMain.BAD_INPUT, perm.code, perm.err);
            String ragged = table + (c[2].startsWith("line ") ? ", " : ": ");
            assertEquals("gutsignal-spark permutation-test: " + ragged + c[2] + "\n", perm.err);
            Run score = run("score", table.toString(), "--model", modelFile.toString(), "--unit", "CPM", "-o",
                    dir.resolve("scores-" + c[0]).toString());
            assertEquals(SparkMain.BAD_INPUT, score.code, score.err);
            assertEquals("gutsignal-spark score: " + ragged + (c[3] == null ? c[2] : c[3]) + "\n", score.err);
        }
    }

    @Test
    void badInputExitsWithThreeAndNamesIt() {
        Run kind = run("profile", dir.resolve("ko").toString(), "--kind", "proteins", "-o", dir.resolve("x.parquet")
                .toString());
        assertEquals(SparkMain.BAD_INPUT, kind.code);
        assertEquals("gutsignal-spark profile: --kind must be genes, pathways or species but is 'proteins'\n",
                kind.err);
        Run none = run("profile", dir.resolve("nothing-*").toString(), "--kind", "genes", "-o",
                dir.resolve("y.parquet").toString());
        assertEquals(SparkMain.BAD_INPUT, none.code);
        assertEquals("gutsignal-spark profile: " + dir.resolve("nothing-*") + ": no file matches\n", none.err);
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split("\t", 2))
                .collect(Collectors.toMap(a -> a[0], a -> a[1]));
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), spark);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
