package org.gutsignal.model;

import static org.gutsignal.cohort.AbundanceUnit.CPM;
import static org.gutsignal.cohort.AbundanceUnit.FRACTION;
import static org.gutsignal.cohort.AbundanceUnit.PERCENT;
import static org.gutsignal.cohort.AbundanceUnit.RPK;
import static org.gutsignal.cohort.AbundanceUnit.TRANSFORMED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unit travels into the model and is checked when scoring: each case scores a table in one
 * unit with a model trained in another and compares with the model's scores on the table
 * converted by hand. A power-of-ten conversion by hand is the same one floating-point operation
 * the model does ({@code v / 100}, {@code v * 100}, …), so those scores are bit-identical.
 */
class ScoringUnitsTest {

    @TempDir
    Path dir;

    /** Preprocessings that take each of the scoring plan's three paths: columnwise, single log, general. */
    private static final List<Preprocessing> PREPROCESSINGS = List.of(
            Preprocessing.of(Transform.standardize()),
            Preprocessing.of(Transform.ln(1e-3), Transform.standardize()),
            Preprocessing.of(Transform.totalSumScaling(), Transform.log10(1e-6), Transform.standardize()));

    /**
     * PreprocessedModelTest's 60 samples, their values taken as CPM and expressed in {@code unit}
     * (CPM, PERCENT or FRACTION), or the same numbers labelled {@code unit} (any other).
     */
    private static Cohort cohort(AbundanceUnit unit) {
        Cohort c = PreprocessedModelTest.cohort();
        DoubleUnaryOperator f = unit == PERCENT ? v -> v / 1e4 : unit == FRACTION ? v -> v / 1e6 : v -> v;
        return c.withFeatures(map(c.features(), f, unit));
    }

    /** The table with every value mapped by {@code f}, in {@code unit}: the conversion by hand. */
    private static FeatureTable map(FeatureTable t, DoubleUnaryOperator f, AbundanceUnit unit) {
        double[] v = t.toRowMajorArray();
        for (int k = 0; k < v.length; k++) {
            v[k] = f.applyAsDouble(v[k]);
        }
        return FeatureTable.ofRowMajor(t.sampleIds(), t.featureNames(), v, unit);
    }

    private static ResponseModel fit(Preprocessing pre, Cohort train) {
        return LogisticTrainer.withDefaults().withAlpha(0.5).withFolds(5).withPreprocessing(pre).fit(train);
    }

    /** Scores {@code table} with {@code model}, checks the conversion, and compares with the hand-converted table. */
    private static void assertConvertedBitForBit(ResponseModel model, FeatureTable table, DoubleUnaryOperator byHand,
            String note) {
        AbundanceUnit target = model.inputUnit().orElseThrow();
        UnitCheck check = model.unitCheck(table);
        assertEquals(new UnitCheck(UnitCheck.Outcome.CONVERTED, table.unit(), Optional.of(target), note), check);
        FeatureTable converted = map(table, byHand, target);
        assertBits(model.score(converted), model.score(table));
        double[] out = new double[table.sampleCount() + 2];
        model.score(table, out);
        assertBits(model.score(converted), java.util.Arrays.copyOf(out, table.sampleCount()));
        for (int i : new int[] {0, 17, 59}) {
            assertEquals(model.explain(converted, i), model.explain(table, i));
        }
        Cohort labelled = PreprocessedModelTest.cohort().withFeatures(table);
        assertBits(model.score(converted), model.predict(labelled));
    }

    @Test
    void sameUnitScoresAsAModelWithoutAUnit() {
        Cohort c = cohort(CPM);
        for (Preprocessing pre : PREPROCESSINGS) {
            ResponseModel model = fit(pre, c);
            assertEquals(Optional.of(CPM), model.inputUnit());
            UnitCheck check = model.unitCheck(c.features());
            assertEquals(new UnitCheck(UnitCheck.Outcome.SAME, CPM, Optional.of(CPM),
                    "the table is in CPM, the unit the model was trained on"), check);
            ResponseModel unknown = ResponseModel.of(model.featureNames(), model.coefficients(), model.intercept(),
                    model.lambda(), model.alpha(), model.provenance(), model.preprocessing());
            assertBits(unknown.score(c.features()), model.score(c.features()));
        }
    }

    static Stream<Arguments> exactConversions() {
        return Stream.of(
                Arguments.of(PERCENT, FRACTION, (DoubleUnaryOperator) v -> v / 100, "divided by 100"),
                Arguments.of(FRACTION, PERCENT, (DoubleUnaryOperator) v -> v * 100, "multiplied by 100"),
                Arguments.of(CPM, FRACTION, (DoubleUnaryOperator) v -> v / 1e6, "divided by 1000000"),
                Arguments.of(CPM, PERCENT, (DoubleUnaryOperator) v -> v / 1e4, "divided by 10000"));
    }

