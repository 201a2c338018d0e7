package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.cohort.CohortFormatException;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordScanner} (through {@link DelimitedText}) gives the records, lines and errors that
 * the reader before it gave: {@link #reference} is that reader (Commons CSV over a
 * {@link TextWindow} for every record), kept here as the oracle. Random texts of numbers, words,
 * quotes, delimiters, CR, LF, CRLF and multi-byte characters are read both ways with buffers of 1
 * to 64 bytes and the default, so that every record and line end crosses a buffer end somewhere.
 * A failing case prints its seed.
 */
class RecordScannerTest {

    private static final String[] NUMBERS = {"1", "0.5", "-2", "1e5", "1E+05", "+.5", "5.", "-0", "1e-400",
        "1e400", "0x1", "NaN", "", "12.3456", "0", "7"};
    private static final String[] WORDS = {"a", "", " ", "é", "€", "😀", "K1|g", "K1", "\uFEFF", "a b"};
    private static final String[] QUOTED = {"\"", "\"\"", "\"a\"", "\"a,b\"", "\"x\ny\"", "\"x\r\ny\"", "\" \"",
        "\"a\" ", "\"K1|g\"", "\"1\"", "a\"b", "\"a\tb\""};
    private static final String[] LINE_ENDS = {"\n", "\n", "\r\n", "\r"};
    private static final String[] PIECES = {"a", "1", "0.5", "-2", "1e5", "1E+05", "+.5", "5.", "-0", "1e-400",
        "1e400", "0x1", "NaN", "", " ", "é", "€", "😀", "K1|g", "K1", "\"", "\"\"", "\"a\"", "\"a,b\"", "\"x\ny\"",
        "\" \"", "\"a\" ", "D", "D", "D", "D", "\n", "\n", "\r", "\r\n", "\r\n", "\t", ",", "\uFEFF"};

    @Test
    void recordsLinesAndErrorsAreThoseOfCommonsCsvOverTheWholeText() {
        long seed0 = 20251129L;
        int errors = 0;
        int multiline = 0;
        for (int t = 0; t < 6000; t++) {
            long seed = seed0 + t;
            SplittableRandom rng = new SplittableRandom(seed);
            char delimiter = rng.nextBoolean() ? ',' : '\t';
            byte[] bytes = randomText(rng, delimiter, false);
            List<String> expected = reference(bytes, delimiter);
            errors += expected.toString().contains("error: ") ? 1 : 0;
            multiline += expected.stream().anyMatch(r -> r.contains("\n")) ? 1 : 0;
            for (int buffer : new int[] {1, 2, 3, 5, 8, 64, RecordScanner.BUFFER}) {
                assertEquals(expected, scanned(bytes, delimiter, buffer, null), "seed " + seed + ", buffer " + buffer
                        + ", text " + show(bytes));
            }
        }
        // the texts exercise what they are meant to: quoting errors, and cells that span lines
        assertTrue(errors > 200 && multiline > 300, errors + " errors, " + multiline + " with cells over lines");
    }

    @Test
    void aBadByteOrNulIsReportedAtItsLineAndCell() {
        for (int t = 0; t < 3000; t++) {
            long seed = 77L + t;
            SplittableRandom rng = new SplittableRandom(seed);
            char delimiter = rng.nextBoolean() ? ',' : '\t';
            byte[] bytes = randomText(rng, delimiter, true);
            List<String> expected = reference(bytes, delimiter);
            for (int buffer : new int[] {1, 3, 8, RecordScanner.BUFFER}) {
                List<String> got = scanned(bytes, delimiter, buffer, null);
                // the old reader decoded ahead, so it could report the byte before some of the records above it
                assertEquals(expected.get(expected.size() - 1), got.get(got.size() - 1), "seed " + seed + ", text "
                        + show(bytes));
                assertEquals(expected.subList(0, expected.size() - 1), got.subList(0, Math.min(got.size() - 1,
                        expected.size() - 1)), "seed " + seed);
            }
        }
    }

