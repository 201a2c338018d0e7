package org.gutsignal.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;

/**
 * BIOM 1.0, the JSON format: the fields {@code rows}, {@code columns}, {@code shape},
 * {@code matrix_type} ({@code dense} or {@code sparse}), {@code matrix_element_type} and
 * {@code data}, in any order. Read in two passes over the bytes: the first reads everything but
 * {@code data} as a tree, the second streams {@code data} with the line and column of each value
 * for messages. {@code NaN} and {@code Infinity}, which Python's {@code json} writes, are parsed so
 * that they can be refused by name. Stateless and thread-safe.
 */
final class BiomJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Opens the file's (decompressed) bytes afresh: the JSON is read twice, never held whole. */
    @FunctionalInterface
    interface Bytes {
        InputStream open() throws IOException;
    }

    private final String file;
    private final Bytes bytes;
    private final AbundanceUnit unit;
    private JsonLocation shapeAt;
    private JsonLocation dataAt;
    private JsonNode rows;
    private JsonNode columns;
    private JsonNode shape;
    private String matrixType;
    private String elementType;

    private BiomJson(String file, Bytes bytes, AbundanceUnit unit) {
        this.file = file;
        this.bytes = bytes;
        this.unit = unit;
    }

    static BiomReader.Contents read(String file, Bytes bytes, AbundanceUnit unit, boolean taxonomy)
            throws IOException {
        BiomJson json = new BiomJson(file, bytes, unit);
        try {
            return json.read(taxonomy);
        } catch (CohortFormatException e) {
            throw e;
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            String problem = "expected BIOM 1.0 JSON but the JSON parser reported: " + e.getOriginalMessage();
            throw at == null || at.getLineNr() < 1 ? CohortFormatException.inFile(file, problem)
                    : CohortFormatException.at(file, at.getLineNr(), at.getColumnNr(), null, problem);
        } catch (java.io.CharConversionException e) { // a byte sequence that is no text in any Unicode encoding
            throw CohortFormatException.inFile(file, "expected BIOM 1.0 JSON but it could not be decoded: "
                    + e.getMessage());
        }
    }

    private int dataEntries;
    private int firstEntryLength = -1;

    private BiomReader.Contents read(boolean taxonomy) throws IOException {
        try (JsonParser p = MAPPER.createParser(bytes.open())) {
            expect(p, p.nextToken() == JsonToken.START_OBJECT, "a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "rows" -> rows = p.readValueAsTree();
                    case "columns" -> columns = p.readValueAsTree();
                    case "shape" -> {
                        shapeAt = p.currentTokenLocation();
                        shape = p.readValueAsTree();
                    }
                    case "matrix_type" -> {
                        matrixType = p.getValueAsString();
                        p.skipChildren();
                    }
                    case "matrix_element_type" -> {
                        elementType = p.getValueAsString();
                        p.skipChildren();
                    }
                    case "data" -> {
                        dataAt = p.currentTokenLocation();
                        scanData(p);
                    }
                    default -> p.skipChildren();
                }
            }
        }
        require(rows, "rows");
        require(columns, "columns");
        require(shape, "shape");
        require(dataAt, "data");
        if (matrixType == null) {
            matrixType = inferMatrixType();
        }
        List<String> observations = ids(rows, "rows");
        List<String> samples = ids(columns, "columns");
        if (!shape.isArray() || shape.size() != 2 || !shape.get(0).canConvertToExactIntegral()
                || !shape.get(1).canConvertToExactIntegral()) {
            throw at(shapeAt, "expected 'shape' to be [observations, samples] but found " + shape);
        }
        if (shape.get(0).asLong() != observations.size() || shape.get(1).asLong() != samples.size()) {
            throw at(shapeAt, "'shape' is " + shape + " but 'rows' has " + observations.size() + " and 'columns' "
                    + samples.size() + " entries");
        }
        if (!matrixType.equals("dense") && !matrixType.equals("sparse")) {
            throw CohortFormatException.inFile(file, "expected 'matrix_type' to be 'dense' or 'sparse' but found '"
                    + matrixType + "'");
        }
        if (elementType != null && !elementType.equals("int") && !elementType.equals("float")) {
            throw CohortFormatException.inFile(file, "expected 'matrix_element_type' to be 'int' or 'float' but "
                    + "found '" + elementType + "' (a table of text is not a feature table)");
        }
        double[] values = values(observations.size(), samples.size());
        return new BiomReader.Contents(observations, samples, taxonomy ? taxonomy(observations) : null, values,
                "int".equals(elementType), elementType == null ? "of no declared 'matrix_element_type'"
                        : "of matrix_element_type '" + elementType + "'");
    }

    /** The first pass over 'data': how many entries it has and how long the first one is. */
    private void scanData(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_ARRAY) {
            int length = 0;
            while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                p.skipChildren();
                length++;
            }
            if (dataEntries == 0) {
                firstEntryLength = length;
            }
            dataEntries++;
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    /**
     * BIOM 1.0 files written by biom-format 2.0 development versions lack 'matrix_type': a
     * sparse matrix is a list of [row, column, value] triples, a dense one a row per observation.
     */
    private String inferMatrixType() throws CohortFormatException {
        int observations = rows != null && rows.isArray() ? rows.size() : -1;
        int samples = columns != null && columns.isArray() ? columns.size() : -1;
        boolean sparse = dataEntries == 0 || firstEntryLength == 3;
        boolean dense = dataEntries == observations && firstEntryLength == samples;
        if (sparse && !dense) {
            return "sparse";
        }
        if (dense && !sparse) {
            return "dense";
        }
        throw CohortFormatException.inFile(file, "expected the BIOM 1.0 field 'matrix_type' ('dense' or 'sparse'): "
                + "the file has none and its 'data' (" + dataEntries + " entries of " + firstEntryLength
                + " values) could be either");
    }

    private void require(Object field, String name) throws CohortFormatException {
        if (field == null || field instanceof JsonNode node && node.isNull()) {
            throw CohortFormatException.inFile(file, "expected the BIOM 1.0 field '" + name
                    + "' but the file has none (or it is null)");
        }
    }

    private List<String> ids(JsonNode entries, String field) throws CohortFormatException {
        if (!entries.isArray()) {
            throw CohortFormatException.inFile(file, "expected '" + field
                    + "' to be an array of {\"id\": …} objects");
        }
        List<String> ids = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode id = entries.get(i).get("id");
            if (id == null || !id.isTextual()) {
                throw CohortFormatException.inFile(file, "expected entry " + (i + 1) + " of '" + field
                        + "' to have a string 'id' but found " + entries.get(i));
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private List<String> taxonomy(List<String> observations) throws CohortFormatException {
        List<String> names = new ArrayList<>(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            JsonNode t = rows.get(i).path("metadata").path("taxonomy");
            List<String> ranks = new ArrayList<>();
            if (t.isTextual()) {
                ranks.add(t.asText());
            } else if (t.isArray()) {
                t.forEach(rank -> ranks.add(rank.asText()));
            }
            String joined = ranks.isEmpty() ? "" : BiomReader.joinTaxonomy(ranks);
            if (joined.isEmpty()) {
                throw CohortFormatException.inFile(file, "expected a 'taxonomy' in the metadata of observation '"
                        + observations.get(i) + "' but found " + (t.isMissingNode() ? "none" : t)
                        + ": name features by id with withTaxonomyNames(false)");
            }
            names.add(joined);
        }
        return names;
    }

    /** The second pass: streams 'data' into a sample-major array. */
    private double[] values(int observations, int samples) throws IOException {
        double[] values = new double[Math.multiplyExact(observations, samples)];
        try (JsonParser p = MAPPER.createParser(bytes.open())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME && !p.currentName().equals("data")) {
                p.nextToken();
                p.skipChildren();
            }
            expect(p, p.nextToken() == JsonToken.START_ARRAY, "'data' to be an array");
            if (matrixType.equals("dense")) {
                for (int i = 0; i < observations; i++) {
                    expect(p, p.nextToken() == JsonToken.START_ARRAY, "row " + (i + 1) + " of " + observations
                            + " of the dense 'data' (an array of " + samples + " values)");
                    for (int j = 0; j < samples; j++) {
                        p.nextToken();
                        expect(p, p.currentToken() != JsonToken.END_ARRAY, samples + " values in row " + (i + 1)
                                + " of the dense 'data', as 'shape' says, but found " + j);
                        values[j * observations + i] = value(p);
                    }
                    expect(p, p.nextToken() == JsonToken.END_ARRAY, "row " + (i + 1)
                            + " of the dense 'data' to end after " + samples + " values (as 'shape' says)");
                }
                expect(p, p.nextToken() == JsonToken.END_ARRAY, "the dense 'data' to end after " + observations
                        + " rows (as 'shape' says)");
            } else {
                BitSet seen = new BitSet(values.length);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    JsonLocation entry = p.currentTokenLocation();
                    int i = index(p, observations, "row");
                    int j = index(p, samples, "column");
                    p.nextToken();
                    values[j * observations + i] = value(p);
                    expect(p, p.nextToken() == JsonToken.END_ARRAY, "a sparse entry [row, column, value] to end");
                    if (seen.get(j * observations + i)) {
                        throw at(entry, "duplicate sparse entry for row " + i + ", column " + j);
                    }
                    seen.set(j * observations + i);
                }
                expect(p, p.currentToken() == JsonToken.END_ARRAY, "a sparse entry [row, column, value]");
            }
        }
        return values;
    }

    private int index(JsonParser p, int size, String what) throws IOException {
        p.nextToken();
        expect(p, p.currentToken() == JsonToken.VALUE_NUMBER_INT, "a 0-based " + what + " index in a sparse entry "
                + "[row, column, value]");
        long k = p.getLongValue();
        if (k < 0 || k >= size) {
            throw at(p.currentTokenLocation(), "expected a " + what + " index from 0 to " + (size - 1)
                    + " (as 'shape' says) but found " + k);
        }
        return (int) k;
    }

    private double value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        expect(p, t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT, "a number");
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
            throw at(p.currentTokenLocation(), "expected a finite number but found " + p.getText());
        }
        try {
            DelimitedText.parseNumber(p.getText()); // JSON's grammar is the rule's; this adds the range
        } catch (NumberFormatException e) {
            throw at(p.currentTokenLocation(), e.getMessage());
        }
        if ("int".equals(elementType) && v != Math.rint(v)) {
            throw at(p.currentTokenLocation(), "expected a whole number ('matrix_element_type' is 'int') but found "
                    + p.getText());
        }
        String negative = BiomReader.negative(v, unit);
        if (negative != null) {
            throw at(p.currentTokenLocation(), negative);
        }
        return v;
    }

    private void expect(JsonParser p, boolean ok, String expected) throws CohortFormatException {
        if (!ok) {
            JsonToken t = p.currentToken();
            throw at(p.currentTokenLocation(), "expected " + expected + (t == null ? " but the file ended"
                    : expected.contains(" but found ") ? "" : " but found " + describe(p, t)));
        }
    }

    private static String describe(JsonParser p, JsonToken t) {
        try {
            return switch (t) {
                case START_ARRAY -> "'['";
                case END_ARRAY -> "']'";
                case START_OBJECT -> "'{'";
                case END_OBJECT -> "'}'";
                case VALUE_STRING -> "the string \"" + p.getText() + "\"";
                default -> p.getText();
            };
        } catch (IOException e) {
            return t.toString();
        }
    }

    private CohortFormatException at(JsonLocation where, String problem) {
        return where == null || where.getLineNr() < 1 ? CohortFormatException.inFile(file, problem)
                : CohortFormatException.at(file, where.getLineNr(), where.getColumnNr(), null, problem);
    }
}
