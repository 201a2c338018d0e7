package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.StepKind;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model file the library writes satisfies {@code docs/model.schema.json} (JSON Schema draft
 * 2020-12, checked with networknt's json-schema-validator), the checked-in files of formats 1 to 3
 * satisfy it too (the schema is a {@code oneOf} of the four versions), and documents that
 * {@link ModelFiles#read} refuses are refused by the schema as well.
 */
class ModelSchemaTest {

    private static final Path SCHEMA = Path.of(System.getProperty("gutsignal.docs", "../docs"), "model.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema;
    private static String quickStartText;

    @TempDir
    static Path dir;

    @BeforeAll
    static void loadSchemaAndWriteTheQuickStartModel() throws Exception {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
        Cohort train = GoldenOutputsTest.syntheticMolecules()[0];
        Path f = dir.resolve("quickstart.json");
        ModelFiles.write(GoldenOutputsTest.quickStartTrainer().fit(train), f);
        quickStartText = Files.readString(f, StandardCharsets.UTF_8);
    }

    /** Models of every preprocessing step kind, alone and chained, and with unknown unit and variances. */
    static Stream<Arguments> writtenModels() {
        Cohort c = PreprocessedModelTest.cohort(); // 60 samples, raw CPM features A..D
        LogisticTrainer t = LogisticTrainer.withDefaults().withFolds(5).withSeed(3);
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("no preprocessing", t.fit(c)));
        out.add(Arguments.of("TOTAL_SUM_SCALING", t.withPreprocessing(Preprocessing.of(Transform.totalSumScaling())).fit(c)));
        out.add(Arguments.of("LOG10", t.withPreprocessing(Preprocessing.of(Transform.log10(1))).fit(c)));
        out.add(Arguments.of("LN", t.withPreprocessing(Preprocessing.of(Transform.ln(0.5))).fit(c)));
        out.add(Arguments.of("CLR", t.withPreprocessing(Preprocessing.of(Transform.clr(1))).fit(c)));
        out.add(Arguments.of("STANDARDIZE", t.withPreprocessing(Preprocessing.of(Transform.standardize())).fit(c)));
        out.add(Arguments.of("SIAMCAT_LOG_STD",
                t.withPreprocessing(Preprocessing.of(Transform.siamcatLogStd(1e-6, 0.1))).fit(c)));
        Cohort withConstant = ModelFilesTest.cohortWithAConstantFeature(); // SIAMCAT's steps drop its feature E
        for (Transform siamcat : ModelFilesTest.siamcatSteps()) {
            out.add(Arguments.of(siamcat.kind() + " " + siamcat, t.withPreprocessing(Preprocessing.of(siamcat))
                    .fit(withConstant)));
        }
        out.add(Arguments.of("PREVALENCE_FILTER",
                t.withPreprocessing(Preprocessing.of(Transform.prevalenceFilter(1.0, 0.5))).fit(c)));
        out.add(Arguments.of("ABUNDANCE_FILTER",
                t.withPreprocessing(Preprocessing.of(Transform.abundanceFilter(Transform.Statistic.MAX, 3.0))).fit(c)));
        out.add(Arguments.of("NEAR_ZERO_VARIANCE",
                t.withPreprocessing(Preprocessing.of(Transform.nearZeroVariance(95.0 / 5, 10))).fit(c)));
        ResponseModel chained = t.withPreprocessing(Preprocessing.of(Transform.prevalenceFilter(1.0, 0.5),
                Transform.totalSumScaling(), Transform.clr(1e-3), Transform.standardize())).fit(c);
        out.add(Arguments.of("filter, TSS, CLR, standardise", chained));
        out.add(Arguments.of("unknown unit and variances", ResponseModel.of(chained.featureNames(),
                chained.coefficients(), chained.intercept(), chained.lambda(), chained.alpha(), chained.provenance(),
                chained.preprocessing())));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenModels")
    void everyModelTheLibraryWritesSatisfiesTheSchema(String name, ResponseModel model) throws IOException {
        Path f = dir.resolve(name.replaceAll("[^A-Za-z0-9]", "_") + ".json");
        ModelFiles.write(model, f);
        assertValid(Files.readString(f, StandardCharsets.UTF_8), name);
        assertEquals(model, ModelFiles.read(f));
    }

    @Test
    void theQuickStartModelSatisfiesTheSchema() {
        assertValid(quickStartText, "QuickStart model");
        assertTrue(quickStartText.contains("\"kind\" : \"LN\""), quickStartText);
        assertTrue(quickStartText.contains("\"inputUnit\" : \"CPM\""), quickStartText);
    }

    @Test
    void theStepKindsOfTheSchemaAreTheLibrarys() throws IOException {
        String text = Files.readString(SCHEMA, StandardCharsets.UTF_8);
        for (StepKind k : StepKind.values()) {
            assertTrue(text.contains("\"" + k.name() + "\""), k.name());
        }
        for (org.gutsignal.cohort.AbundanceUnit u : org.gutsignal.cohort.AbundanceUnit.values()) {
            assertTrue(text.contains("\"" + u.name() + "\""), u.name());
        }
    }

    /** Old files satisfy the schema's branch of their version, and would not pass as a newer version. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void checkedInFilesOfOlderFormatsSatisfyTheirVersion(int version) throws Exception {
        String text = Files.readString(resource("saved-v" + version + ".json"), StandardCharsets.UTF_8);
        assertValid(text, "saved-v" + version + ".json");
        ObjectNode asNewer = (ObjectNode) JSON.readTree(text);
        asNewer.put("formatVersion", version + 1);
        assertFalse(schema.validate(JSON.writeValueAsString(asNewer), InputFormat.JSON).isEmpty(),
                "saved-v" + version + ".json lacks a field of format " + (version + 1));
    }

    /** Documents the reader refuses: the schema refuses each of them too. */
    static Stream<Arguments> brokenModels() {
        return Stream.of(
                Arguments.of("missing intercept", (Consumer<ObjectNode>) m -> m.remove("intercept")),
                Arguments.of("missing provenance.seed",
                        (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("provenance")).remove("seed")),
                Arguments.of("string coefficient", (Consumer<ObjectNode>) m -> feature(m, 0).put("coefficient", "0.5")),
                Arguments.of("one variance null, others known",
                        (Consumer<ObjectNode>) m -> feature(m, 1).putNull("trainingVariance")),
                Arguments.of("negative variance", (Consumer<ObjectNode>) m -> feature(m, 2).put("trainingVariance", -1.0)),
                Arguments.of("missing trainingVariance", (Consumer<ObjectNode>) m -> feature(m, 0).remove("trainingVariance")),
                Arguments.of("unknown unit", (Consumer<ObjectNode>) m -> m.put("inputUnit", "TPM")),
                Arguments.of("unknown step kind", (Consumer<ObjectNode>) m -> step(m, 0).put("kind", "LOG2")),
                Arguments.of("pseudocount 0", (Consumer<ObjectNode>) m -> ((ArrayNode) step(m, 0).get("parameters")).set(0, 0.0)),
                Arguments.of("string parameter",
                        (Consumer<ObjectNode>) m -> ((ArrayNode) step(m, 1).get("parameters")).set(0, "1")),
                Arguments.of("format version 5", (Consumer<ObjectNode>) m -> m.put("formatVersion", 5)),
                Arguments.of("other type", (Consumer<ObjectNode>) m -> m.put("type", "sklearn.LogisticRegression")),
                Arguments.of("alpha above 1", (Consumer<ObjectNode>) m -> m.put("alpha", 1.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void theSchemaAndTheReaderRefuseBrokenModels(String name, Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(quickStartText);
        breakIt.accept(m);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
        assertFalse(schema.validate(text, InputFormat.JSON).isEmpty(), name + " passed the schema");
        Path f = dir.resolve("broken.json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        assertThrows(ModelFormatException.class, () -> ModelFiles.read(f), name + " passed ModelFiles.read");
    }

    /** SIAMCAT log.unit steps whose settings SIAMCAT lacks, or whose denominators do not fit the margin. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[ 1.0E-6, 3.0, 2.0 ]", "[ 1.0E-6, 2.0, 2.5 ]", "[ 1.0E-6, 2.0, 4.0 ]",
        "[ 0.0, 2.0, 2.0 ]", "[ 1.0E-6, 2.0, 2.0, 1.5 ]", "[ 1.0E-6, 2.0, 3.0 ]", "[ 1.0E-6, 2.0 ]"})
    void theSchemaAndTheReaderRefuseBrokenLogUnitSteps(String parameters) throws IOException {
        Path good = dir.resolve("log_unit.json");
        ModelFiles.write(LogisticTrainer.withDefaults().withFolds(5).withSeed(3).withPreprocessing(
                Preprocessing.of(Transform.siamcatLogUnit(1e-6, 2, 2))).fit(PreprocessedModelTest.cohort()), good);
        String text = Files.readString(good, StandardCharsets.UTF_8);
        assertValid(text, "log.unit model");
        String broken = text.replace("\"parameters\" : [ 1.0E-6, 2.0, 2.0 ]", "\"parameters\" : " + parameters);
        assertFalse(broken.equals(text));
        assertFalse(schema.validate(broken, InputFormat.JSON).isEmpty(), parameters + " passed the schema");
        Path f = write(broken, "broken_log_unit.json");
        assertThrows(ModelFormatException.class, () -> ModelFiles.read(f), parameters + " passed ModelFiles.read");
    }

    /** The schema and the reader agree on unknown fields too: both are closed (the reader once ignored them). */
    @Test
    void anUnknownFieldFailsTheSchemaAndTheReader() throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(quickStartText);
        m.put("comment", "trained by hand");
        String text = JSON.writeValueAsString(m);
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        assertFalse(errors.isEmpty());
        Path f = dir.resolve("extra.json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(f));
        assertTrue(e.getMessage().endsWith(": unknown field 'comment' in a file of format version 4 (expected only"
                + " formatVersion, type, intercept, lambda, alpha, features, provenance, inputUnit, preprocessing)"),
                e.getMessage());
    }

    private static Path write(String text, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static ObjectNode feature(ObjectNode m, int j) {
        return (ObjectNode) m.get("features").get(j);
    }

    private static ObjectNode step(ObjectNode m, int k) {
        return (ObjectNode) m.get("preprocessing").get("steps").get(k);
    }

    private static void assertValid(String text, String what) {
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        assertTrue(errors.isEmpty(), what + " fails the schema: " + errors.stream().map(Error::toString).toList());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ModelSchemaTest.class.getResource("/model/" + name).toURI());
    }
}
