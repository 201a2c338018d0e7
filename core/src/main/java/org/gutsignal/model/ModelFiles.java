package org.gutsignal.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.io.AtomicFiles;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.FittedStep;
import org.gutsignal.transform.StepKind;

/**
 * Saves and loads {@link ResponseModel}s as versioned JSON.
 *
 * <pre>{@code
 * ModelFiles.write(model, Path.of("model.json"));
 * ResponseModel again = ModelFiles.read(Path.of("model.json"));   // equals(model), scores bit-identically
 * }</pre>
 *
 * <p>Format version {@value #FORMAT_VERSION}:
 * <pre>
 * {
 *   "formatVersion" : 4,
 *   "type" : "gutsignal.ResponseModel",
 *   "intercept" : -0.41,
 *   "lambda" : 0.0123,
 *   "alpha" : 1.0,
 *   "features" : [ { "name" : "HMBPP", "coefficient" : 0.87, "trainingVariance" : 1.0 }, … ],
 *   "provenance" : { "libraryVersion" : "0.1.0", "trainingSamples" : 800,
 *                    "trainingChecksum" : "sha256:…", "seed" : 42 },
 *   "inputUnit" : "CPM",
 *   "preprocessing" : { "inputFeatures" : [ "HMBPP", … ],
 *                       "steps" : [ { "kind" : "LOG10", "inputFeatures" : [ … ], "outputFeatures" : [ … ],
 *                                     "parameters" : [ 1.0E-5 ] }, … ] }
 * }
 * </pre>
 * {@code inputUnit} is the {@link org.gutsignal.cohort.AbundanceUnit} name of the raw table the
 * model was trained on, or {@code null} if the model does not know it. Format version 1 had no
 * {@code preprocessing} (such a model reads its features as given); versions 1 and 2 had no
 * {@code inputUnit} (such a model's {@linkplain ResponseModel#inputUnit() input unit} is unknown:
 * it scores as it did, and {@link ResponseModel#unitCheck} says the unit is not checked).
 * {@code trainingVariance} is the variance of each preprocessed feature over the training samples
 * ({@link ResponseModel#trainingVariances()}), {@code null} for every feature if the model does not
 * know them; versions 1 to 3 had no {@code trainingVariance} (such a model scores as it did but cannot
 * weigh absent features, so {@link ResponseModel#scoreWithCoverage} refuses to fill them).
 * Numbers are written as Java's shortest round-trip decimal ({@link Double#toString(double)}),
 * so reading a file gives back the same doubles bit for bit. Nothing time-dependent is stored:
 * the same model always gives the same bytes. The missing-feature policy is not stored (a read
 * model uses {@link org.gutsignal.transform.MissingFeaturePolicy#ERROR}). Files are written atomically. Files of older
 * format versions stay readable; a newer version is rejected.
 *
 * <p>Reading is strict, so a file never loads broken: the text must be UTF-8 (a leading byte order
 * mark is skipped); a file has exactly the fields of its format version (an unknown field, or a
 * {@code preprocessing} block in a version-1 file, is an error naming it); every number follows
 * {@link DelimitedText#parseNumber}'s rule (no underflow to 0, no subnormals); and the values are
 * bounded so that scoring cannot overflow to NaN: coefficients and intercept 0 or normal with
 * magnitude at most 1e6, λ in [0, 1e300], α in [0, 1], training variances in [0, 1e200], step
 * parameters at most 1e300 in magnitude, pseudocounts and standardisation scales in [1e-300, 1e300],
 * SIAMCAT {@code log.unit} denominators of magnitude in [1e-300, 1e300], and each coefficient
 * divided by its scale, and the intercept with the centres folded in, finite. The step kinds
 * {@code SIAMCAT_LOG_UNIT}, {@code SIAMCAT_RANK_UNIT}, {@code SIAMCAT_RANK_STD} and
 * {@code SIAMCAT_STD} came within format 4 (issue 16): a reader older than them refuses such a file
 * naming the kind (docs/model-format.md).
 *
 * <p>Thread-safe (no shared mutable state).
 */
public final class ModelFiles {

    /** The format version this library writes and the newest it reads. */
    public static final int FORMAT_VERSION = 4;

