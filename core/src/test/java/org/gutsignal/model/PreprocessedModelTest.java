package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.MissingFeaturePolicy;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model trained with preprocessing scores raw abundances exactly as preprocess-then-score does. */
class PreprocessedModelTest {

    @TempDir
    Path dir;

    /** 60 samples, 4 raw abundances; response driven by log10 of the first. */
    static Cohort cohort() {
        int n = 60;
        double[][] rows = new double[n][];
        SampleMetadata.Builder m = SampleMetadata.builder();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = (i * 37 % n) / (double) n; // deterministic spread in [0, 1)
            rows[i] = new double[] {Math.pow(10, 3 * u), 5 + (i * 13 % 7), (i % 5) * 0.5, 100 - i};
            ids.add("s" + i);
            m.add("s" + i, (u + 0.3 * ((i * 7 % 10) / 10.0 - 0.5)) > 0.5 ? Response.RESPONDER : Response.NON_RESPONDER,
                    "g");
        }
        FeatureTable t = FeatureTable.of(ids, List.of("A", "B", "C", "D"), rows, AbundanceUnit.CPM);
        return Cohort.of(t, m.build());
    }

    @Test
    void scoringRawEqualsScoringThePreprocessedTableWithUnfoldedCoefficients() throws Exception {
        Cohort c = cohort();
        Preprocessing pre = Preprocessing.of(Transform.log10(1.0), Transform.standardize());
        ResponseModel model = LogisticTrainer.withDefaults().withAlpha(0.5).withPreprocessing(pre).withFolds(5).fit(c);
        FittedPreprocessing fitted = model.preprocessing();
        assertEquals(List.of("A", "B", "C", "D"), fitted.inputFeatures());
        // independent path: apply the frozen preprocessing, then a model without preprocessing
        ResponseModel plain = ResponseModel.of(model.featureNames(), model.coefficients(), model.intercept(),
                model.lambda(), model.alpha(), model.provenance());
        double[] expected = plain.score(fitted.apply(c.features()));
        double[] actual = model.score(c.features());
        assertArrayEquals(expected, actual, 1e-13);
        assertTrue(model.coefficient("A") > 0, model.toString());
        // explanations use the unfolded coefficients on the preprocessed scale
        Explanation x = model.explain(c.features(), 3);
        assertEquals(expected[3], x.probability(), 1e-13);

        // the file keeps the preprocessing: bit-identical scores after reload
        Path f = dir.resolve("model.json");
        ModelFiles.write(model, f);
        ResponseModel again = ModelFiles.read(f);
        assertEquals(model, again);
        double[] reloaded = again.score(c.features());
        for (int i = 0; i < actual.length; i++) {
            assertEquals(Double.doubleToRawLongBits(actual[i]), Double.doubleToRawLongBits(reloaded[i]));
        }
        assertTrue(Files.readString(f).contains("\"kind\" : \"LOG10\""));
    }

    @Test
    void linearPreprocessingIsFoldedAndMissingRawFeaturesFollowThePolicy() {
        Cohort c = cohort();
        // a small λ, so that every feature has a coefficient (A, the signal, carries nearly all the variance)
        ResponseModel model = LogisticTrainer.withDefaults().withPreprocessing(Preprocessing.of(Transform.standardize()))
                .withLambdas(new double[] {0.001}).fit(c);
        ResponseModel plain = ResponseModel.of(model.featureNames(), model.coefficients(), model.intercept(),
                model.lambda(), model.alpha(), model.provenance());
        assertArrayEquals(plain.score(model.preprocessing().apply(c.features())), model.score(c.features()), 1e-13);
        FeatureTable lacking = c.features().selectFeatures(List.of("A", "C", "D"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.score(lacking));
        assertEquals("the table lacks 1 of the 4 model input features: [B] (give them, or score them as 0 with"
                + " withMissingFeatures(MissingFeaturePolicy.fillZero(maxShare)).scoreWithCoverage(table), which"
                + " reports the coverage)", e.getMessage());
        // after the standardisation every training variance is 1, so B carries β_B² / Σ β_j²
        double[] beta = model.coefficients();
        double share = beta[1] * beta[1] / (beta[0] * beta[0] + beta[1] * beta[1] + beta[2] * beta[2] + beta[3] * beta[3]);
        assertTrue(share > 0 && share < 0.1, "share " + share);
        Scores scores = model.withMissingFeatures(MissingFeaturePolicy.fillZero(0.1)).scoreWithCoverage(lacking);
        assertEquals(share, scores.coverage().absentVarianceShare(), 1e-14);
        assertEquals(List.of("B"), scores.coverage().absentFeatures());
        double[] filled = scores.probabilities();
        FeatureTable zeroB = FeatureTable.of(lacking.sampleIds(), List.of("A", "B", "C", "D"), zeroSecond(c.features()),
                AbundanceUnit.CPM);
        assertArrayEquals(model.score(zeroB), filled, 1e-15);
    }

    private static double[][] zeroSecond(FeatureTable t) {
        double[][] rows = t.toRows();
        for (double[] r : rows) {
            r[1] = 0;
        }
        return rows;
    }

    /**
     * A format-version-2 model (log10 + standardisation) saved by this version: later versions
     * must read it and score bit-identically. An independent Python evaluation of the JSON
     * (log10(x + 1), standardise, dot product, logistic) agreed with the stored probabilities to
     * 2.2e-16.
     */
    @Test
    void savedVersion2ModelStillReadsAndScoresIdentically() throws Exception {
        ResponseModel m = ModelFiles.read(resource("saved-v2.json"));
        assertEquals(java.util.Optional.empty(), m.inputUnit());
        assertScoresAsSaved(m);
    }

    /**
     * The same model at format version 3: saved-v2.json with {@code "inputUnit" : "CPM"} on the line
     * before {@code preprocessing} and version 3 (the format-3 writer of commit 4164e72 wrote this
     * model to exactly these bytes). It reads with its unit and scores the CPM table bit-identically.
     */
    @Test
    void savedVersion3ModelStillReadsAndScoresIdentically() throws Exception {
        ResponseModel m = ModelFiles.read(resource("saved-v3.json"));
        assertEquals(java.util.Optional.of(AbundanceUnit.CPM), m.inputUnit());
        assertScoresAsSaved(m);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(PreprocessedModelTest.class.getResource("/model/" + name).toURI());
    }

    private static void assertScoresAsSaved(ResponseModel m) throws Exception {
        Path scores = resource("saved-v2.scores.csv");
        List<String> lines = Files.readAllLines(scores);
        List<String> ids = new java.util.ArrayList<>();
        double[][] rows = new double[lines.size() - 1][];
        double[] expected = new double[rows.length];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            ids.add(cells[0]);
            rows[i - 1] = new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
                Double.parseDouble(cells[3]), Double.parseDouble(cells[4])};
            expected[i - 1] = Double.parseDouble(cells[5]);
        }
        double[] actual = m.score(FeatureTable.of(ids, List.of("A", "B", "C", "D"), rows, AbundanceUnit.CPM));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), ids.get(i));
        }
    }
}
