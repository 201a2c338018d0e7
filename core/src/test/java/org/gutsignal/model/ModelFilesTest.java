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
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        double[] beta = {0.1 + 0.2, Double.MIN_VALUE, -1e-300, 1e300, -0.0, 1.0 / 3, Math.nextUp(1.0)};
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
        assertProblem(good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 4"), 2, 21,
                "format version 4 is newer than the newest this library reads (3); upgrade gutsignal to read it");
        assertProblem(good.replace("\"lambda\" :", "\"lambdaX\" :"), 1, 1, "missing field 'lambda'");
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