    static final String TYPE = "gutsignal.ResponseModel";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ModelFiles() {
    }

    /**
     * Writes a model to {@code file} (UTF-8 JSON, atomically; parent folders are created).
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(ResponseModel model, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeStringField("type", TYPE);
            g.writeFieldName("intercept");
            g.writeNumber(Double.toString(model.intercept()));
            g.writeFieldName("lambda");
            g.writeNumber(Double.toString(model.lambda()));
            g.writeFieldName("alpha");
            g.writeNumber(Double.toString(model.alpha()));
            g.writeArrayFieldStart("features");
            List<String> names = model.featureNames();
            double[] beta = model.coefficients();
            double[] variances = model.trainingVariances().orElse(null);
            for (int j = 0; j < beta.length; j++) {
                g.writeStartObject();
                g.writeStringField("name", names.get(j));
                g.writeFieldName("coefficient");
                g.writeNumber(Double.toString(beta[j]));
                g.writeFieldName("trainingVariance");
                if (variances == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(Double.toString(variances[j]));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            Provenance p = model.provenance();
            g.writeObjectFieldStart("provenance");
            g.writeStringField("libraryVersion", p.libraryVersion());
            g.writeNumberField("trainingSamples", p.trainingSamples());
            g.writeStringField("trainingChecksum", p.trainingChecksum());
            g.writeNumberField("seed", p.seed());
            g.writeEndObject();
            g.writeFieldName("inputUnit");
            if (model.inputUnit().isPresent()) {
                g.writeString(model.inputUnit().get().name());
            } else {
                g.writeNull();
            }
            FittedPreprocessing pre = model.preprocessing();
            g.writeObjectFieldStart("preprocessing");
            writeNames(g, "inputFeatures", pre.inputFeatures());
            g.writeArrayFieldStart("steps");
            for (FittedStep step : pre.steps()) {
                g.writeStartObject();
                g.writeStringField("kind", step.kind().name());
                writeNames(g, "inputFeatures", step.inputFeatures());
                writeNames(g, "outputFeatures", step.outputFeatures());
                g.writeArrayFieldStart("parameters");
                for (double v : step.parameters()) {
                    g.writeNumber(Double.toString(v));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
            out.write('\n');
        });
    }

    /**
     * Reads a model written by {@link #write} (this or an older format version).
     *
     * @throws ModelFormatException if the file is not UTF-8 (a leading byte order mark is allowed) or
     *                              not valid JSON, lacks a field, has a field its format version does
     *                              not have, has a field of the wrong type or value (numbers follow
     *                              {@link DelimitedText#parseNumber}'s rule and the bounds of
     *                              {@link ResponseModel#of} and {@link FittedStep#of}), or has a format version newer than
     *                              {@value #FORMAT_VERSION}; the message gives the 1-based line and
     *                              column of the offending value (of the object lacking a field),
     *                              except when the parts of the model disagree with each other
     * @throws IOException          if the file cannot be read
     */
    public static ResponseModel read(Path file) throws IOException {
        Source src = new Source(file.toString(), decode(file.toString(), Files.readAllBytes(file)));
        AtomicFiles.recordInput(file);
        JsonNode root;
        try {
            root = MAPPER.readTree(src.text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            long line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            long col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            throw new ModelFormatException(src.name, line, col, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw src.error("", "expected a JSON object but the file holds "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString().toLowerCase()), null);
        }
        JsonNode version = field(root, "formatVersion", src, "");
        if (!version.canConvertToInt() || !version.isIntegralNumber()) {
            throw bad(src, "formatVersion", "an integer", version);
        }
        int v = version.intValue();
        if (v > FORMAT_VERSION) {
            throw src.error("formatVersion", "format version " + v + " is newer than the newest this library"
                    + " reads (" + FORMAT_VERSION + "); upgrade gutsignal to read it", null);
        }
        if (v < 1) {
            throw bad(src, "formatVersion", "a version ≥ 1", version);
        }
        checkFields(root, v, src);
        checkNumbers(src);
        String type = text(root, "type", src, "");
        if (!TYPE.equals(type)) {
            throw src.error("type", "field 'type': expected \"" + TYPE + "\" but found \"" + type + "\"", null);
        }
        double intercept = number(root, "intercept", src, "");
        double lambda = number(root, "lambda", src, "");
        double alpha = number(root, "alpha", src, "");
        JsonNode features = field(root, "features", src, "");
        if (!features.isArray()) {
            throw bad(src, "features", "an array", features);
        }
        List<String> names = new ArrayList<>(features.size());
        double[] beta = new double[features.size()];
        double[] variances = v >= 4 && beta.length > 0 ? new double[beta.length] : null;
        for (int j = 0; j < beta.length; j++) {
            JsonNode f = features.get(j);
            String at = "features[" + j + "].";
            if (!f.isObject()) {
                throw bad(src, "features[" + j + "]", "an object", f);
            }
            names.add(text(f, "name", src, at));
            beta[j] = number(f, "coefficient", src, at);
            if (v >= 4) {
                variances = variance(f, j, variances, src);
            }
        }
        JsonNode prov = field(root, "provenance", src, "");
        if (!prov.isObject()) {
            throw bad(src, "provenance", "an object", prov);
        }
        String lib = text(prov, "libraryVersion", src, "provenance.");
        JsonNode samples = field(prov, "trainingSamples", src, "provenance.");
        if (!samples.isIntegralNumber() || !samples.canConvertToInt() || samples.intValue() < 0) {
            throw bad(src, "provenance.trainingSamples", "a non-negative integer", samples);
        }
        String checksum = text(prov, "trainingChecksum", src, "provenance.");
        JsonNode seed = field(prov, "seed", src, "provenance.");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw bad(src, "provenance.seed", "an integer", seed);
        }
        Provenance provenance = new Provenance(lib, samples.intValue(), checksum, seed.longValue());
        AbundanceUnit inputUnit = v >= 3 ? unit(root, "inputUnit", src) : null;
        try {
            ResponseModel model = v >= 2
                    ? ResponseModel.of(names, beta, intercept, lambda, alpha, provenance,
                            preprocessing(field(root, "preprocessing", src, ""), src))
                    : ResponseModel.of(names, beta, intercept, lambda, alpha, provenance);
            model = inputUnit == null ? model : model.withInputUnit(inputUnit);
            return variances == null ? model : model.withTrainingVariances(variances);
        } catch (IllegalArgumentException e) {
            // no single place in the text: the parts disagree with each other
            throw new ModelFormatException(src.name, 0, 0, "inconsistent model: " + e.getMessage(), e);
        }
    }