    @ParameterizedTest(name = "{0} table, {1} model")
    @MethodSource("exactConversions")
    void exactlyConvertibleTablesScoreAsTheTableConvertedByHand(AbundanceUnit tableUnit, AbundanceUnit modelUnit,
            DoubleUnaryOperator byHand, String how) {
        Cohort train = cohort(modelUnit);
        FeatureTable table = cohort(tableUnit).features();
        for (Preprocessing pre : PREPROCESSINGS) {
            assertConvertedBitForBit(fit(pre, train), table, byHand, "the table is in " + tableUnit + " but the model"
                    + " was trained on " + modelUnit + ": its values are " + how + " before scoring (an exact"
                    + " relative-abundance scaling)");
        }
        // the conversion matters: the same numbers merely relabelled score otherwise
        ResponseModel model = fit(PREPROCESSINGS.get(1), train);
        assertTrue(Math.abs(model.score(table)[0] - model.score(table.withUnit(modelUnit))[0]) > 0.01);
    }

    @Test
    void rpkAndCpmRefuseEachOther() {
        ResponseModel cpmModel = fit(PREPROCESSINGS.get(1), cohort(CPM));
        FeatureTable rpk = cohort(RPK).features();
        String message = "the table is in RPK but the model was trained on CPM, and RPK does not convert exactly to"
                + " CPM: give the table in CPM (renormalise it with each sample's total, e.g. humann_renorm_table"
                + " --units cpm) or use a model trained on RPK";
        assertEquals(new UnitCheck(UnitCheck.Outcome.REFUSED, RPK, Optional.of(CPM), message),
                cpmModel.unitCheck(rpk));
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> cpmModel.score(rpk)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> cpmModel.score(rpk, new double[60])).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> cpmModel.explain(rpk, 0)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> cpmModel.predict(PreprocessedModelTest.cohort().withFeatures(rpk))).getMessage());

        ResponseModel rpkModel = fit(PREPROCESSINGS.get(1), cohort(RPK));
        assertEquals("the table is in CPM but the model was trained on RPK, and CPM does not convert exactly to RPK:"
                + " give the table in RPK or use a model trained on CPM",
                assertThrows(IllegalArgumentException.class,
                        () -> rpkModel.score(cohort(CPM).features())).getMessage());
    }

    @Test
    void transformedTableOnRawAbundanceModelIsRefused() {
        ResponseModel model = fit(PREPROCESSINGS.get(1), cohort(CPM));
        FeatureTable transformed = model.preprocessing().apply(cohort(CPM).features());
        assertEquals(TRANSFORMED, transformed.unit());
        assertEquals("the table holds transformed values (unit TRANSFORMED) but the model was trained on raw CPM and"
                + " applies its own preprocessing: score the raw CPM table, not a preprocessed one",
                assertThrows(IllegalArgumentException.class, () -> model.score(transformed)).getMessage());
        // and the other way: raw values for a model trained on transformed ones
        Cohort c = cohort(CPM);
        ResponseModel onTransformed = LogisticTrainer.withDefaults().withFolds(5).fit(c.withFeatures(transformed));
        assertEquals(UnitCheck.Outcome.REFUSED, onTransformed.unitCheck(c.features()).outcome());
        assertEquals("the table is in CPM but the model was trained on TRANSFORMED, and CPM does not convert exactly"
                + " to TRANSFORMED: preprocess the table as the training table was, or use a model that was trained"
                + " on raw CPM with its preprocessing", onTransformed.unitCheck(c.features()).note());
    }

    /** Format 1 and 2 files know no unit: they score any table as before, and the check says so. */
    @Test
    void oldModelFilesHaveAnUnknownUnitScoreAsBeforeAndSaySo() throws Exception {
        for (String file : List.of("saved-v1.json", "saved-v2.json")) {
            ResponseModel m = ModelFiles.read(resource(file));
            assertEquals(Optional.empty(), m.inputUnit());
            // non-negative values, so that the table may carry any abundance unit
            FeatureTable t = file.equals("saved-v1.json")
                    ? map(new Fixtures.Data("mol.data.csv", List.of("fold")).cohort.features(), Math::abs, TRANSFORMED)
                    : PreprocessedModelTest.cohort().features();
            for (AbundanceUnit u : List.of(CPM, PERCENT, RPK)) {
                FeatureTable inU = t.withUnit(u);
                assertEquals(new UnitCheck(UnitCheck.Outcome.UNKNOWN, u, Optional.empty(), "the model does not"
                        + " record the unit it was trained on (a model file of format 1 or 2, or a model built"
                        + " without withInputUnit), so the table's unit " + u + " is not checked"), m.unitCheck(inU));
                assertBits(m.score(t), m.score(inU));
            }
            assertTrue(m.toString().endsWith(", inputUnit=unknown]"), m.toString());
        }
    }

    @Test
    void theFileRecordsTheUnitAndRoundTripsExactly() throws Exception {
        ResponseModel model = fit(PREPROCESSINGS.get(2), cohort(PERCENT));
        Path f = dir.resolve("model.json");
        ModelFiles.write(model, f);
        String text = Files.readString(f);
        assertTrue(text.contains("\"formatVersion\" : 4,"), text);
        assertTrue(text.contains("\n  \"inputUnit\" : \"PERCENT\",\n  \"preprocessing\" : {"), text);
        ResponseModel back = ModelFiles.read(f);
        assertEquals(model, back);
        assertEquals(Optional.of(PERCENT), back.inputUnit());
        FeatureTable fraction = cohort(FRACTION).features();
        assertBits(model.score(fraction), back.score(fraction));
        Path again = dir.resolve("again.json");
        ModelFiles.write(back, again);
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again));

        // a model without a unit writes null and reads back without one
        ResponseModel unknown = ResponseModel.of(List.of("a"), new double[] {1}, 0, 0, 1,
                new Provenance("v", 1, "sha256:x", 1));
        Path g = dir.resolve("unknown.json"); // f was read above: an input is not written over
        ModelFiles.write(unknown, g);
        assertTrue(Files.readString(g).contains("\"inputUnit\" : null,"));
        assertEquals(unknown, ModelFiles.read(g));
        // the unit is part of the model's identity
        assertTrue(!unknown.equals(unknown.withInputUnit(CPM)));
        assertSame(model, model.withInputUnit(PERCENT));
        assertTrue(model.toString().endsWith(", inputUnit=PERCENT]"), model.toString());
    }

    /** Places counted by hand in the file ModelFiles writes (2-space indent, {@code "key" : value}). */
    @Test
    void badOrMissingUnitsInModelFilesAreLocated() throws Exception {
        ResponseModel model = ResponseModel.of(List.of("HMBPP"), new double[] {0.5}, -1, 0.1, 1,
                new Provenance("v", 10, "sha256:x", 3)).withInputUnit(CPM);
        Path f = dir.resolve("model.json");
        ModelFiles.write(model, f);
        String good = Files.readString(f);
        List<String> lines = good.lines().toList();
        int line = lines.indexOf("  \"inputUnit\" : \"CPM\",") + 1;
        assertTrue(line > 0, good);
        assertProblem(f, good.replace("\"CPM\"", "\"cpm\""), line, 17, "field 'inputUnit': expected one of [COUNTS,"
                + " RPK, CPM, FRACTION, PERCENT, CAPACITY, TRANSFORMED] or null but found \"cpm\"");
        assertProblem(f, good.replace("\"CPM\"", "6"), line, 17, "field 'inputUnit': expected a unit name or null but"
                + " found 6");
        assertProblem(f, good.replace("  \"inputUnit\" : \"CPM\",\n", ""), 1, 1, "missing field 'inputUnit'");
        // a format-2 file has no such field: the unit is unknown
        String v2 = good.replace("\"formatVersion\" : 4", "\"formatVersion\" : 2")
                .replace(",\n    \"trainingVariance\" : null", "");
        Files.writeString(f, v2.replace("  \"inputUnit\" : \"CPM\",\n", ""));
        assertEquals(Optional.empty(), ModelFiles.read(f).inputUnit());
    }

    /**
     * Capacities profiled from a species table in percent convert to a model trained on capacities
     * from the same species in fraction: Σ (x/100)·copies and (Σ x·copies)/100 are equal in exact
     * arithmetic but round differently (a few ulps over the summed taxa), so the scores agree to
     * 1e-15 relative rather than bit for bit.
     */
    @Test
    void percentDerivedCapacitiesScoreOnAFractionDerivedModel() {
        TraitTable traits = TraitTable.of(List.of("HMBPP", "LPS"), Map.of("g__Bacteroides", new double[] {1, 0},
                "g__Escherichia", new double[] {1, 2}, "g__Lactobacillus", new double[] {0, 0}));
        SignallingProfiler profiler = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(traits);
        Cohort base = PreprocessedModelTest.cohort();
        List<String> taxa = List.of("s__Bacteroides_a", "s__Escherichia_b", "s__Lactobacillus_c", "s__Bacteroides_d");
        FeatureTable percent = FeatureTable.ofRowMajor(base.sampleIds(), taxa,
                map(base.features(), v -> v / 1e4, PERCENT).toRowMajorArray(), PERCENT);
        FeatureTable fraction = map(percent, v -> v / 100, FRACTION);
        FeatureTable fromPercent = profiler.profileSpecies(percent).capacities();
        FeatureTable fromFraction = profiler.profileSpecies(fraction).capacities();
        assertEquals(PERCENT, fromPercent.unit());
        assertEquals(FRACTION, fromFraction.unit());
        ResponseModel model = fit(Preprocessing.of(Transform.ln(1e-4), Transform.standardize()),
                base.withFeatures(fromFraction.selectFeatures(List.of("HMBPP", "LPS"))));
        assertEquals(UnitCheck.Outcome.CONVERTED, model.unitCheck(fromPercent).outcome());
        double[] expected = model.score(fromFraction);
        double[] actual = model.score(fromPercent);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-15 * expected[i], "sample " + i);
        }
    }

    private static void assertProblem(Path f, String content, long line, long column, String problem)
            throws Exception {
        Files.writeString(f, content);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(f));
        assertEquals(f + ", line " + line + ", column " + column + ": " + problem, e.getMessage());
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    "sample " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScoringUnitsTest.class.getResource("/model/" + name).toURI());
    }
}
