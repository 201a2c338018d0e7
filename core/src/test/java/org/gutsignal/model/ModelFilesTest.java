package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.transform.FittedStep;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.StepKind;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void roundTripIsExactAndReproducible() throws Exception {
        Fixtures.Data d = new Fixtures.Data("mol.data.csv", List.of("fold"));
        ResponseModel m = LogisticTrainer.withDefaults().withAlpha(0.3).withSeed(1).fit(d.cohort);
        Path f = dir.resolve("sub/model.json");
        ModelFiles.write(m, f);
        ResponseModel back = ModelFiles.read(f);
        assertEquals(m, back);
        double[] a = m.score(d.cohort.features());
        double[] b = back.score(d.cohort.features());
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]));
        }
        Path g = dir.resolve("again.json");
        ModelFiles.write(back, g);
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(g));
    }

    @Test
    void awkwardDoublesRoundTripBitForBit() throws Exception {
        double[] beta = {0.1 + 0.2, Double.MIN_NORMAL, -1e-300, 1e6, -0.0, 1.0 / 3, Math.nextUp(1.0)};
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g");
        ResponseModel m = ResponseModel.of(names, beta, Math.PI, 1e-17, 0.25,
                new Provenance("v", 0, "sha256:x", Long.MIN_VALUE));
        Path f = dir.resolve("m.json");
        ModelFiles.write(m, f);
        ResponseModel back = ModelFiles.read(f);
        for (int j = 0; j < beta.length; j++) {
            assertEquals(Double.doubleToRawLongBits(beta[j]), Double.doubleToRawLongBits(back.coefficients()[j]), names.get(j));
        }
        assertEquals(m, back);
    }

    /** A model saved by version 1 must keep loading and scoring identically. */
    @Test
    void savedVersion1ModelStillScoresIdentically() throws Exception {
        ResponseModel m = ModelFiles.read(resource("saved-v1.json"));
        assertEquals(List.of("HMBPP", "LPS", "BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA"), m.featureNames());
        assertEquals(300, m.provenance().trainingSamples());
        Fixtures.Data d = new Fixtures.Data("mol.data.csv", List.of("fold"));
        FeatureTable t = d.cohort.features().selectSampleIndices(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        // Scores stored when the file was written; an independent Python evaluation of the same
        // JSON agreed to within 1 ulp.
        double[] expected = Fixtures.csv("saved-v1.scores.csv").doubles("probability");
        double[] actual = m.score(t);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "sample " + i);
        }
    }

    /**
     * The trainer records each preprocessed feature's sample variance (divisor n − 1) over the
     * training samples. Expected values of the fixture's columns worked out exactly (Python
     * {@code fractions}): B = 5 + (13 i mod 7) → 4937/1180, C = (i mod 5)/2 → 30/59, D = 100 − i →
     * 60·61/12 = 305; A = 10^(3 (37 i mod 60)/60) → 46524.033765636814 (Python
     * {@code statistics.variance}). After a standardisation each is 1.
     */
    @Test
    void theTrainerRecordsTrainingVariancesAndFormat4StoresThem() throws Exception {
        org.gutsignal.cohort.Cohort c = PreprocessedModelTest.cohort();
        ResponseModel raw = LogisticTrainer.withDefaults().withFolds(5).fit(c);
        double[] v = raw.trainingVariances().orElseThrow();
        assertEquals(46524.033765636814, v[0], 46524 * 1e-13);
        assertEquals(4937.0 / 1180, v[1], 1e-14);
        assertEquals(30.0 / 59, v[2], 1e-15);
        assertEquals(305.0, v[3], 1e-12);
        ResponseModel standardised = LogisticTrainer.withDefaults().withFolds(5)
                .withPreprocessing(org.gutsignal.transform.Preprocessing.of(org.gutsignal.transform.Transform.log10(1),
                        org.gutsignal.transform.Transform.standardize())).fit(c);
        assertArrayEquals(new double[] {1, 1, 1, 1}, standardised.trainingVariances().orElseThrow(), 1e-14);

        Path f = dir.resolve("m.json");
        ModelFiles.write(raw, f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"name\" : \"D\",\n    \"coefficient\" : " + raw.coefficient("D")
                + ",\n    \"trainingVariance\" : " + v[3] + "\n  }"), text);
        assertEquals(raw, ModelFiles.read(f));
        // the variances are part of the model's identity; a copy is returned
        ResponseModel unknown = ResponseModel.of(raw.featureNames(), raw.coefficients(), raw.intercept(), raw.lambda(),
                raw.alpha(), raw.provenance(), raw.preprocessing()).withInputUnit(raw.inputUnit().orElseThrow());
        assertTrue(!unknown.equals(raw));
        assertEquals(raw, unknown.withTrainingVariances(v));
        raw.trainingVariances().orElseThrow()[0] = -1;
        assertEquals(v[0], raw.trainingVariances().orElseThrow()[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> unknown.withTrainingVariances(new double[] {1, 1, -0.5, 1}));
        assertEquals("training variance of 'C' must be 0 or a normal double in [0, 1e200] but is -0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> unknown.withTrainingVariances(new double[] {1}));
        assertEquals("4 features but 1 training variances", e.getMessage());

        // unknown variances are written as null for every feature and read back as unknown
        Path g = f.resolveSibling("unknown.json"); // f was read above: an input is not written over
        ModelFiles.write(unknown, g);
        String nulls = Files.readString(g);
        assertEquals(4, nulls.split("\"trainingVariance\" : null", -1).length - 1, nulls);
        assertEquals(unknown, ModelFiles.read(g));
        assertEquals(java.util.Optional.empty(), ModelFiles.read(g).trainingVariances());
    }

    /**
     * Places counted by hand in the file ModelFiles writes: features[0] on lines 7 to 11, its
     * {@code trainingVariance} value at line 10, column 26; features[1]'s object opens at line 11,
     * column 6.
     */
    @Test
    void badTrainingVariancesAreLocated() throws Exception {
        ResponseModel m = ResponseModel.of(List.of("a", "b"), new double[] {1, 2}, 0, 0, 1,
                new Provenance("v", 1, "sha256:x", 1)).withTrainingVariances(new double[] {0.25, 4});
        Path f = dir.resolve("m.json");
        ModelFiles.write(m, f);
        String good = Files.readString(f);
        assertTrue(good.contains("  \"features\" : [ {\n    \"name\" : \"a\",\n    \"coefficient\" : 1.0,\n"
                + "    \"trainingVariance\" : 0.25\n  }, {\n"), good);
        assertProblem(good.replace(" 0.25\n", " -0.25\n"), 10, 26,
                "field 'features[0].trainingVariance': expected a finite number ≥ 0 or null but found -0.25");
        assertProblem(good.replace(" 4.0\n", " null\n"), 14, 26,
                "field 'features[1].trainingVariance': expected a finite number ≥ 0, as for features[0] but found null");
        assertProblem(good.replace(" 0.25\n", " null\n"), 14, 26,
                "field 'features[1].trainingVariance': expected null, as for features[0] but found 4.0");
        assertProblem(good.replace(",\n    \"trainingVariance\" : 4.0", ""), 11, 6,
                "missing field 'features[1].trainingVariance'");
        // a format-3 file has no such field: the variances are unknown
        Files.writeString(f, good.replace("\"formatVersion\" : 4", "\"formatVersion\" : 3")
                .replaceAll(",\n +\"trainingVariance\" : [^\n]*", ""));
        assertEquals(java.util.Optional.empty(), ModelFiles.read(f).trainingVariances());
    }

    /** SIAMCAT's normalisations, each as a model's only preprocessing step. */
    static List<Transform> siamcatSteps() {
        return List.of(Transform.siamcatLogStd(1e-6, 0.1), Transform.siamcatLogUnit(1e-5, 1, 1), Transform.siamcatLogUnit(1e-6, 2, 2),
                Transform.siamcatLogUnit(1e-6, 1, 3), Transform.siamcatRankUnit(), Transform.siamcatRankStd(0.1),
                Transform.siamcatStd(0.1));
    }

    /** {@link PreprocessedModelTest#cohort()} with a fifth feature E, constant 7 (SIAMCAT drops it). */
    static Cohort cohortWithAConstantFeature() {
        Cohort c = PreprocessedModelTest.cohort();
        FeatureTable t = c.features();
        double[][] rows = new double[t.sampleCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOf(t.row(i), 5);
            rows[i][4] = 7;
        }
        return Cohort.of(FeatureTable.of(t.sampleIds(), List.of("A", "B", "C", "D", "E"), rows, AbundanceUnit.CPM),
                c.metadata());
    }

    /**
     * A model whose preprocessing is one of SIAMCAT's normalisations is written and read back bit for
     * bit: the same step (kind, the features kept, every parameter's bits), the same scores, and the
     * same bytes when written again.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("siamcatSteps")
    void siamcatStepsRoundTripBitForBit(Transform step) throws Exception {
        Cohort c = cohortWithAConstantFeature();
        ResponseModel m = LogisticTrainer.withDefaults().withFolds(5).withSeed(3)
                .withPreprocessing(Preprocessing.of(step)).fit(c);
        FittedStep fitted = m.preprocessing().steps().get(0);
        assertEquals(List.of("A", "B", "C", "D"), fitted.outputFeatures());
        Path f = dir.resolve("siamcat.json");
        ModelFiles.write(m, f);
        ResponseModel back = ModelFiles.read(f);
        assertEquals(m, back);
        FittedStep read = back.preprocessing().steps().get(0);
        assertEquals(fitted.kind(), read.kind());
        double[] p = fitted.parameters();
        for (int k = 0; k < p.length; k++) {
            assertEquals(Double.doubleToRawLongBits(p[k]), Double.doubleToRawLongBits(read.parameters()[k]), "p" + k);
        }
        double[] a = m.score(c.features());
        double[] b = back.score(c.features());
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "sample " + i);
        }
        Path g = dir.resolve("again.json");
        ModelFiles.write(back, g);
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(g));
    }

    /** A SIAMCAT step with settings SIAMCAT does not have is refused, naming the step and where it starts. */
    @Test
    void aSiamcatStepWithSettingsSiamcatLacksIsRefused() throws Exception {
        ResponseModel m = LogisticTrainer.withDefaults().withFolds(5).withSeed(3)
                .withPreprocessing(Preprocessing.of(Transform.siamcatLogUnit(1e-6, 2, 2))).fit(PreprocessedModelTest.cohort());
        Path f = dir.resolve("m.json");
        ModelFiles.write(m, f);
        assertEquals(StepKind.SIAMCAT_LOG_UNIT, ModelFiles.read(f).preprocessing().steps().get(0).kind());
        String good = Files.readString(f);
        String params = "\"parameters\" : [ 1.0E-6, 2.0, 2.0 ]";
        assertTrue(good.contains(params), good);
        // the step's object opens on the line before its kind: "    \"steps\" : [ {", column 17
        int line = good.substring(0, good.indexOf("\"kind\" : \"SIAMCAT_LOG_UNIT\"")).split("\n", -1).length - 1;
        assertProblem(good.replace(params, "\"parameters\" : [ 1.0E-6, 3.0, 2.0 ]"), line, 17,
                "inconsistent step 'preprocessing.steps[0].': SIAMCAT_LOG_UNIT: n.p must be 1 or 2 but is 3.0");
    }

    @Test
    void malformedJsonReportsLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"formatVersion\" : 1,\n  \"type\" : }\n");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(f));
        assertEquals(3, e.line());
        assertEquals(12, e.column());
        assertTrue(e.getMessage().startsWith(f + ", line 3, column 12: malformed JSON: Unexpected character ('}'"),
                e.getMessage());
    }

    /**
     * Each problem names the file and the 1-based line and column where the offending value (or the
     * object lacking a field) starts; the places were counted by hand in saved-v1.json (2-space
     * indent per level, {@code "key" : value}).
     */
    @Test
    void missingFieldsWrongTypesAndNewerVersionsAreRejected() throws Exception {
        String good = Files.readString(resource("saved-v1.json"));
        assertProblem(good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 5"), 2, 21,
                "format version 5 is newer than the newest this library reads (4); upgrade gutsignal to read it");
        assertProblem(good.replace("\"lambda\" :", "\"lambdaX\" :"), 5, 15, "unknown field 'lambdaX' in a file of format"
                + " version 1 (expected only formatVersion, type, intercept, lambda, alpha, features, provenance)");
        assertProblem(good.replace("  \"lambda\" : 0.012582032432012336,\n", ""), 1, 1, "missing field 'lambda'");
        assertProblem(good.replace("\"coefficient\" : 0.0\n", "\"coefficient\" : \"abc\"\n"), 21, 21,
                "field 'features[4].coefficient': expected a finite number but found \"abc\"");
        assertProblem(good.replace("\"name\" : \"LPS\",\n", ""), 10, 6, "missing field 'features[1].name'");
        assertProblem(good.replace("\"seed\" : 7", "\"seed\" : 7.5"), 30, 14,
                "field 'provenance.seed': expected an integer but found 7.5");
        assertProblem(good.replace("\"type\" : \"gutsignal.ResponseModel\"", "\"type\" : \"other\""), 3, 12,
                "field 'type': expected \"gutsignal.ResponseModel\" but found \"other\"");
        assertProblem(good.replace("\"name\" : \"TMA\"", "\"name\" : \"HMBPP\""), 0, 0,
                "inconsistent model: duplicate feature names in [HMBPP, LPS, BUTYRATE, SECONDARY_BILE_ACIDS, INDOLE, HMBPP]");
        assertProblem("", 0, 0, "expected a JSON object but the file holds nothing");
        assertProblem("[1, 2]", 1, 1, "expected a JSON object but the file holds array");
    }

    private void assertProblem(String content, long line, long column, String problem) throws IOException {
        Path f = dir.resolve("m.json");
        Files.writeString(f, content);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(f));
        String where = line == 0 ? "" : ", line " + line + ", column " + column;
        assertEquals(f + where + ": " + problem, e.getMessage());
        assertEquals(f.toString(), e.file());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ModelFilesTest.class.getResource("/model/" + name).toURI());
    }
}
