package org.gutsignal.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIAMCAT's normalisations against SIAMCAT's own {@code normalize.features} (commit 6fcb862), run by
 * {@code src/test/resources/transform/make_siamcat_norm_reference.R} on {@code siamcat/train.csv}
 * (7 samples; zeros, ties within samples, feature f4 constant 0) and {@code siamcat/new.csv}
 * (3 samples, f4 not constant there). For every case of {@code siamcat/cases.csv}: the fitted
 * training table equals SIAMCAT's de novo normalisation, the fitted step applied to the new samples
 * equals SIAMCAT's frozen normalisation with the training parameters, and the frozen parameters
 * equal SIAMCAT's {@code norm.param}, each to 1e-12 relative. Largest relative differences seen:
 * 1.0e-14 (log.std, training, where centring cancels digits), 1.7e-15 (std), 3.3e-16 (log.unit);
 * rank.unit, rank.std and the adjusted sds bit for bit.
 */
class SiamcatNormalizationTest {

    /** Relative tolerance; SIAMCAT sums in R's long double (rowMeans, colSums, sum), gutsignal in double. */
    static final double TOL = 1e-12;

    record Case(String name, Transform transform) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        List<String[]> rows = csv("cases.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            String method = r[1];
            Transform t = switch (method) {
                case "log.unit" -> Transform.siamcatLogUnit(Double.parseDouble(r[2]), Integer.parseInt(r[3]),
                        Integer.parseInt(r[4]));
                case "rank.unit" -> Transform.siamcatRankUnit();
                case "rank.std" -> Transform.siamcatRankStd(Double.parseDouble(r[5]));
                case "std" -> Transform.siamcatStd(Double.parseDouble(r[5]));
                case "log.std" -> Transform.siamcatLogStd(Double.parseDouble(r[2]), Double.parseDouble(r[5]));
                default -> throw new IllegalStateException("unknown method " + method);
            };
            out.add(new Case(r[0], t));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fitTransformOfTheTrainingSamplesIsSiamcatsDeNovoNormalisation(Case c) throws IOException {
        Preprocessing.Fitted fitted = Preprocessing.of(c.transform()).fitTransform(table("train.csv"));
        assertTable(table(c.name() + ".train.csv"), fitted.table(), c.name() + ".train.csv");
        assertEquals(AbundanceUnit.TRANSFORMED, fitted.table().unit());
        assertTrue(fitted.preprocessing().fitNotes().stream().anyMatch(n -> n.contains("dropped 1 of 6 features with"
                + " sd 0 in training, as SIAMCAT does: [f4]")), fitted.preprocessing().fitNotes().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFittedStepAppliedToNewSamplesIsSiamcatsFrozenNormalisation(Case c) throws IOException {
        FittedPreprocessing fitted = Preprocessing.of(c.transform()).fit(table("train.csv"));
        FeatureTable expected = table(c.name() + ".new.csv");
        FeatureTable fresh = table("new.csv");
        assertTable(expected, fitted.apply(fresh), c.name() + ".new.csv");
        double[] out = new double[expected.featureCount()];
        for (int i = 0; i < fresh.sampleCount(); i++) {
            fitted.applyRow(fresh.row(i), out);
            assertArrayEquals(fitted.apply(fresh).row(i), out, 0.0, "applyRow of sample " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFrozenParametersAreSiamcatsNormParam(Case c) throws IOException {
        FittedStep step = Preprocessing.of(c.transform()).fit(table("train.csv")).steps().get(0);
        List<String> kept = step.outputFeatures();
        assertEquals(List.of("f1", "f2", "f3", "f5", "f6"), kept);
        Map<String, double[]> siamcat = params(c.name() + ".params.csv", kept);
        double[] p = step.parameters();
        int q = kept.size();
        switch (step.kind()) {
            case SIAMCAT_STD, SIAMCAT_RANK_STD -> {
                assertClose(siamcat.get("feat.mean"), Arrays.copyOfRange(p, 0, q), "feat.mean");
                assertClose(siamcat.get("feat.adj.sd"), Arrays.copyOfRange(p, q, 2 * q), "feat.adj.sd");
            }
            case SIAMCAT_LOG_STD -> {
                assertEquals(1e-6, step.pseudocount());
                assertClose(siamcat.get("feat.mean"), Arrays.copyOfRange(p, 1, 1 + q), "feat.mean");
                assertClose(siamcat.get("feat.adj.sd"), Arrays.copyOfRange(p, 1 + q, 1 + 2 * q), "feat.adj.sd");
            }
            case SIAMCAT_LOG_UNIT -> {
                assertEquals(step.pseudocount(), p[0]);
                if (p[2] == 1) {
                    assertClose(siamcat.get("feat.norm.denom"), Arrays.copyOfRange(p, 3, 3 + q), "feat.norm.denom");
                } else if (p[2] == 3) {
                    assertClose(siamcat.get("global.norm"), new double[] {p[3]}, "global.norm");
                } else {
                    assertEquals(3, p.length);
                }
            }
            case SIAMCAT_RANK_UNIT -> assertEquals(0, p.length);
            default -> fail(step.kind().toString());
        }
    }

    @Test
    void ranksAverageTiesAndTreatMinusZeroAsZero() {
        double[] out = new double[6];
        FittedStep.averageRanks(new double[] {0.5, 0.0, -0.0, 2.0, 0.5, 0.0, 9.0}, new int[] {0, 1, 2, 3, 4, 5},
                new double[6], out);
        // R: rank(c(0.5, 0, -0, 2, 0.5, 0)) = 4.5 2 2 6 4.5 2
        assertArrayEquals(new double[] {4.5, 2, 2, 6, 4.5, 2}, out, 0.0);
    }

    @Test
    void settingsOutsideSiamcatsAreRefusedNamingTheParameter() {
        assertEquals("n.p (the vector norm) must be 1 or 2 but is 3", assertThrows(IllegalArgumentException.class,
                () -> Transform.siamcatLogUnit(1e-6, 3, 1)).getMessage());
        assertEquals("norm.margin must be 1 (features), 2 (samples) or 3 (global) but is 0",
                assertThrows(IllegalArgumentException.class, () -> Transform.siamcatLogUnit(1e-6, 2, 0)).getMessage());
        assertEquals("pseudocount must be finite and > 0 but is 0.0", assertThrows(IllegalArgumentException.class,
                () -> Transform.siamcatLogUnit(0, 2, 1)).getMessage());
        assertEquals("sdMinQ must be in [0, 1] but is 1.5", assertThrows(IllegalArgumentException.class,
                () -> Transform.siamcatRankStd(1.5)).getMessage());
        assertEquals("sdMinQ must be in [0, 1] but is -0.1", assertThrows(IllegalArgumentException.class,
                () -> Transform.siamcatStd(-0.1)).getMessage());
    }

    @Test
    void negativeTrainingValuesAreRefusedByLogUnitAsBySiamcat() {
        FeatureTable t = FeatureTable.of(List.of("a", "b"), List.of("x", "y"),
                new double[][] {{0.1, 0.2}, {-0.01, 0.3}}, AbundanceUnit.TRANSFORMED);
        assertEquals("SIAMCAT_LOG_UNIT: training sample 2 has -0.01 for feature 'x'; SIAMCAT refuses to take"
                + " logarithms of negative data", assertThrows(IllegalArgumentException.class,
                        () -> Preprocessing.of(Transform.siamcatLogUnit(1e-6, 2, 1)).fit(t)).getMessage());
    }

    @Test
    void aTableWhoseFeaturesAreAllConstantLeavesNothingToNormalise() {
        FeatureTable t = FeatureTable.of(List.of("a", "b", "c"), List.of("x", "y"),
                new double[][] {{0.5, 0}, {0.5, 0}, {0.5, 0}}, AbundanceUnit.FRACTION);
        assertEquals("siamcatRankUnit(): every one of the 2 training features has sd 0, and SIAMCAT drops such"
                + " features, so none is left to normalise", assertThrows(IllegalArgumentException.class,
                        () -> Preprocessing.of(Transform.siamcatRankUnit()).fit(t)).getMessage());
    }

    @Test
    void aZeroSdQuantileIsRefusedAsSiamcatStops() {
        // x's rank is always 1 and y's always 2: both rank sds are 0, so q = 0
        FeatureTable t = FeatureTable.of(List.of("a", "b", "c"), List.of("x", "y"),
                new double[][] {{0.1, 0.5}, {0.2, 0.6}, {0.3, 0.7}}, AbundanceUnit.FRACTION);
        assertEquals("SIAMCAT_RANK_STD: the 0.1 quantile of the feature sds is 0.0 (SIAMCAT stops here too: it needs"
                + " q > 0)", assertThrows(IllegalArgumentException.class,
                        () -> Preprocessing.of(Transform.siamcatRankStd(0.1)).fit(t)).getMessage());
    }

    /**
     * R's {@code quantile} (type 7) bit for bit: {@code sprintf("%.17g", quantile(c(0.898, 0.945, 0.661,
     * 0.629, 0.062), 0.1))} is 0.28879999999999995 in R 4.2.2, where {@code x[lo] + h (x[hi] - x[lo])}
     * would give 0.2888.
     */
    @Test
    void quantileIsRsType7() {
        assertEquals(0.28879999999999995, SiamcatNormalization.quantile(new double[] {0.898, 0.945, 0.661, 0.629,
            0.062}, 0.1), 0.0);
        assertEquals(0.7, SiamcatNormalization.quantile(new double[] {0.3, 0.1, 0.7, 0.2}, 1.0), 0.0);
        assertEquals(0.1, SiamcatNormalization.quantile(new double[] {0.3, 0.1, 0.7, 0.2}, 0.0), 0.0);
    }

    @Test
    void frozenStepsRebuiltFromTheirDataGiveTheSameOutputs() throws IOException {
        for (Case c : cases().toList()) {
            FittedPreprocessing fitted = Preprocessing.of(c.transform()).fit(table("train.csv"));
            FittedStep s = fitted.steps().get(0);
            FittedPreprocessing rebuilt = FittedPreprocessing.of(fitted.inputFeatures(),
                    List.of(FittedStep.of(s.kind(), s.inputFeatures(), s.outputFeatures(), s.parameters())));
            assertEquals(fitted, rebuilt, c.name());
            assertEquals(fitted.apply(table("new.csv")), rebuilt.apply(table("new.csv")), c.name());
        }
    }

    /** A log.std step as files written before issue 16 hold it (every feature kept) applies as before. */
    @Test
    void aLogStdStepKeepingEveryFeatureAppliesAsBefore() {
        FittedStep old = FittedStep.of(StepKind.SIAMCAT_LOG_STD, List.of("a", "b"), List.of("a", "b"),
                new double[] {1e-6, -2, -1, 0.5, 0.25});
        FittedPreprocessing f = FittedPreprocessing.of(List.of("a", "b"), List.of(old));
        double[] out = new double[2];
        f.applyRow(new double[] {0.01 - 1e-6, 0.1 - 1e-6}, out);
        assertArrayEquals(new double[] {(Math.log10(0.01) + 2) / 0.5, (Math.log10(0.1) + 1) / 0.25}, out, 1e-15);
    }

    @Test
    void rebuildingChecksTheLogUnitSettingsAndDenominators() {
        List<String> in = List.of("a", "b", "c");
        List<String> out = List.of("a", "c");
        assertEquals("SIAMCAT_LOG_UNIT: n.p must be 1 or 2 but is 3.0", assertThrows(IllegalArgumentException.class,
                () -> FittedStep.of(StepKind.SIAMCAT_LOG_UNIT, in, out, new double[] {1e-6, 3, 2})).getMessage());
        assertEquals("SIAMCAT_LOG_UNIT with 2 output features needs 5 parameters but got 4",
                assertThrows(IllegalArgumentException.class, () -> FittedStep.of(StepKind.SIAMCAT_LOG_UNIT, in, out,
                        new double[] {1e-6, 1, 1, -2})).getMessage());
        assertEquals("SIAMCAT_LOG_UNIT: denominator of feature 'c' must have a magnitude in [1e-300, 1e300] but is"
                + " 0.0", assertThrows(IllegalArgumentException.class, () -> FittedStep.of(StepKind.SIAMCAT_LOG_UNIT,
                        in, out, new double[] {1e-6, 1, 1, -2, 0})).getMessage());
        assertEquals("SIAMCAT_STD: output feature 'a' is not an input feature in input order",
                assertThrows(IllegalArgumentException.class, () -> FittedStep.of(StepKind.SIAMCAT_STD, in,
                        List.of("c", "a"), new double[] {0, 0, 1, 1})).getMessage());
        assertEquals("SIAMCAT_RANK_STD: scale of feature 'c' must be in [1e-300, 1e300] but is -1.0",
                assertThrows(IllegalArgumentException.class, () -> FittedStep.of(StepKind.SIAMCAT_RANK_STD, in, out,
                        new double[] {1, 2, 1, -1})).getMessage());
        // margin 2 keeps no denominator; margin 3 one, which may be negative (a negative training maximum)
        FittedStep.of(StepKind.SIAMCAT_LOG_UNIT, in, out, new double[] {1e-6, 2, 2});
        FittedStep.of(StepKind.SIAMCAT_LOG_UNIT, in, out, new double[] {1e-6, 2, 3, -0.5});
    }

    /** Ranking sorts each sample in a per-thread scratch array: nothing is allocated after warm-up. */
    @Test
    void rankStepsApplyRowsWithoutAllocating() throws IOException {
        FittedPreprocessing fitted = Preprocessing.of(Transform.siamcatLogUnit(1e-6, 2, 2), Transform.siamcatRankUnit(),
                Transform.siamcatRankStd(0.1)).fit(table("train.csv"));
        FittedPreprocessingTest.assertApplyRowDoesNotAllocate(fitted, table("new.csv").row(0));
    }

    // ---- reading the fixtures ----

    static List<String[]> csv(String name) throws IOException {
        try (InputStream in = SiamcatNormalizationTest.class.getResourceAsStream("/transform/siamcat/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /transform/siamcat/" + name);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        }
    }

    /** A samples-as-rows CSV (sample_id, features...) as a table: FRACTION inputs, TRANSFORMED outputs. */
    static FeatureTable table(String name) throws IOException {
        List<String[]> rows = csv(name);
        List<String> features = Arrays.asList(rows.get(0)).subList(1, rows.get(0).length);
        List<String> ids = new ArrayList<>();
        double[][] values = new double[rows.size() - 1][];
        for (int i = 1; i < rows.size(); i++) {
            ids.add(rows.get(i)[0]);
            values[i - 1] = Arrays.stream(rows.get(i)).skip(1).mapToDouble(Double::parseDouble).toArray();
        }
        return FeatureTable.of(ids, features, values, name.endsWith(".train.csv") || name.endsWith(".new.csv")
                ? AbundanceUnit.TRANSFORMED : AbundanceUnit.FRACTION);
    }

    /** The parameters of a params.csv (parameter, feature, value), each in the order of {@code features}. */
    static Map<String, double[]> params(String name, List<String> features) throws IOException {
        Map<String, Map<String, Double>> byName = new LinkedHashMap<>();
        for (String[] r : csv(name).subList(1, csv(name).size())) {
            byName.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Double.parseDouble(r[2]));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byName.forEach((k, v) -> out.put(k, v.containsKey("") ? new double[] {v.get("")}
                : features.stream().mapToDouble(f -> v.get(f)).toArray()));
        return out;
    }

    static void assertTable(FeatureTable expected, FeatureTable actual, String what) {
        assertEquals(expected.sampleIds(), actual.sampleIds(), what);
        assertEquals(expected.featureNames(), actual.featureNames(), what);
        for (int i = 0; i < expected.sampleCount(); i++) {
            assertClose(expected.row(i), actual.row(i), what + " sample " + expected.sampleIds().get(i));
        }
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int j = 0; j < expected.length; j++) {
            if (!(Math.abs(actual[j] - expected[j]) <= TOL * Math.abs(expected[j]))) {
                fail(what + " [" + j + "]: expected " + expected[j] + " but was " + actual[j] + " (relative difference "
                        + Math.abs(actual[j] - expected[j]) / Math.abs(expected[j]) + ")");
            }
        }
    }
}
