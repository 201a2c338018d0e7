package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BIOM files written by biom-format's reference implementation (2.1.12) from a small invented
 * table, 4 OTUs x 5 patients ({@code io/biom/make_biom_files.py}, {@code io/biom/SOURCES.tsv}).
 * The expected ids, cells and taxonomies were read independently of gutsignal and of biom-format
 * by {@code io/biom/expected_values.py} (python's {@code json} module, h5py 3.7.0); its output is
 * {@code io/biom/expected_values.txt}.
 */
class BiomReaderTest {

    private static final List<String> PATIENTS = List.of("P01", "P02", "P03", "P04", "P05");
    private static final List<String> OTUS = List.of("OTU_1", "OTU_2", "OTU_3", "OTU_4");
    /** expected_values.txt, one row per OTU, one column per patient. */
    private static final double[][] COUNTS = {
        {120, 0, 35, 8, 0}, {0, 44, 12, 0, 7}, {3, 0, 0, 61, 2}, {15, 9, 0, 0, 30}};
    /** expected_values.txt: the taxonomy of OTU_3, joined with '|'. */
    private static final String OTU3_TAXONOMY = "k__Bacteria|p__Verrucomicrobia|c__Verrucomicrobiae"
            + "|o__Verrucomicrobiales|f__Akkermansiaceae|g__Akkermansia|s__Akkermansia_muciniphila";

    @TempDir
    Path dir;

    private static Path biom(String name) {
        return MalformedInputTest.resource("biom/" + name);
    }

    /** The counts table, samples as rows, with these feature names. */
    private static FeatureTable counts(List<String> features) {
        double[][] bySample = new double[5][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                bySample[j][i] = COUNTS[i][j];
            }
        }
        return FeatureTable.of(PATIENTS, features, bySample, AbundanceUnit.COUNTS);
    }

    @Test
    void denseJsonIntegerTableIsReadAsCounts() throws IOException {
        FeatureTable t = BiomReader.withDefaults().read(biom("dense_counts.biom"));
        assertEquals(counts(OTUS), t);
        assertEquals(AbundanceUnit.COUNTS, t.unit());
        assertEquals(120.0, t.get(t.indexOfSample("P01"), t.indexOfFeature("OTU_1")));
        assertEquals(61.0, t.get(t.indexOfSample("P04"), t.indexOfFeature("OTU_3")));
        assertEquals(0.0, t.get(t.indexOfSample("P05"), t.indexOfFeature("OTU_1")));
    }

    @Test
    void hdf5WithGzipFilteredDataSetsAndTaxonomyNames() throws IOException {
        BiomReader counts = BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS);
        assertEquals(counts(OTUS), counts.read(biom("counts_taxonomy_hdf5.biom")));
        FeatureTable byTaxonomy = counts.withTaxonomyNames(true).read(biom("counts_taxonomy_hdf5.biom"));
        assertEquals(OTU3_TAXONOMY, byTaxonomy.featureNames().get(2));
        assertEquals(30.0, byTaxonomy.get(4, 3)); // P05, OTU_4
    }

    @Test
    void sparseJsonAndItsSharedTaxonomy() throws IOException {
        BiomReader counts = BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS);
        FeatureTable t = counts.read(biom("sparse_counts_taxonomy.biom"));
        assertEquals(counts(OTUS), t.selectFeatures(OTUS));
        assertArrayEquals(new double[] {0, 6, 0, 0, 11}, t.column(t.indexOfFeature("OTU_5")));
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> counts.withTaxonomyNames(true).read(biom("sparse_counts_taxonomy.biom")));
        assertEquals("sparse_counts_taxonomy.biom: duplicate taxonomy 'k__Bacteria|p__Bacteroidota|c__Bacteroidia"
                + "|o__Bacteroidales|f__Bacteroidaceae|g__Bacteroides|s__Bacteroides_uniformis' (observations "
                + "'OTU_1' and 'OTU_5'): name features by id with withTaxonomyNames(false), or collapse the table "
                + "by taxonomy first", e.getMessage());
    }

    @Test
    void taxonomyAsOneSemicolonSeparatedString() throws IOException {
        // OTU_5's taxonomy list replaced by one ';'-separated string, as some tools write it
        String json = Files.readString(biom("sparse_counts_taxonomy.biom")).replaceFirst(
                "(\"OTU_5\", \"metadata\": \\{\"taxonomy\": )\\[[^]]*]", "$1\"k__Bacteria; p__Other; \"");
        assertTrue(json.contains("k__Bacteria; p__Other; \""), "the edit applied");
        FeatureTable t = BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS).withTaxonomyNames(true)
                .read(write("rich.biom", json));
        assertEquals(OTU3_TAXONOMY, t.featureNames().get(2));
        assertEquals("k__Bacteria|p__Other", t.featureNames().get(4));
    }

    @Test
    void gzippedJsonAndMisnamedHdf5AreToldByContent() throws IOException {
        // relab.biom.gz is gzip-compressed JSON of fractions; misnamed_hdf5.biom.gz is plain HDF5
        FeatureTable relab = BiomReader.withDefaults().withUnit(AbundanceUnit.FRACTION).read(biom("relab.biom.gz"));
        assertEquals(PATIENTS, relab.sampleIds());
        assertEquals(OTUS, relab.featureNames());
        assertEquals(0.8695652173913043, relab.get(0, 0)); // P01, OTU_1 = 120 / 138
        assertEquals(0.7692307692307693, relab.get(4, 3)); // P05, OTU_4 = 30 / 39
        assertEquals(counts(OTUS), BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS)
                .read(biom("misnamed_hdf5.biom.gz")));
    }

    @Test
    void compressedHdf5IsDecompressedToATemporaryFileAndReadThere() throws IOException {
        Path gz = write("counts_taxonomy_hdf5.biom.gz", "");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(biom("counts_taxonomy_hdf5.biom"), out);
        }
        BiomReader counts = BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS);
        assertEquals(counts.read(biom("counts_taxonomy_hdf5.biom")), counts.read(gz));
        try (java.util.stream.Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().matches("gutsignal-[0-9]+\\.h5")),
                    "the temporary file is removed");
        }
    }

    @Test
    void floatTablesNeedAUnit() {
        CohortFormatException json = assertThrows(CohortFormatException.class,
                () -> BiomReader.withDefaults().read(biom("relab.biom.gz")));
        assertEquals("relab.biom.gz: expected an integer table to read as COUNTS but the values are of "
                + "matrix_element_type 'float': say what the numbers are with withUnit(AbundanceUnit)",
                json.getMessage());
        CohortFormatException hdf5 = assertThrows(CohortFormatException.class,
                () -> BiomReader.withDefaults().read(biom("counts_taxonomy_hdf5.biom")));
        assertEquals("counts_taxonomy_hdf5.biom: expected an integer table to read as COUNTS but the values "
                + "are of the HDF5 type double (in 'observation/matrix/data'): say what the numbers are with "
                + "withUnit(AbundanceUnit)", hdf5.getMessage());
    }

    // ---- JSON errors: file, line and character column from Jackson ----

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String HEAD = "{\"id\": null, \"format\": \"1.0.0\", \"type\": \"OTU table\",\n"
            + "\"rows\": [{\"id\": \"o1\", \"metadata\": null}, {\"id\": \"o2\", \"metadata\": null}],\n"
            + "\"columns\": [{\"id\": \"s1\", \"metadata\": null}, {\"id\": \"s2\", \"metadata\": null}],\n";

    private static final String DENSE = "\"matrix_type\": \"dense\", \"matrix_element_type\": \"int\", "
            + "\"shape\": [2, 2],\n\"data\": [[1, 2],\n         ";
    private static final String SPARSE = "\"matrix_type\": \"sparse\", \"matrix_element_type\": \"int\", ";

    /**
     * JSON errors: HEAD + the file's tail, and the message. Lines and columns are 1-based, the
     * position of the offending token, counted by hand (and checked with python:
     * {@code (HEAD + tail).split('\n')[line - 1].index(token) + 1}).
     */
    static Stream<Arguments> jsonErrors() {
        return Stream.of(
                Arguments.of(DENSE + "[3, NaN]]}", "t.biom, line 6, column 14: expected a finite number but found NaN"),
                Arguments.of(DENSE + "[-3, 4]]}", "t.biom, line 6, column 11: expected a non-negative abundance "
                        + "(unit COUNTS, inferred) but found -3"),
                Arguments.of(DENSE + "[3, 4, 5]]}", "t.biom, line 6, column 17: expected row 2 of the dense 'data' "
                        + "to end after 2 values (as 'shape' says) but found 5"),
                Arguments.of(DENSE + "[3, 2.5]]}", "t.biom, line 6, column 14: expected a whole number "
                        + "('matrix_element_type' is 'int') but found 2.5"),
                Arguments.of(DENSE + "]]}", "t.biom, line 6, column 10: expected BIOM 1.0 JSON but the JSON parser "
                        + "reported: Unexpected character (']' (code 93)): expected a value"),
                Arguments.of(SPARSE + "\"shape\": [3, 2], \"data\": []}", "t.biom, line 4, column 65: 'shape' is "
                        + "[3,2] but 'rows' has 2 and 'columns' 2 entries"),
                Arguments.of(SPARSE + "\"shape\": [2, 2], \"data\": [[0, 2, 1]]}", "t.biom, line 4, column 86: "
                        + "expected a column index from 0 to 1 (as 'shape' says) but found 2"),
                Arguments.of(SPARSE + "\"shape\": [2, 2], \"data\": [[1, 0, 1], [1, 0, 2]]}", "t.biom, line 4, "
                        + "column 93: duplicate sparse entry for row 1, column 0"),
                Arguments.of(SPARSE + "\"data\": []}", "t.biom: expected the BIOM 1.0 field 'shape' but the file "
                        + "has none (or it is null)"),
                Arguments.of(SPARSE.replace("\"sparse\"", "\"sparse\", \"columns\": [{\"id\": \"s1\"}, "
                        + "{\"id\": \"s1\"}]") + "\"shape\": [2, 2], \"data\": []}",
                        "t.biom: duplicate sample id 's1' (numbers 1 and 2)"),
                Arguments.of(SPARSE.replace("\"sparse\"", "\"sparse\", \"rows\": [{\"id\": \"o1\"}, {\"id\": \"\"}]")
                        + "\"shape\": [2, 2], \"data\": []}", "t.biom: expected an observation id but found an empty "
                        + "one (number 2)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("jsonErrors")
    void jsonErrorsNameLineAndColumn(String tail, String expected) {
        assertEquals(expected, assertThrows(CohortFormatException.class,
                () -> BiomReader.withDefaults().read(write("t.biom", HEAD + tail))).getMessage());
    }

    @Test
    void notBiomAtAll() throws IOException {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> BiomReader.withDefaults().read(write("table.biom", "#OTU ID\tS1\nGG_OTU_1\t3\n")));
        assertEquals("table.biom: expected a BIOM file (JSON starting with '{', or HDF5) but found neither (a "
                + "delimited text table? read it with FeatureTableReader)", e.getMessage());
    }

    @Test
    void gzippedBiomIsReadLikeThePlainOne() throws IOException {
        Path gz = dir.resolve("otus.biom.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(biom("dense_counts.biom"), out);
        }
        assertEquals(BiomReader.withDefaults().read(biom("dense_counts.biom")),
                BiomReader.withDefaults().read(gz));
    }

    // ---- HDF5 errors: written with jHDF's writer, a 2 x 3 BIOM 2.1 table with one thing changed ----

    private Path hdf5(String name, int[] shape, double[] data, int[] indptr) {
        Path file = dir.resolve(name);
        try (WritableHdfFile h = HdfFile.write(file)) {
            h.putAttribute("format-version", new int[] {2, 1});
            h.putAttribute("shape", shape);
            WritableGroup obs = h.putGroup("observation");
            obs.putDataset("ids", new String[] {"o1", "o2"});
            WritableGroup m = obs.putGroup("matrix");
            m.putDataset("data", data);
            m.putDataset("indices", new int[] {0, 2, 1});
            if (indptr != null) {
                m.putDataset("indptr", indptr);
            }
            h.putGroup("sample").putDataset("ids", new String[] {"s1", "s2", "s3"});
        }
        return file;
    }

    private static final int[] SHAPE = {2, 3};
    private static final double[] DATA = {1, 2, 3};
    private static final int[] INDPTR = {0, 2, 3};

    private String hdf5Error(int[] shape, double[] data, int[] indptr) {
        return assertThrows(CohortFormatException.class, () -> BiomReader.withDefaults()
                .withUnit(AbundanceUnit.COUNTS).read(hdf5("t.biom", shape, data, indptr))).getMessage();
    }

    @Test
    void hdf5WrittenByJhdfIsRead() throws IOException {
        FeatureTable t = BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS)
                .read(hdf5("ok.biom", SHAPE, DATA, INDPTR));
        assertEquals(List.of("s1", "s2", "s3"), t.sampleIds());
        assertEquals(List.of("o1", "o2"), t.featureNames());
        // o1 has 1 in s1 and 2 in s3, o2 has 3 in s2
        assertEquals(List.of(1.0, 0.0, 0.0, 3.0, 2.0, 0.0), Arrays.stream(t.toRowMajorArray()).boxed().toList());
    }

    @Test
    void hdf5Errors() {
        assertEquals("t.biom: expected the data set 'observation/matrix/indptr' but the file has none",
                hdf5Error(SHAPE, DATA, null));
        assertEquals("t.biom: the attribute 'shape' says 4 samples but 'sample/ids' has 3 ids",
                hdf5Error(new int[] {2, 4}, DATA, INDPTR));
        assertEquals("t.biom: expected 3 entries in 'observation/matrix/indptr' (one more than the 2 observations) "
                + "but found 4", hdf5Error(SHAPE, DATA, new int[] {0, 1, 2, 3}));
        assertEquals("t.biom: in 'observation/matrix/data' (entry 1) for observation 'o1' and sample 's3': "
                + "expected a non-negative abundance (unit COUNTS) but found -2",
                hdf5Error(SHAPE, new double[] {1, -2, 3}, INDPTR));
        assertEquals("t.biom: in 'observation/matrix/data' (entry 2) for observation 'o2' and sample 's2': "
                + "expected a finite number but found NaN", hdf5Error(SHAPE, new double[] {1, 2, Double.NaN}, INDPTR));
    }

    @Test
    void hdf5WithOnlyTheSampleMajorMatrix() throws IOException {
        Path file = dir.resolve("csc.biom");
        try (WritableHdfFile h = HdfFile.write(file)) {
            h.putAttribute("format-version", new int[] {2, 1});
            h.putAttribute("shape", SHAPE);
            h.putGroup("observation").putDataset("ids", new String[] {"o1", "o2"});
            WritableGroup sample = h.putGroup("sample");
            sample.putDataset("ids", new String[] {"s1", "s2", "s3"});
            WritableGroup m = sample.putGroup("matrix");
            // the table of hdf5WrittenByJhdfIsRead, by sample: s1 has o1=1, s2 has o2=3, s3 has o1=2
            m.putDataset("data", new long[] {1, 3, 2});
            m.putDataset("indices", new int[] {0, 1, 0});
            m.putDataset("indptr", new int[] {0, 1, 2, 3});
        }
        FeatureTable t = BiomReader.withDefaults().read(file);
        assertEquals(AbundanceUnit.COUNTS, t.unit()); // an HDF5 integer data set
        assertEquals(BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS).read(hdf5("ok.biom", SHAPE, DATA,
                INDPTR)), t);
    }

    @Test
    void truncatedHdf5AndWrongVersion() throws IOException {
        byte[] whole = Files.readAllBytes(biom("counts_taxonomy_hdf5.biom"));
        Path cut = Files.write(dir.resolve("cut.biom"), Arrays.copyOf(whole, 4000));
        String message = assertThrows(CohortFormatException.class,
                () -> BiomReader.withDefaults().withUnit(AbundanceUnit.COUNTS).read(cut)).getMessage();
        // the reason is jHDF's: "Failed to load children for group '//' at address '96'" in jHDF 0.11.0
        assertTrue(message.startsWith("cut.biom: this HDF5 file could not be read (truncated or damaged?): "),
                message);
        Path v1 = dir.resolve("v1.biom");
        try (WritableHdfFile h = HdfFile.write(v1)) {
            h.putAttribute("format-version", new int[] {1, 0});
        }
        assertEquals("v1.biom: expected BIOM format-version 2.x but found [1, 0]", assertThrows(
                CohortFormatException.class, () -> BiomReader.withDefaults().read(v1)).getMessage());
    }

    @Test
    void optionsAreImmutableAndPrinted() {
        BiomReader defaults = BiomReader.withDefaults();
        BiomReader changed = defaults.withUnit(AbundanceUnit.CPM).withTaxonomyNames(true);
        assertEquals("BiomReader[unit COUNTS if integer, features named by observation id]", defaults.toString());
        assertEquals("BiomReader[unit CPM, features named by taxonomy]", changed.toString());
        assertThrows(NullPointerException.class, () -> defaults.withUnit(null));
    }
}