    @Test
    void aSkippedRecordIsOneThatPassesEveryCheck() {
        long skipped = 0;
        for (int t = 0; t < 6000; t++) {
            long seed = 4242L + t;
            SplittableRandom rng = new SplittableRandom(seed);
            char delimiter = rng.nextBoolean() ? ',' : '\t';
            boolean negatives = rng.nextBoolean();
            int cells = 2 + rng.nextInt(2);
            byte[] bytes = randomText(rng, delimiter, false);
            List<String> expected = reference(bytes, delimiter);
            for (int buffer : new int[] {1, 5, RecordScanner.BUFFER}) {
                DelimitedText.SkipRule skip = new DelimitedText.SkipRule(c -> c.toString().contains("|"), cells,
                        negatives);
                List<String> got = scanned(bytes, delimiter, buffer, skip);
                skipped += got.stream().filter(r -> r.equals("skipped")).count();
                assertEquals(expected.size(), got.size(), "seed " + seed);
                for (int i = 0; i < got.size(); i++) {
                    if (got.get(i).equals("skipped")) {
                        assertTrue(passes(expected.get(i), cells, negatives), "seed " + seed + ": skipped "
                                + expected.get(i));
                    } else {
                        assertEquals(expected.get(i), got.get(i), "seed " + seed);
                    }
                }
            }
        }
        assertTrue(skipped > 1000, skipped + " records skipped");
    }

    @Test
    void numbersAcceptedAtTheByteLevelAreNumbersOfTheRule() {
        SplittableRandom rng = new SplittableRandom(5);
        String alphabet = "0123456789+-.eE";
        for (int t = 0; t < 200_000; t++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rng.nextInt(8);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            check(sb.toString());
        }
        for (String s : new String[] {"0", "-0", "1e200", "1e201", "9e-200", "1e-201", "1.5E+005", "1" + "0".repeat(99),
            "1" + "0".repeat(100), "0." + "0".repeat(99) + "1", "." , "+", "-", "e5", "1e", "1e+", "1.2.3", "--1"}) {
            check(s);
        }
    }

    private static void check(String s) {
        byte[] b = (s + "\t").getBytes(StandardCharsets.US_ASCII);
        for (boolean negatives : new boolean[] {false, true}) {
            int end = RecordScanner.numberEnd(b, 0, negatives);
            if (end == s.length()) {
                double v = DelimitedText.parseNumber(s); // throws if the byte-level rule was wrong
                assertTrue(negatives || !s.startsWith("-"), s);
                assertTrue(Double.isFinite(v), s);
            }
        }
    }