    /** The fields of each object of a file of format version {@code v}, by path pattern ({@code []} for any index). */
    private static Map<String, List<String>> fieldsOf(int v) {
        List<String> root = new ArrayList<>(List.of("formatVersion", "type", "intercept", "lambda", "alpha",
                "features", "provenance"));
        if (v >= 3) {
            root.add("inputUnit");
        }
        if (v >= 2) {
            root.add("preprocessing");
        }
        return Map.of("", root,
                "features[]", v >= 4 ? List.of("name", "coefficient", "trainingVariance") : List.of("name", "coefficient"),
                "provenance", List.of("libraryVersion", "trainingSamples", "trainingChecksum", "seed"),
                "preprocessing", List.of("inputFeatures", "steps"),
                "preprocessing.steps[]", List.of("kind", "inputFeatures", "outputFeatures", "parameters"));
    }

    /** Refuses a field that format version {@code v} does not have, naming it and where it is. */
    private static void checkFields(JsonNode root, int v, Source src) throws ModelFormatException {
        Map<String, List<String>> known = fieldsOf(v);
        checkFields(root, "", "", known, v, src);
    }

    private static void checkFields(JsonNode node, String path, String pattern, Map<String, List<String>> known,
            int v, Source src) throws ModelFormatException {
        List<String> fields = known.get(pattern);
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkFields(node.get(i), path + "[" + i + "]", pattern + "[]", known, v, src);
            }
        }
        if (!node.isObject() || fields == null) {
            return; // the reading below says what is wrong with a value of the wrong type
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String at = path.isEmpty() ? name : path + "." + name;
            if (!fields.contains(name)) {
                String problem = v == 1 && name.equals("preprocessing")
                        ? "field 'preprocessing' is not part of format version 1 (it came with version 2): such a"
                                + " file would be read without its preprocessing; set formatVersion to 2 or more"
                        : "unknown field '" + at + "' in a file of format version " + v + " (expected only "
                                + String.join(", ", fields) + ")";
                throw src.error(at, problem, null);
            }
            checkFields(node.get(name), at, pattern.isEmpty() ? name : pattern + "." + name, known, v, src);
        }
    }

    /**
     * Reads every number of the file's text by {@link DelimitedText#parseNumber}'s rule (JSON's
     * grammar is the rule's), so a number that underflows to 0 or to a subnormal is refused.
     */
    private static void checkNumbers(Source src) throws ModelFormatException {
        try (JsonParser p = MAPPER.getFactory().createParser(src.text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    try {
                        DelimitedText.parseNumber(p.getText());
                    } catch (NumberFormatException e) {
                        JsonLocation loc = p.currentTokenLocation();
                        StringBuilder at = new StringBuilder();
                        for (String part : p.getParsingContext().pathAsPointer().toString().substring(1).split("/")) {
                            at.append(part.matches("[0-9]+") ? "[" + part + "]" : (at.length() > 0 ? "." : "") + part);
                        }
                        throw new ModelFormatException(src.name, loc.getLineNr(), loc.getColumnNr(),
                                "field '" + at + "': " + e.getMessage(), e);
                    }
                }
            }
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(src.name, 0, 0, "malformed JSON: " + e.getMessage(), e); // read once already
        }
    }

    /**
     * The file's bytes as UTF-8 text without a leading byte order mark.
     *
     * @throws ModelFormatException naming the byte offset, line and column of the first byte that is not UTF-8
     */
    private static String decode(String name, byte[] bytes) throws ModelFormatException {
        int bad = DelimitedText.firstNonUtf8Byte(bytes);
        if (bad >= 0) {
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            long line = 1 + before.chars().filter(c -> c == '\n').count();
            long column = before.length() - before.lastIndexOf('\n');
            throw new ModelFormatException(name, line, column, String.format(
                    "expected UTF-8 text but found the byte 0x%02X at byte offset %d (save the file as UTF-8)",
                    bytes[bad] & 0xff, bad), null);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * A model file's name and text, to say where in the text a field is: the 1-based line and
     * column where the value at a field path ({@code "features[4].coefficient"}) starts, or for a
     * missing field where the object that lacks it starts. Only used when reading fails.
     */
    private static final class Source {
        final String name;
        final String text;

        Source(String name, String text) {
            this.name = name;
            this.text = text;
        }

        ModelFormatException error(String path, String problem, Throwable cause) {
            JsonLocation loc = locate(path);
            return loc == null ? new ModelFormatException(name, 0, 0, problem, cause)
                    : new ModelFormatException(name, loc.getLineNr(), loc.getColumnNr(), problem, cause);
        }

        /** Where the value at {@code path}, or else its nearest enclosing value, starts; null if unknown. */
        private JsonLocation locate(String path) {
            Map<String, JsonLocation> starts = new HashMap<>();
            try (JsonParser p = MAPPER.getFactory().createParser(text)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
                        continue;
                    }
                    JsonStreamContext ctx = t.isStructStart() ? p.getParsingContext().getParent()
                            : p.getParsingContext();
                    starts.putIfAbsent(ctx.pathAsPointer().toString(), p.currentTokenLocation());
                }
            } catch (IOException e) {
                return null; // the tree was read, so this does not happen; the message stays without a place
            }
            String pointer = path.isEmpty() ? "" : "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
            while (true) {
                JsonLocation loc = starts.get(pointer);
                if (loc != null || pointer.isEmpty()) {
                    return loc;
                }
                pointer = pointer.substring(0, pointer.lastIndexOf('/'));
            }
        }
    }

    private static void writeNames(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String n : names) {
            g.writeString(n);
        }
        g.writeEndArray();
    }

    private static FittedPreprocessing preprocessing(JsonNode node, Source file) throws ModelFormatException {
        if (!node.isObject()) {
            throw bad(file, "preprocessing", "an object", node);
        }
        List<String> inputs = names(node, "inputFeatures", file, "preprocessing.");
        JsonNode steps = field(node, "steps", file, "preprocessing.");
        if (!steps.isArray()) {
            throw bad(file, "preprocessing.steps", "an array", steps);
        }
        List<FittedStep> fitted = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            JsonNode step = steps.get(k);
            String at = "preprocessing.steps[" + k + "].";
            if (!step.isObject()) {
                throw bad(file, "preprocessing.steps[" + k + "]", "an object", step);
            }
            String kindText = text(step, "kind", file, at);
            StepKind kind;
            try {
                kind = StepKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw file.error(at + "kind", "field '" + at + "kind': expected one of "
                        + Arrays.toString(StepKind.values()) + " but found \"" + kindText + "\"", e);
            }
            JsonNode params = field(step, "parameters", file, at);
            if (!params.isArray()) {
                throw bad(file, at + "parameters", "an array", params);
            }
            double[] values = new double[params.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode x = params.get(i);
                if (!x.isNumber() || !Double.isFinite(x.doubleValue())) {
                    throw bad(file, at + "parameters[" + i + "]", "a finite number", x);
                }
                values[i] = x.doubleValue();
            }
            try {
                fitted.add(FittedStep.of(kind, names(step, "inputFeatures", file, at),
                        names(step, "outputFeatures", file, at), values));
            } catch (IllegalArgumentException e) {
                throw file.error(at.substring(0, at.length() - 1), "inconsistent step '" + at + "': " + e.getMessage(), e);
            }
        }
        return FittedPreprocessing.of(inputs, fitted);
    }

    /**
     * Reads {@code features[j].trainingVariance} (format 4) into {@code variances[j]}: a finite number
     * ≥ 0 for every feature, or null for every feature (unknown; returns null from the first).
     */
    private static double[] variance(JsonNode feature, int j, double[] variances, Source file)
            throws ModelFormatException {
        String key = "features[" + j + "].trainingVariance";
        JsonNode n = feature.get("trainingVariance");
        if (n == null) {
            throw file.error(key, "missing field '" + key + "'", null);
        }
        if (n.isNull() && (j == 0 || variances == null)) {
            return null;
        }
        if (j > 0 && variances == null) {
            throw bad(file, key, "null, as for features[0]", n);
        }
        if (!n.isNumber() || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
            throw bad(file, key, "a finite number ≥ 0" + (j > 0 ? ", as for features[0]" : " or null"), n);
        }
        variances[j] = n.doubleValue();
        return variances;
    }

    /** An AbundanceUnit name, or null for a JSON null (unknown); the field must be present. */
    private static AbundanceUnit unit(JsonNode obj, String key, Source file) throws ModelFormatException {
        JsonNode n = obj.get(key);
        if (n == null) {
            throw file.error(key, "missing field '" + key + "'", null);
        }
        if (n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw bad(file, key, "a unit name or null", n);
        }
        try {
            return AbundanceUnit.valueOf(n.textValue());
        } catch (IllegalArgumentException e) {
            throw file.error(key, "field '" + key + "': expected one of " + Arrays.toString(AbundanceUnit.values())
                    + " or null but found \"" + n.textValue() + "\"", e);
        }
    }

    private static List<String> names(JsonNode obj, String key, Source file, String at) throws ModelFormatException {
        JsonNode n = field(obj, key, file, at);
        if (!n.isArray()) {
            throw bad(file, at + key, "an array of strings", n);
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw bad(file, at + key + "[" + i + "]", "a string", n.get(i));
            }
            out.add(n.get(i).textValue());
        }
        return out;
    }

    private static JsonNode field(JsonNode obj, String key, Source file, String at) throws ModelFormatException {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            throw file.error(at + key, "missing field '" + at + key + "'", null);
        }
        return n;
    }

    private static String text(JsonNode obj, String key, Source file, String at) throws ModelFormatException {
        JsonNode n = field(obj, key, file, at);
        if (!n.isTextual()) {
            throw bad(file, at + key, "a string", n);
        }
        return n.textValue();
    }

    private static double number(JsonNode obj, String key, Source file, String at) throws ModelFormatException {
        JsonNode n = field(obj, key, file, at);
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw bad(file, at + key, "a finite number", n);
        }
        return n.doubleValue();
    }

    private static ModelFormatException bad(Source file, String key, String expected, JsonNode found) {
        return file.error(key, "field '" + key + "': expected " + expected + " but found " + found, null);
    }
}
