package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.cohort.CohortFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conventions of {@link DelimitedText}: number text, delimiter, dialect, reading with lines, atomic writing. */
class DelimitedTextTest {

    @TempDir
    Path dir;

    /**
     * Exact text for the edge cases. The expected strings are the JLS/Java 19+ {@code Double.toString}
     * texts worked out by hand (fewest digits that read back; plain between 10^-3 and 10^7, else
     * {@code d.dddE±n}); whole numbers below 10^15 follow the integer rule instead.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0                     | 0",
        "-0.0                    | -0.0",
        "1                       | 1",
        "-3                      | -3",
        "100                     | 100",
        "1e7                     | 10000000",
        "123456789012345         | 123456789012345",
        "-999999999999999        | -999999999999999",
        "1e15                    | 1.0E15",
        "-1e15                   | -1.0E15",
        "1e16                    | 1.0E16",
        "9007199254740993        | 9.007199254740992E15",
        "0.5                     | 0.5",
        "0.1                     | 0.1",
        "0.001                   | 0.001",
        "0.000999                | 9.99E-4",
        "1e-5                    | 1.0E-5",
        "12345678.5              | 1.23456785E7",
        "0.30000000000000004     | 0.30000000000000004",
        "4.9E-324                | 4.9E-324",
        "1e-310                  | 1.0E-310",
        "2.2250738585072014E-308 | 2.2250738585072014E-308",
        "1.7976931348623157E308  | 1.7976931348623157E308",
        "NaN                     | NaN",
        "Infinity                | Infinity",
        "-Infinity               | -Infinity",
        // Java 17's Double.toString writes 9.999999999999999E22, 8.409999999999999E21 and
        // 2.82879384806159008E17 for these three: not the shortest
        "1e23                    | 1.0E23",
        "8.41e21                 | 8.41E21",
        "2.82879384806159E17     | 2.82879384806159E17",
    })
    void formatWritesTheDocumentedText(String value, String expected) {
        double v = Double.parseDouble(value);
        assertEquals(expected, DelimitedText.format(v));
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(expected)));
    }

    @Test
    void negativeZeroKeepsItsSignAndPositiveZeroIsAnInteger() {
        assertEquals("-0.0", DelimitedText.format(-0.0));
        assertEquals("0", DelimitedText.format(0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(Double.parseDouble(DelimitedText.format(-0.0))));
        assertNotEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Double.parseDouble("0")));
    }

    /**
     * Round trip and shortness for random bit patterns (all magnitudes, subnormals included) and for
     * decimals of few digits: the text reads back to the same bits, and where it has three or more
     * significant digits no decimal with one digit fewer does. Any such decimal that reads back lies between v's rounding-down and rounding-up
     * to that many digits (the doubles reading back to v form an interval), so checking those two
     * (BigDecimal, independent of the formatter) is enough.
     */
    @Test
    void formatIsTheShortestTextThatReadsBack() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {20250101L, 7L});
        for (int k = 0; k < 20_000; k++) {
            double v = k % 2 == 0 ? Double.longBitsToDouble(rng.nextLong())
                    : new BigDecimal(rng.nextInt(1_000_000)).scaleByPowerOfTen(-rng.nextInt(20)).doubleValue();
            if (!Double.isFinite(v)) {
                continue;
            }
            String text = DelimitedText.format(v);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)),
                    "seed 20250101/7, draw " + k + ": " + text);
            BigDecimal exact = new BigDecimal(v);
            int digits = new BigDecimal(text.replace("E", "e")).stripTrailingZeros().precision();
            if (digits <= 2 || v == Math.rint(v) && Math.abs(v) < 1e15) {
                continue; // integers are written whole by rule; two digits may stand for one (4.9E-324)
            }
            for (RoundingMode mode : List.of(RoundingMode.FLOOR, RoundingMode.CEILING)) {
                double shorter = exact.round(new MathContext(digits - 1, mode)).doubleValue();
                assertNotEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(shorter),
                        "seed 20250101/7, draw " + k + ": " + text + " is not the shortest");
            }
        }
    }

    /**
     * The old writers differed only on -0.0 (two wrote {@code 0}) and NaN (one wrote {@code NA}); the
     * checked-in synthetic cohort holds neither, and every number in it is already in the one format.
     */
    @Test
    void everyNumberInTheSyntheticCohortIsInTheFormat() throws IOException {
        Path synthetic = Path.of(System.getProperty("gutsignal.testdata", "../testdata"), "synthetic");
        int numbers = 0;
        for (String f : List.of("species.tsv", "ko.tsv", "capacities.tsv", "traits.tsv", "truth.tsv")) {
            List<String> cells = new ArrayList<>();
            DelimitedText.read(synthetic.resolve(f), (row, line) -> cells.addAll(row));
            for (String cell : cells) {
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    continue;
                }
                numbers++;
                assertEquals(cell, DelimitedText.format(v), f);
                assertTrue(Double.isFinite(v) && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0), f);
            }
        }
        assertTrue(numbers > 500_000, "numbers read: " + numbers);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a.tsv|'\t'", "a.TSV|'\t'", "a.txt|'\t'", "dir.csv/a.tab|'\t'", "a.csv|,", "a|,", "tsv|,",
        "a.tsv.gz|'\t'", "a.tabular|'\t'", "a.txt.bz2|'\t'", "a.csv.gz|,", "a.gz|,",
    })
    void theDelimiterFollowsTheName(String name, char expected) {
        assertEquals(expected, DelimitedText.delimiterFor(name));
    }

    @Test
    void writeUsesTheDelimiterTheNumberFormatAndMinimalQuoting() throws IOException {
        Path tsv = dir.resolve("sub/t.tsv");
        DelimitedText.write(tsv, List.of("id", "x", "note"), List.of(
                List.of("a", 1.0, "plain"),
                List.of("b,c", -0.0, "tab\there"),
                List.of("say \"hi\"", 1e-5, "two\nlines")));
        assertEquals("id\tx\tnote\na\t1\tplain\nb,c\t-0.0\t\"tab\there\"\n\"say \"\"hi\"\"\"\t1.0E-5\t\"two\nlines\"\n",
                Files.readString(tsv));
        Path csv = dir.resolve("t.csv");
        DelimitedText.write(csv, List.of("id", "x"), List.of(List.of("b,c", 0.25f)));
        assertEquals("id,x\n\"b,c\",0.25\n", Files.readString(csv));
    }

    @Test
    void whatIsWrittenReadsBackWithItsLines() throws IOException {
        Path tsv = dir.resolve("t.tsv");
        List<List<String>> rows = List.of(List.of("a", "two\nlines"), List.of("b", "ünï\tcödé"), List.of("c", ""));
        DelimitedText.write(tsv, List.of("id", "v"), rows);
        List<List<String>> read = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        DelimitedText.read(tsv, (cells, line) -> {
            read.add(cells);
            lines.add(line);
        });
        assertEquals(Stream.concat(Stream.of(List.of("id", "v")), rows.stream()).toList(), read);
        assertEquals(List.of(1L, 2L, 4L, 5L), lines);
    }

    @Test
    void readSkipsBlankRecordsDropsTheByteOrderMarkAndAcceptsEveryLineEnd() throws CohortFormatException {
        List<String> seen = new ArrayList<>();
        DelimitedText.read("in-memory.csv", "\uFEFFh1,h2\r\n\r\n , \r1,2\n\n3,4", (cells, line) -> seen.add(line + ":" + cells));
        assertEquals(List.of("1:[h1, h2]", "4:[1, 2]", "6:[3, 4]"), seen);
    }

    @Test
    void commentLinesAreDroppedBeforeTokenisingAndKeepLineNumbers() throws CohortFormatException {
        List<String> seen = new ArrayList<>();
        String text = "\uFEFF# a,\"quote\r\nh1,h2\r  # \"again, \"\n1,\"#not a comment\"\n\t#\n3,4 # kept";
        DelimitedText.readSkippingComments("c.csv", text, (cells, line) -> seen.add(line + ":" + cells));
        assertEquals(List.of("2:[h1, h2]", "4:[1, #not a comment]", "6:[3, 4 # kept]"), seen);
        // without skipping, the quote in the first comment is an error
        assertThrows(CohortFormatException.class, () -> DelimitedText.read("c.csv", text, (cells, line) -> { }));
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> DelimitedText.readSkippingComments("c.csv", "# \"\n# \"\na,\"b\n", (cells, line) -> { }));
        assertEquals("c.csv, line 3, column 2: expected a closing '\"' for the quoted cell that starts on this line"
                + " but the file ended", e.getMessage());
    }

    @Test
    void malformedQuotingNamesTheLineAndTheCell() {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> DelimitedText.read("q.tsv", "a\tb\nx\t\"open\n", (cells, line) -> { }));
        assertEquals("q.tsv, line 2, column 2: expected a closing '\"' for the quoted cell that starts on this line"
                + " but the file ended", e.getMessage());
    }

    @Test
    void notUtf8NamesThePathTheLineAndTheCell() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "a,b\nx,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> DelimitedText.read(file, (cells, line) -> { }));
        assertEquals(file + ", line 2, column 2: expected UTF-8 text but found the byte 0xE9 (save the file as UTF-8)",
                e.getMessage());
    }

    @Test
    void aRaggedRowOrANullCellWritesNothingAndKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "old\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DelimitedText.write(file, List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));
        assertEquals("row 2 has 1 cells but the header has 2", e.getMessage());
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> DelimitedText.write(file, List.of("a"), List.of(withNull)));
        assertEquals("old\n", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList()); // no temporary file left behind
        }
    }

    @Test
    void atomicWritesReplaceWholeFilesAndLeaveNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a/b/out.bin");
        AtomicFiles.writeBytes(file, out -> out.write(new byte[] {1, 2, 3}));
        AtomicFiles.write(file, out -> out.write("ü\n"));
        assertEquals("ü\n", Files.readString(file, StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("partial");
            throw new IOException("disk full");
        }));
        assertEquals("ü\n", Files.readString(file, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    /** The one number rule of every reader: what reads, and as what. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "13.75|13.75", "-2|-2.0", "+0.5|0.5", ".5|0.5", "5.|5.0", "1e-5|1.0E-5", "6.02E+23|6.02E23",
        "0|0.0", "-0.0|-0.0", "0e-400|0.0", "0.000e999|0.0",
        "2.2250738585072014E-308|2.2250738585072014E-308", "1.7976931348623157E308|1.7976931348623157E308",
    })
    void parseNumberReadsDecimalText(String text, double expected) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(DelimitedText.parseNumber(text)));
    }

    /** What the rule refuses, with the message every reader puts after file, line and column. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "0x1p3|expected a number but found '0x1p3'",
        "1d|expected a number but found '1d'",
        "2F|expected a number but found '2F'",
        " 13.75 |expected a number but found ' 13.75 ' (spaces around a number are not allowed)",
        "1\t|expected a number but found '1\\t' (spaces around a number are not allowed)",
        "1\u0007|expected a number but found '1\u0007' (it holds the control character U+0007)",
        "0,5|expected a number but found '0,5' (the decimal separator must be '.')",
        "NaN|expected a finite number but found 'NaN'",
        "-Infinity|expected a finite number but found '-Infinity'",
        "1e400|expected a finite number but found '1e400', which is beyond the largest double 1.7976931348623157E308",
        "1e-400|'1e-400' is below the smallest positive normal double 2.2250738585072014E-308",
        "-1e-400|'-1e-400' is below the smallest positive normal double 2.2250738585072014E-308 in magnitude",
        "2e-324|'2e-324' is below the smallest positive normal double 2.2250738585072014E-308",
        "4.9e-324|'4.9e-324' is below the smallest positive normal double 2.2250738585072014E-308",
        "2.225073858507201E-308|'2.225073858507201E-308' is below the smallest positive normal double 2.2250738585072014E-308",
    })
    void parseNumberRefusesWhatTheTextDoesNotSay(String text, String message) {
        assertEquals(message, assertThrows(NumberFormatException.class, () -> DelimitedText.parseNumber(text)).getMessage());
    }

    /** A decimal of 400 digits that is not zero but nearer 0 than any normal double is refused, not read as 0. */
    @Test
    void parseNumberRefusesALongDecimalThatUnderflows() {
        String text = "0." + "0".repeat(399) + "1";
        assertEquals("'" + text + "' is below the smallest positive normal double 2.2250738585072014E-308",
                assertThrows(NumberFormatException.class, () -> DelimitedText.parseNumber(text)).getMessage());
    }
}