    /** Whether a reference record {@code line:cell␁cell…} has the cells and numbers a skip asks for. */
    private static boolean passes(String record, int cells, boolean negatives) {
        String[] parts = record.substring(record.indexOf(':') + 1).split("\u0001", -1);
        if (record.startsWith("error") || parts.length != cells || !parts[0].contains("|")) {
            return false;
        }
        for (int c = 1; c < parts.length; c++) {
            try {
                double v = DelimitedText.parseNumber(parts[c]);
                if (!negatives && (v < 0 || parts[c].startsWith("-"))) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static byte[] randomText(SplittableRandom rng, char delimiter, boolean oneBadByte) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double quotes = oneBadByte ? 0 : rng.nextDouble() * 0.2;
        int lines = rng.nextInt(8);
        for (int l = 0; l < lines; l++) {
            int cells = 1 + rng.nextInt(4);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    sb.append(delimiter);
                }
                double u = rng.nextDouble();
                String[] pool = u < quotes ? QUOTED : u < 0.4 ? WORDS : NUMBERS;
                sb.append(c == 0 && rng.nextInt(3) > 0 ? "K1|g" : pool[rng.nextInt(pool.length)]);
            }
            if (rng.nextInt(10) == 0) {
                sb.append(PIECES[rng.nextInt(PIECES.length)]); // anything at all
            }
            String end = LINE_ENDS[rng.nextInt(LINE_ENDS.length)];
            sb.append(l == lines - 1 && rng.nextBoolean() ? "" : end);
            if (rng.nextInt(8) == 0) {
                sb.append(LINE_ENDS[rng.nextInt(LINE_ENDS.length)]); // an empty line
            }
            String text = sb.toString().replace("D", String.valueOf(delimiter));
            out.writeBytes((oneBadByte ? text.replace("\"", "") : text).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = out.toByteArray();
        if (oneBadByte) {
            int at = rng.nextInt(bytes.length + 1);
            ByteArrayOutputStream with = new ByteArrayOutputStream();
            with.write(bytes, 0, at);
            with.write(rng.nextBoolean() ? 0 : rng.nextBoolean() ? 0xe9 : 0xff);
            with.write(bytes, at, bytes.length - at);
            bytes = with.toByteArray();
        }
        return bytes;
    }

    private static List<String> scanned(byte[] bytes, char delimiter, int buffer, DelimitedText.SkipRule skip) {
        List<String> out = new ArrayList<>();
        try (DelimitedText text = DelimitedText.of("t.csv", bytes, delimiter, buffer)) {
            for (DelimitedText.Row r = text.next(skip); r != null; r = text.next(skip)) {
                out.add(r == DelimitedText.SKIPPED ? "skipped" : r.line() + ":" + String.join("\u0001", r.cells));
            }
        } catch (IOException e) {
            out.add("error: " + e.getMessage());
        }
        return out;
    }

    /** The reader before {@link RecordScanner}: Commons CSV over a {@link TextWindow}, as {@code DelimitedText.next} was. */
    static List<String> reference(byte[] bytes, char delimiter) {
        List<String> out = new ArrayList<>();
        TextWindow text = new TextWindow(new ByteArrayInputStream(bytes), "t.csv", delimiter, null);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw e.getCause() instanceof CSVException ? malformed(e.getCause(), text, parser, delimiter)
                            : e.getCause();
                }
                long p = record.getCharacterPosition();
                for (int c = text.charAt(p); c == '\n' || c == '\r'; c = text.charAt(++p)) {
                    // skip
                }
                long line = text.lineAt(p);
                text.forgetBefore(p);
                String[] cells = record.values();
                boolean blank = true;
                for (String c : cells) {
                    blank &= c.isBlank();
                }
                if (!blank) {
                    out.add(line + ":" + String.join("\u0001", cells));
                }
            }
        } catch (IOException e) {
            out.add("error: " + e.getMessage());
        }
        return out;
    }

    private static final Pattern COMMONS_LINE = Pattern.compile("(?:startline |line: )([0-9,]+)");
    private static final Pattern COMMONS_POSITION = Pattern.compile("position: ([0-9,]+)");

    private static CohortFormatException malformed(IOException e, TextWindow text, CSVParser parser, char delimiter) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = COMMONS_LINE.matcher(msg);
        long line = m.find() ? Long.parseLong(m.group(1).replace(",", "")) : parser.getCurrentLineNumber();
        Matcher pos = COMMONS_POSITION.matcher(msg);
        long at = pos.find() ? Long.parseLong(pos.group(1).replace(",", "")) - 1 : text.decodedEnd();
        CharSequence record = text.textFrom(0, at);
        int column = DelimitedText.columnAt(record, record.length(), delimiter);
        String problem;
        if (msg.contains("EOF reached before encapsulated token finished")) {
            problem = "expected a closing '\"' for the quoted cell that starts on this line but the file ended";
        } else if (msg.contains("Invalid character between encapsulated token and delimiter")) {
            problem = "expected a delimiter or line end after the closing '\"' of a quoted cell";
        } else {
            problem = "expected well-formed quoting but the parser reported: " + msg;
        }
        return CohortFormatException.at("t.csv", line, column, null, problem);
    }

    private static String show(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return sb.toString();
    }
}
