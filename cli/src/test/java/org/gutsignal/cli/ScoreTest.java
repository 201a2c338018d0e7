package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableWriter;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.model.Scores;
import org.gutsignal.transform.MissingFeaturePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreTest {

    @TempDir
    Path dir;

    final Path modelFile = Models.file();
    final ResponseModel model = Models.model();

    @Test
    void theScoresAreTheModelsAndTheCoverageIsFull() throws Exception {
        Path out = dir.resolve("scores.tsv");
        Cli.Run r = Cli.run("score", MergeTest.KO, "--unit", "CPM", "--model", modelFile, "-o", out);
        assertEquals(0, r.code(), r.toString());
        FeatureTable ko = Models.ko();
        assertEquals(List.of("sample_id", "probability"), Cli.rows(out).get(0));
        assertEquals(ko.sampleIds(), Cli.column(out, "sample_id"));
        assertArrayEquals(model.score(ko), Cli.doubles(Cli.column(out, "probability")), "bit for bit");
        Path coverage = dir.resolve("scores.coverage.tsv");
        assertEquals(List.of("present_features", "" + Models.FEATURES), Cli.rows(coverage).get(1));
        assertEquals(List.of("absent_features", "0"), Cli.rows(coverage).get(2));
        assertEquals(List.of("unit_check", "SAME"), Cli.rows(coverage).get(4));
        assertEquals(List.of("model_unit", "CPM"), Cli.rows(coverage).get(6));
        assertEquals("scored 947 samples; " + Models.FEATURES + " of " + Models.FEATURES
                + " model input features present; unit SAME\n", r.err());
    }

    @Test
    void missingFeaturesAreRefusedUnlessAllowedAndThenReported() throws Exception {
        FeatureTable ko = Models.ko();
        List<String> absent = new ArrayList<>();
        for (String f : model.featureNames()) {
            if (model.coefficient(f) != 0 && absent.size() < 2) {
                absent.add(f);
            }
        }
        assertEquals(2, absent.size(), "the model uses at least two KOs");
        List<String> keep = new ArrayList<>(ko.featureNames());
        keep.removeAll(absent);
        Path table = dir.resolve("partial.tsv");
        FeatureTableWriter.featuresAsRows("# Gene Family").write(ko.selectFeatures(keep), table);

        Path out = dir.resolve("partial-scores.tsv");
        Cli.Run refused = Cli.run("score", table, "--unit", "CPM", "--model", modelFile, "-o", out);
        assertEquals(3, refused.code());
        String expected;
        try {
            model.scoreWithCoverage(ko.selectFeatures(keep));
            throw new AssertionError("the library accepted it");
        } catch (IllegalArgumentException e) {
            expected = e.getMessage();
        }
        assertEquals("gutsignal score: " + expected + "\n", refused.err());
        assertTrue(expected.startsWith("the table lacks 2 of the " + Models.FEATURES + " model input features"));
        assertFalse(Files.exists(out));

        Cli.Run allowed = Cli.run("score", table, "--unit", "CPM", "--model", modelFile, "-o", out,
                "--allow-missing", "0.99");
        assertEquals(0, allowed.code(), allowed.toString());
        Scores s = model.withMissingFeatures(MissingFeaturePolicy.fillZero(0.99)).scoreWithCoverage(ko.selectFeatures(keep));
        assertArrayEquals(s.probabilities(), Cli.doubles(Cli.column(out, "probability")));
        Path coverage = dir.resolve("partial-scores.coverage.tsv");
        List<String> keys = Cli.column(coverage, "key");
        List<String> values = Cli.column(coverage, "value");
        assertEquals(s.coverage().absentVarianceShare(), Double.parseDouble(values.get(keys.indexOf(
                "absent_variance_share"))));
        assertTrue(s.coverage().absentVarianceShare() > 0);
        assertEquals(absent, values.subList(keys.indexOf("absent_feature"), keys.size()));
        assertTrue(allowed.err().contains(", 2 absent scored as 0 (carrying "
                + MissingFeaturePolicy.formatShare(s.coverage().absentVarianceShare())), allowed.err());
    }

    @Test
    void aUnitThatDoesNotConvertAndAnOutputOverTheModelExitThree() throws Exception {
        // ko.tsv has no -CPM suffixes: without --unit it is read as HUMAnN's default RPK
        Cli.Run rpk = Cli.run("score", MergeTest.KO, "--model", modelFile, "-o", dir.resolve("rpk.tsv"));
        assertEquals(3, rpk.code());
        assertEquals("gutsignal score: the table is in RPK but the model was trained on CPM, and RPK does not convert"
                + " exactly to CPM: give the table in CPM (renormalise it with each sample's total, e.g."
                + " humann_renorm_table --units cpm) or use a model trained on RPK\n", rpk.err());

        Cli.Run over = Cli.run("score", MergeTest.KO, "--unit", "CPM", "--model", modelFile, "-o", modelFile);
        assertEquals(3, over.code());
        assertTrue(over.err().startsWith("gutsignal score: -o " + modelFile + " is the input file "), over.err());

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"formatVersion\": 4,\n \"type\": 7}\n");
        Cli.Run bad = Cli.run("score", MergeTest.KO, "--unit", "CPM", "--model", broken, "-o", dir.resolve("b.tsv"));
        assertEquals(3, bad.code());
        assertTrue(bad.err().startsWith("gutsignal score: " + broken + ", line 2"), bad.err());
    }
}
