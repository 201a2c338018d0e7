package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HUMAnN's stratified rows, dropped by default, are checked at the byte level and skipped
 * without building their cells ({@link DelimitedText.SkipRule}): the table and the report are
 * those of reading every cell, whatever the line ends, quoting, byte order mark or compression,
 * and an error in a skipped row, or after many of them, names the same line and cell.
 */
class SkippedRowsTest {

    private static final int SAMPLES = 7;
    private static final int KOS = 40;
    private static final int STRATA = 30;

    @TempDir
    Path tmp;

    @Test
    void theTableAndReportDoNotDependOnHowTheRowsAreWritten() throws IOException {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        variants.put("plain.tsv", table("\n", false, false));
        variants.put("crlf.tsv", table("\r\n", false, false));
        variants.put("cr.tsv", table("\r", false, false));
        // quoted labels: every stratified row goes through Commons CSV and is parsed cell by cell
        variants.put("quoted.tsv", table("\n", true, false));
        variants.put("bom.tsv", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, table("\n", false, false)));
        variants.put("exponents.tsv", table("\n", false, true));
        variants.put("gz.tsv", gzip(table("\r\n", false, false)));
        variants.put("bz2.tsv", bzip2(table("\n", false, false)));
        for (FeatureTableReader reader : List.of(FeatureTableReader.humann(),
                FeatureTableReader.humann().withFeatureFilter(name -> name.compareTo("K00020") < 0),
                FeatureTableReader.humann().withUnmappedRows(true))) {
            String expected = null;
            for (Map.Entry<String, byte[]> v : variants.entrySet()) {
                Path f = tmp.resolve(v.getKey());
                Files.write(f, v.getValue());
                String got = describe(reader.readWithReport(f));
                if (expected == null) {
                    expected = got;
                } else {
                    assertEquals(expected, got, v.getKey());
                }
            }
        }
        ReadReport r = FeatureTableReader.humann().withFeatureFilter(name -> name.compareTo("K00020") < 0)
                .readWithReport(tmp.resolve("plain.tsv"));
        assertEquals(Map.of("UNMAPPED", 1, "UNINTEGRATED", 1, "stratified", (KOS + 1) * STRATA, "not selected", 22),
                r.droppedRows());
        assertEquals("[UNMAPPED, UNINTEGRATED, stratified, not selected]", r.droppedRows().keySet().toString());
        assertEquals(19, r.table().featureCount());
    }

    @Test
    void anErrorAfterManySkippedRowsNamesItsLineAndCell() throws IOException {
        int strata = 60_000; // about 3 MB: many buffers of skipped rows
        for (String eol : List.of("\n", "\r\n")) {
            for (boolean gz : new boolean[] {false, true}) {
                for (String[] bad : new String[][] {
                    {"x", "expected a number but found 'x'"},
                    {"1e-400", "'1e-400' is below the smallest positive normal double 2.2250738585072014E-308"},
                    {"-2.5", "expected a non-negative abundance (unit RPK) but found '-2.5'"},
                    {"", "expected a number but found an empty cell (missing values are not allowed in a feature "
                            + "table)"}}) {
                    StringBuilder sb = new StringBuilder("# Gene Family\tS1\tS2\tS3" + eol + "K00001\t1\t2\t3" + eol);
                    for (int k = 0; k < strata; k++) {
                        sb.append("K00001|g__G").append(k).append(".s__G").append(k).append("_sp\t0.25\t1e-5\t0")
                                .append(eol);
                    }
                    sb.append("K00001|g__Bad.s__Bad_sp\t1\t2\t").append(bad[0]).append(eol).append("K00002\t1\t1\t1")
                            .append(eol);
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    String name = "late_error" + (gz ? ".tsv.gz" : ".tsv");
                    Path f = tmp.resolve(name);
                    Files.write(f, gz ? gzip(bytes) : bytes);
                    CohortFormatException e = assertThrows(CohortFormatException.class,
                            () -> FeatureTableReader.humann().read(f));
                    assertEquals(name + ", line " + (strata + 3) + ", column 4 ('S3'): " + bad[1], e.getMessage());
                }
            }
        }
    }

    @Test
    void aBadByteOrNulInASkippedRowFarIntoTheFileNamesItsLineAndCell() throws IOException {
        int strata = 20_000; // past the first 64 KiB, which are checked for NUL bytes before reading
        for (byte[] bad : new byte[][] {{0}, {(byte) 0xe9}}) {
            for (boolean gz : new boolean[] {false, true}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("# Gene Family\tS1\tS2\nK00001\t1\t2\n".getBytes(StandardCharsets.US_ASCII));
                for (int k = 0; k < strata; k++) {
                    out.writeBytes(("K00001|g__G" + k + ".s__G" + k + "_sp\t0.5\t0\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.writeBytes("K00001|g__Bad.s__Bad_sp\t1\t2".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(bad);
                out.writeBytes("5\n".getBytes(StandardCharsets.US_ASCII));
                String name = "late_byte" + (gz ? ".tsv.gz" : ".tsv");
                Path f = tmp.resolve(name);
                Files.write(f, gz ? gzip(out.toByteArray()) : out.toByteArray());
                CohortFormatException e = assertThrows(CohortFormatException.class,
                        () -> FeatureTableReader.humann().read(f));
                String problem = bad[0] == 0 ? (gz ? "this file is gzip-compressed and what it holds looks binary (a NUL "
                        + "byte in the decompressed text)" : "this file looks binary (a NUL byte in the text)")
                        : "expected UTF-8 text but found the byte 0xE9 (save the file as UTF-8)";
                assertEquals(name + ", line " + (strata + 3) + ", column 3: " + problem, e.getMessage());
            }
        }
    }

    /** A HUMAnN KO table with special rows, names after ": ", and stratified rows after each KO. */
    private static byte[] table(String eol, boolean quoteStrata, boolean exponents) {
        StringBuilder sb = new StringBuilder("# Gene Family");
        for (int i = 0; i < SAMPLES; i++) {
            sb.append("\tS").append(i).append("_Abundance-RPKs");
        }
        sb.append(eol);
        row(sb, "UNMAPPED", 0, eol, exponents);
        row(sb, "UNINTEGRATED", 1, eol, exponents);
        for (int k = 0; k <= KOS; k++) {
            String ko = String.format(Locale.ROOT, "K%05d", k + 1);
            row(sb, ko + ": enzyme " + k, 10 + k, eol, exponents);
            for (int s = 0; s < STRATA; s++) {
                String label = ko + "|g__G" + s + ".s__G" + s + "_sp";
                row(sb, quoteStrata ? "\"" + label + "\"" : label, 100 * k + s, eol, exponents);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder sb, String label, int seed, String eol, boolean exponents) {
        sb.append(label);
        for (int i = 0; i < SAMPLES; i++) {
            double v = (seed * 31 + i * 17) % 97 / 8.0;
            sb.append('\t').append(v == 0 ? "0" : exponents ? String.format(Locale.ROOT, "%.6e", v) : Double.toString(v));
        }
        sb.append(eol);
    }

    /** Everything a read gives but the file's name, values as exact bits. */
    private static String describe(ReadReport r) {
        FeatureTable t = r.table();
        StringBuilder sb = new StringBuilder();
        sb.append(r.format()).append(r.unit()).append(r.unitSource()).append(r.droppedRows()).append(r.shares())
                .append(r.renamedSamples()).append(r.warnings()).append(t.sampleIds()).append(t.featureNames());
        for (int i = 0; i < t.sampleCount(); i++) {
            for (int j = 0; j < t.featureCount(); j++) {
                sb.append(Long.toHexString(Double.doubleToRawLongBits(t.get(i, j)))).append(',');
            }
        }
        return sb.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] bzip2(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new BZip2CompressorOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
