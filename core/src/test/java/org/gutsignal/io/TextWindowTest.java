package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines and cells stay exact far into a streamed file: past the first {@value FileBytes#HEAD}
 * bytes that are checked up front, across the window's compactions, after quoted cells that span
 * lines, and inside compressed files.
 */
class TextWindowTest {

    private static final int ROWS = 100_000; // about 1.6 MB: many times the window and the head

    @TempDir
    Path tmp;

    /** A samples-as-rows table of {@link #ROWS} rows after the header; row {@code r} is on line {@code r + 1}. */
    private static byte[] table(int badRow, String badCells) {
        StringBuilder sb = new StringBuilder("sample,a,b\n");
        for (int r = 1; r <= ROWS; r++) {
            if (r == badRow) {
                sb.append(badCells).append('\n');
            } else if (r == 500) {
                sb.append("\"s500\nstill s500\",1,2\n"); // a quoted id spanning two lines: later rows move down one
            } else {
                sb.append('s').append(r).append(",1,").append(r % 7).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private CohortFormatException fails(String name, byte[] bytes, boolean gzip) throws IOException {
        Path f = tmp.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
            out.write(bytes);
        }
        return assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(f));
    }

    @Test
    void aBadNumberFarIntoTheFileHasItsLineAndCell() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            CohortFormatException e = fails("late.csv", table(90_000, "s90000,1,x"), gzip);
            assertEquals("late.csv, line 90002, column 3 ('b'): expected a number but found 'x'", e.getMessage());
        }
    }

    @Test
    void aNulByteBeyondTheHeadIsNamedWithItsLine() throws IOException {
        CohortFormatException e = fails("nul.csv", table(80_000, "s80000,1,\u0000"), false);
        assertEquals("nul.csv, line 80002, column 3: this file looks binary (a NUL byte in the text)", e.getMessage());
        e = fails("nul.csv.gz", table(80_000, "s80000,1,\u0000"), true);
        assertEquals("nul.csv.gz, line 80002, column 3: this file is gzip-compressed and what it holds looks binary"
                + " (a NUL byte in the decompressed text)", e.getMessage());
    }

    @Test
    void aByteThatIsNotUtf8FarIntoTheFileHasItsLineAndCell() throws IOException {
        byte[] bytes = table(70_000, "s70000,1,2");
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("s70000,1,2") + "s70000,".length(); // the '1' of the second cell
        bytes[at] = (byte) 0xE9; // Latin-1 é
        CohortFormatException e = fails("latin1.csv", bytes, false);
        assertEquals("latin1.csv, line 70002, column 2: expected UTF-8 text but found the byte 0xE9 (save the file as"
                + " UTF-8)", e.getMessage());
    }

    @Test
    void aGzipFileCutShortFarIntoTheDataIsRefusedAsTruncated() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buf)) {
            out.write(table(-1, ""));
        }
        byte[] gz = buf.toByteArray();
        Path f = tmp.resolve("cut.csv.gz");
        Files.write(f, java.util.Arrays.copyOf(gz, gz.length * 3 / 4));
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(f));
        assertEquals("cut.csv.gz: this file is gzip-compressed but could not be decompressed: the data ends too early"
                + " (a truncated file?)", e.getMessage());
    }

    @Test
    void aLongFileReadsWhole() throws IOException {
        Path f = tmp.resolve("long.csv");
        Files.write(f, table(-1, ""));
        FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(f);
        assertEquals(ROWS, t.sampleCount());
        assertEquals("s500\nstill s500", t.sampleIds().get(499));
        assertEquals(ROWS % 7, t.get(ROWS - 1, 1));
    }
}
