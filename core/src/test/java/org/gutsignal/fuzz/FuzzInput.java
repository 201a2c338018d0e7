package org.gutsignal.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.FileFormatException;
import org.gutsignal.io.AtomicFiles;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.FeatureTableWriter;

/**
 * The fuzz tests' shared property: a reader given any bytes either returns a value or throws an
 * {@link IOException} whose message names the file, and a {@link FileFormatException}'s line and
 * column lie in the file. Anything else (a {@link RuntimeException}, an {@link Error}) escapes
 * and Jazzer reports it as a finding.
 */
final class FuzzInput {

    /** Inputs longer than this are skipped, so absurd sizes cannot exhaust the heap. */
    static final int MAX_BYTES = 64 * 1024;

    /**
     * How long one fuzz test fuzzes under {@code JAZZER_FUZZ=1} (Jazzer 0.24 reads it from the
     * annotation only). Regression mode ignores it.
     */
    static final String FUZZ_DURATION = "1m";

    private FuzzInput() {
    }

    /** A reader of one file. */
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /**
     * Writes {@code bytes} to {@code dir/name} and reads it; returns the value read, or
     * {@code null} if the reader refused the file as the property allows (or the input is too big).
     */
    static <T> T read(Path dir, String name, byte[] bytes, Reader<T> reader) throws IOException {
        if (bytes.length > MAX_BYTES) {
            return null;
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        try {
            return reader.read(file);
        } catch (FileFormatException e) {
            checkNamesFile(e, name);
            assertTrue(e.file().endsWith(name), () -> "file() is '" + e.file() + "', not " + name);
            assertTrue(e.line() >= 0 && e.column() >= 0, () -> "negative line or column: " + e.getMessage());
            long lines = lines(bytes);
            if (lines >= 0) {
                assertTrue(e.line() <= lines + 1,
                        () -> "line " + e.line() + " but the file has " + lines + " lines: " + e.getMessage());
            }
            return null;
        } catch (IOException e) {
            checkNamesFile(e, name);
            return null;
        }
    }

    private static void checkNamesFile(IOException e, String name) {
        String m = e.getMessage();
        if (m == null || !m.contains(name)) {
            fail("the " + e.getClass().getName() + " does not name the file " + name + ": " + m, e);
        }
    }

    /**
     * The number of lines of the (decompressed) text: line ends are {@code \n}, {@code \r\n} and a
     * lone {@code \r}; -1 if compressed data cannot be read or inflates past 16 MB.
     */
    static long lines(byte[] bytes) {
        byte[] text = bytes;
        try {
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                text = inflate(new GZIPInputStream(new ByteArrayInputStream(bytes)));
            } else if (bytes.length >= 3 && bytes[0] == 'B' && bytes[1] == 'Z' && bytes[2] == 'h') {
                text = inflate(new BZip2CompressorInputStream(new ByteArrayInputStream(bytes), true));
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        if (text == null) {
            return -1;
        }
        long n = 1;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n' || text[i] == '\r' && (i + 1 == text.length || text[i + 1] != '\n')) {
                n++;
            }
        }
        return n;
    }

    private static byte[] inflate(InputStream in) throws IOException {
        try (in) {
            byte[] b = in.readNBytes(16 << 20);
            return in.read() < 0 ? b : null;
        }
    }

    /**
     * Writes a table read from fuzzed bytes back as samples-as-rows and reads it again: the
     * table must come back equal (bit-identical values).
     */
    static void checkRoundTrip(Path dir, FeatureTable table) throws IOException {
        Path again = dir.resolve("again.csv");
        AtomicFiles.allowOverwrite(again); // read by the previous input's round trip: replacing it is meant
        FeatureTableWriter.samplesAsRows().write(table, again);
        FeatureTable back = FeatureTableReader.samplesAsRows().withUnit(table.unit()).read(again);
        assertEquals(table, back, "samples-as-rows write then read changed the table");
    }
}
