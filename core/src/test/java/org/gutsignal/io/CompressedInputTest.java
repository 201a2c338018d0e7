package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compressed input through {@link DelimitedText}: gzip and bzip2 are read as if decompressed,
 * decided by the first bytes and not the name; binary files are named for what they are
 * ({@code io/binary_cases.tsv}, whose comment says how each file was made).
 */
class CompressedInputTest {

    @TempDir
    Path dir;

    private static FeatureTable read(String format, Path file) throws IOException {
        return (format.startsWith("humann") ? FeatureTableReader.humann() : FeatureTableReader.metaphlan()).read(file);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static byte[] bzip2(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"humann_ko_rpk", "humann_pathways", "metaphlan_merged"})
    void gzipAndBzip2ReadAsThePlainFile(String format) throws IOException {
        Path plain = FeatureTableReaderTest.testdata("formats/" + format + ".tsv");
        byte[] bytes = Files.readAllBytes(plain);
        FeatureTable expected = read(format, plain);
        // the usual names, and misleading ones: the first bytes decide, the name only gives the delimiter
        for (String name : List.of("t.tsv.gz", "t.TSV.GZ", "t.tsv")) {
            assertEquals(expected, read(format, Files.write(dir.resolve(name), gzip(bytes))), name);
        }
        for (String name : List.of("t.tsv.bz2", "t.tabular")) {
            assertEquals(expected, read(format, Files.write(dir.resolve(name), bzip2(bytes))), name);
        }
        assertEquals(expected, read(format, Files.write(dir.resolve("plain.tsv.gz"), bytes)), "plain.tsv.gz");
    }

    @Test
    void concatenatedGzipMembersAreOneFile() throws IOException {
        // bgzip and `cat a.gz b.gz` write several gzip members; all of them are the file
        byte[] first = gzip("sample_id\tK00001\ns1\t1\n".getBytes(StandardCharsets.UTF_8));
        byte[] second = gzip("s2\t2\n".getBytes(StandardCharsets.UTF_8));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS)
                .read(Files.write(dir.resolve("two.tsv.gz"), both));
        assertEquals(List.of("s1", "s2"), t.sampleIds());
        assertArrayEquals(new double[] {1, 2}, t.column(0));
    }

    @Test
    void metadataAndRawRowsAreDecompressedToo() throws IOException {
        byte[] text = "sample_id,response,group\nP1,responder,a\nP2,non_responder,a\n".getBytes(StandardCharsets.UTF_8);
        SampleMetadata m = MetadataReader.gutsignal().read(Files.write(dir.resolve("meta.csv.bz2"), bzip2(text)));
        assertEquals(List.of(Response.RESPONDER, Response.NON_RESPONDER), m.responses());
        List<String> lines = new ArrayList<>();
        DelimitedText.read(Files.write(dir.resolve("rows.csv.gz"), gzip(text)), (cells, line) ->
                lines.add(line + ":" + String.join("|", cells)));
        assertEquals(List.of("1:sample_id|response|group", "2:P1|responder|a", "3:P2|non_responder|a"), lines);
    }

    @Test
    void delimiterLooksThroughTheCompressionSuffix() {
        for (String tab : List.of("x.tsv", "x.tsv.gz", "X.TSV.BZ2", "x.txt.xz", "x.tab.gz", "x.tabular",
                "x.tabular.gz")) {
            assertEquals('\t', DelimitedText.delimiterFor(tab), tab);
        }
        for (String comma : List.of("x.csv", "x.csv.gz", "x.gz", "x.tsv.zip", "x.gz.tsv.csv")) {
            assertEquals(',', DelimitedText.delimiterFor(comma), comma);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/io/binary_cases.tsv", delimiter = '\t', quoteCharacter = '`')
    void binaryFilesAreNamedForWhatTheyAre(String file, String expected) {
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> FeatureTableReader.samplesAsRows()
                .withUnit(AbundanceUnit.COUNTS).read(MalformedInputTest.resource("binary/" + file)));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void compressedBinaryContentIsNamedToo() throws IOException {
        byte[] hdf5 = Files.readAllBytes(MalformedInputTest.resource("binary/hdf5.tsv"));
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.humann().read(Files.write(dir.resolve("x.tsv"), gzip(hdf5))));
        assertEquals("x.tsv: this file is gzip-compressed and holds an HDF5 file (BIOM 2.1?): read it with BiomReader",
                e.getMessage());
        byte[] twice = gzip(gzip("a\tb\n".getBytes(StandardCharsets.UTF_8)));
        e = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.humann().read(Files.write(dir.resolve("y.tsv"), twice)));
        assertEquals("y.tsv: this file is gzip-compressed and holds gzip-compressed data (compressed twice?): "
                + "decompress it once first", e.getMessage());
    }

    @Test
    void textThatMerelyStartsLikeBzip2IsText() throws IOException {
        // "BZh" then a digit is bzip2's start, but without the block magic after it this is a header
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS)
                .read(Files.writeString(dir.resolve("bzh.csv"), "BZh9,K1\ns1,2\n"));
        assertEquals(List.of("K1"), t.featureNames());
    }
}
