package org.gutsignal.io;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.cohort.CohortFormatException;

/**
 * Delimited text files the gutsignal way: every table gutsignal reads or writes goes through
 * this class, so all of them share one delimiter rule, one number format, one CSV dialect and one
 * set of error messages.
 *
 * <pre>{@code
 * DelimitedText.read(Path.of("traits.tsv"), (cells, line) -> ...);     // every non-blank record
 * DelimitedText.readSkippingComments(Path.of("traits.tsv"), ...);       // without '#' lines
 * DelimitedText.write(Path.of("out/auroc.csv"), List.of("site", "auroc"),
 *         List.of(List.of("site1", 0.72), List.of("site2", 0.68)));    // site1,0.72 ...
 * DelimitedText.format(-0.0);                                           // "-0.0"
 * }</pre>
 *
 * <h2>The conventions</h2>
 * <ul>
 *   <li><b>Delimiter</b>: a tab for names ending in {@code .tsv}, {@code .txt}, {@code .tab} or
 *       {@code .tabular} (Galaxy's), ignoring case and a compression suffix ({@code x.tsv.gz}), a
 *       comma otherwise.</li>
 *   <li><b>Compression</b>: a gzip- or bzip2-compressed file is read as if it were decompressed,
 *       whatever its name: what it is follows its first bytes, so {@code x.tsv} may be compressed
 *       and {@code x.tsv.gz} may be plain. xz and zstd are refused. Files are written
 *       uncompressed. Messages name the file as given and the line and cell of the decompressed
 *       text.</li>
 *   <li><b>Binary files</b>: a file that is not text is refused with what it is instead of an
 *       encoding error: {@code profile.tsv: this file is an HDF5 file (BIOM 2.1?): read it with
 *       BiomReader}; likewise a ZIP archive (an {@code .xlsx} workbook), an {@code .xls} workbook,
 *       a tar archive, UTF-16 text, a truncated or corrupt gzip or bzip2 file, and any file holding
 *       a NUL byte ({@code this file looks binary (NUL byte at offset 1234)}).</li>
 *   <li><b>Dialect</b>: Commons CSV's default: {@code "} quotes a cell (only where needed when
 *       writing), {@code ""} is a quote inside one. Reading accepts CR, LF and CRLF line ends,
 *       a missing final line end and a leading UTF-8 byte order mark; writing ends every line,
 *       the last included, with {@code \n} and writes no byte order mark.</li>
 *   <li><b>Encoding</b>: UTF-8 only. A byte that is not UTF-8 is an error naming its line and cell.</li>
 *   <li><b>Numbers</b> ({@link #format(double)}): the shortest decimal text that parses back
 *       ({@link Double#parseDouble}) to exactly the same double, in the layout of
 *       {@link Double#toString(double)}; whole numbers below 10<sup>15</sup> in magnitude without
 *       {@code ".0"}; {@code -0.0} keeps its sign as {@code "-0.0"}; {@code NaN}, {@code Infinity},
 *       {@code -Infinity} as Java writes them.</li>
 *   <li><b>Reading numbers</b> ({@link #parseNumber(String)}), the one rule of every reader
 *       (feature tables, BIOM values, trait tables, model files): decimal text only.</li>
 *   <li><b>Reading</b> ({@link #read(Path, ObjLongConsumer)}): records that are empty or hold only
 *       blank cells are skipped; every record comes with the 1-based line it starts on, counted
 *       correctly after quoted cells that span lines. Malformed quoting is an error naming the
 *       line and the cell.</li>
 *   <li><b>Writing</b> ({@link #write(Path, List, Iterable)}): atomically, through
 *       {@link AtomicFiles}: a reader sees the old file or the new one, never a part.</li>
 * </ul>
 *
 * <p>The static methods are thread-safe (each call uses its own parser or file). Inside the
 * package an instance reads one file once and is not thread-safe.
 */
public final class DelimitedText implements java.io.Closeable {

    /** The delimiter argument meaning "as the file name implies" ({@link #delimiterFor(String)}). */
    static final char BY_NAME = 0;

    private static final Pattern COMMONS_LINE = Pattern.compile("(?:startline |line: )([0-9,]+)");
    private static final Pattern COMMONS_POSITION = Pattern.compile("position: ([0-9,]+)");

    /** One record: its cells and the line on which it starts. */
    static final class Row {
        final String[] cells;
        final long line;

        Row(String[] cells, long line) {
            this.cells = cells;
            this.line = line;
        }

        /** The number of cells. */
        int size() {
            return cells.length;
        }

        /** The 1-based line on which the record starts. */
        long line() {
            return line;
        }

        /** Cell {@code k} (0-based), as read (quotes removed, not trimmed). */
        String cell(int k) {
            return cells[k];
        }

        /** The 1-based line of cell {@code k}: the start line plus the line breaks inside earlier quoted cells. */
        long lineOf(int k) {
            long l = line;
            for (int c = 0; c < k && c < cells.length; c++) {
                l += lineBreaks(cells[c], 0, cells[c].length());
            }
            return l;
        }
    }

    /**
     * What {@link #next(SkipRule)} may pass over without building its cells: a record whose first
     * cell passes {@code firstCell} (shown as the characters of an ASCII cell, valid during the call
     * only), that has exactly {@code cells} cells, and whose other cells are all numbers that
     * {@link #parseNumber} accepts, non-negative unless {@code negatives}. A record that might
     * break one of these is returned whole instead, so that the caller's own checks refuse it with
     * their usual message: skipping never hides an error.
     *
     * @param firstCell called with the first cell of ASCII records that may be skipped, in file order
     * @param cells     the number of cells a skipped record has
     * @param negatives whether a number may be negative
     */
    record SkipRule(java.util.function.Predicate<CharSequence> firstCell, int cells, boolean negatives) {
    }

    /** What {@link #next(SkipRule)} returns for a record it skipped: no cells, line -1. */
    static final Row SKIPPED = new Row(new String[0], -1);

    private final String fileName;
    private final char delimiter;
    private final FileBytes.Source source; // null for text in memory
    private final InputStream in;
    private final String compression;
    private final RecordScanner scanner;
    // Commons CSV, from a record the scanner hands over to the end of the file:
    private TextWindow text;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long lineBase; // Commons CSV's line 1 is the file's line lineBase + 1

    private DelimitedText(String fileName, InputStream in, char delimiter, FileBytes.Source source,
            String compression, int buffer) {
        this.fileName = fileName;
        this.in = in;
        this.delimiter = delimiter;
        this.source = source;
        this.compression = compression;
        this.scanner = new RecordScanner(in, fileName, delimiter, compression, buffer);
    }

    /** UTF-8 bytes named {@code name}, read {@code buffer} bytes at a time: for tests that cross buffer ends. */
    static DelimitedText of(String name, byte[] bytes, char delimiter, int buffer) {
        return new DelimitedText(name, new java.io.ByteArrayInputStream(bytes), delimiter, null, null, buffer);
    }

    /**
     * Reads every record of {@code file} that holds a non-blank cell, in order, passing its cells
     * (as read: quotes removed, not trimmed; an unmodifiable list) and the 1-based line it starts
     * on to {@code rows}. The delimiter follows the file name; messages name the file as
     * {@code file.toString()}.
     *
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it is not UTF-8 or its quoting is malformed (the message names
     *                               the line and the cell)
     */
    public static void read(Path file, ObjLongConsumer<List<String>> rows) throws IOException {
        try (DelimitedText text = open(file, delimiterFor(file.toString()), file.toString())) {
            text.forEach(rows);
        }
    }

    /**
     * Reads text already in memory (for example a resource) as {@link #read(Path, ObjLongConsumer)}
     * reads a file called {@code name}: the delimiter follows {@code name}, messages name it.
     *
     * @throws CohortFormatException if the quoting is malformed (the message names the line and the cell)
     */
    public static void read(String name, String text, ObjLongConsumer<List<String>> rows)
            throws CohortFormatException {
        try {
            of(name, text, delimiterFor(name)).forEach(rows);
        } catch (CohortFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    /**
     * Reads {@code file} as {@link #read(Path, ObjLongConsumer)} does, but first skips comment
     * lines: a line whose first non-blank character is {@code #} is dropped before the text is
     * split into cells, so quotes and delimiters in it mean nothing ({@code # "unmatched} is a
     * fine comment). The line is a comment whatever the quoting around it, even inside a quoted
     * cell that spans lines. Line numbers stay those of the file.
     *
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it is not UTF-8 or its quoting is malformed (the message names
     *                               the line and the cell)
     */
    public static void readSkippingComments(Path file, ObjLongConsumer<List<String>> rows) throws IOException {
        String name = file.toString();
        char d = delimiterFor(name);
        String whole; // catalogs and trait tables are small: read whole, so that comments go before parsing
        try (FileBytes.Source source = FileBytes.openText(file, name);
                TextWindow window = new TextWindow(source.bytes(), name, d, source.compression())) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 13];
            for (int r = window.read(buf, 0, buf.length); r >= 0; r = window.read(buf, 0, buf.length)) {
                sb.append(buf, 0, r);
            }
            whole = sb.toString();
        }
        readSkippingComments(name, whole, rows);
    }

    /**
     * Reads text already in memory as {@link #readSkippingComments(Path, ObjLongConsumer)} reads a
     * file called {@code name}.
     *
     * @throws CohortFormatException if the quoting is malformed (the message names the line and the cell)
     */
    public static void readSkippingComments(String name, String text, ObjLongConsumer<List<String>> rows)
            throws CohortFormatException {
        read(name, withoutComments(withoutBom(text)), rows);
    }

    /**
     * The text with every comment line (first non-blank character {@code #}) replaced by one space,
     * its line end kept, so that it is read as a blank record (skipped) and later line numbers do
     * not move.
     */
    static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int first = start;
            while (first < end && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
                first++;
            }
            if (first == end || text.charAt(first) != '#') {
                sb.append(text, start, end);
            } else {
                sb.append(' '); // not "": after a lone CR, an emptied LF line would read as one CRLF
            }
            int next = end; // past the line end: LF, CRLF or a lone CR
            if (next < text.length() && text.charAt(next++) == '\r' && next < text.length()
                    && text.charAt(next) == '\n') {
                next++;
            }
            sb.append(text, end, next);
            start = next;
        }
        return sb.toString();
    }

    private void forEach(ObjLongConsumer<List<String>> rows) throws IOException {
        for (Row row = next(); row != null; row = next()) {
            rows.accept(List.of(row.cells), row.line);
        }
    }

    /**
     * Writes {@code header} and then {@code rows} to {@code file} atomically (see
     * {@link AtomicFiles}), creating parent folders and replacing an existing file. The delimiter
     * follows the file name. A {@link Double} cell is written with {@link #format(double)}, any
     * other cell with {@code toString()}; cells are quoted where needed. {@code rows} is iterated
     * once, while writing, so it may compute rows on the fly.
     *
     * @param <R> the type of a row
     * @throws IllegalArgumentException if a row's length differs from the header's (nothing is written)
     * @throws NullPointerException     if a header name or a cell is {@code null} (nothing is written)
     * @throws IOException              if the file cannot be written
     */
    public static <R extends List<?>> void write(Path file, List<String> header, Iterable<R> rows)
            throws IOException {
        List<String> columns = List.copyOf(header);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiterFor(file.toString()))
                .setRecordSeparator('\n').get();
        AtomicFiles.write(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, format);
            printer.printRecord(columns);
            String[] cells = new String[columns.size()];
            int r = 0;
            for (List<?> row : rows) {
                r++;
                if (row.size() != cells.length) {
                    throw new IllegalArgumentException("row " + r + " has " + row.size()
                            + " cells but the header has " + cells.length);
                }
                for (int c = 0; c < cells.length; c++) {
                    Object cell = row.get(c);
                    cells[c] = cell instanceof Double d ? format(d) : cell.toString();
                }
                printer.printRecord((Object[]) cells);
            }
            printer.flush();
        });
    }

    /**
     * {@code v} as the shortest decimal text that {@link Double#parseDouble} reads back as exactly
     * {@code v}, the same text on every JDK:
     * <ul>
     *   <li>whole numbers with {@code |v| < 10^15}: digits only ({@code 0}, {@code 100},
     *       {@code -123456789012345}), never {@code ".0"} or an exponent;</li>
     *   <li>{@code -0.0}: {@code "-0.0"}, so the sign survives a round trip and tools that infer
     *       column types (R, pandas) read a floating-point zero rather than the integer {@code 0};</li>
     *   <li>everything else in the layout of {@link Double#toString(double)} with its fewest digits
     *       (where one digit would do, two are written if they are closer: {@code 4.9E-324}, not
     *       {@code 5.0E-324}): {@code 0.1}, {@code 1.0E-5}, {@code 1.0E15}, {@code NaN},
     *       {@code Infinity}, {@code -Infinity}.</li>
     * </ul>
     * The digits are those of Java 19+'s {@code Double.toString} (Giulietti's Schubfach algorithm,
     * here taken from Jackson); Java 17's {@code Double.toString} sometimes writes one digit more
     * ({@code 2.82879384806159008E17} for {@code 2.82879384806159E17}). Numbers with at most 15
     * significant digits, such as those of the synthetic cohorts, read the same either way.
     *
     * <p>Before this rule, gutsignal's writers disagreed only on {@code -0.0} (the report tables and
     * the synthetic truth and trait files wrote {@code 0}) and on NaN (the report writes {@code NA},
     * which it still does, for R); the files of {@code testdata/synthetic} hold neither value, so
     * their bytes are the same under this rule.
     */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return NumberOutput.toString(v, true);
    }

    /**
     * The number a cell's text holds, by the one rule of every gutsignal reader:
     * <pre>
     *   [+-]? ( digits [ . digits? ] | . digits ) [ (e|E) [+-]? digits ]      digits = [0-9]+
     * </pre>
     * so {@code 13.75}, {@code -2}, {@code +0.5}, {@code .5}, {@code 5.}, {@code 1e-5} and
     * {@code 6.02E23} are numbers, read as {@link Double#parseDouble} reads them (the nearest double).
     * Refused, because the text would not say what is read: anything else ({@code NaN},
     * {@code Infinity}, hex floats such as {@code 0x1p3}, the type suffixes of {@code 1d} and
     * {@code 2F}, spaces or tabs around the digits, control characters, a decimal comma); a value
     * beyond the largest double ({@code 1e400}); and a value whose text is not zero but which is
     * nearer to 0 than the smallest positive normal double {@value Double#MIN_NORMAL} (it would read as
     * 0, {@code 1e-400}, or as a subnormal that keeps only some of its digits, {@code 4.9e-324}).
     * {@code -0} and {@code -0.0} read as {@code -0.0}; readers of abundances make it {@code 0.0}.
     *
     * @param text the cell as read (not trimmed)
     * @return the finite double, zero or at least {@value Double#MIN_NORMAL} in magnitude
     * @throws NumberFormatException if the text breaks the rule; the message is the problem as the
     *                               readers report it after the file, line and column, such as
     *                               {@code expected a number but found '0x1p3'} or
     *                               {@code '1e-400' is below the smallest positive normal double
     *                               2.2250738585072014E-308}
     */
    public static double parseNumber(String text) {
        if (!isNumberText(text)) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("nan") || t.endsWith("inf") || t.endsWith("infinity")) {
                throw new NumberFormatException("expected a finite number but found " + quote(text));
            }
            String hint = "";
            if (!t.isEmpty() && isNumberText(t)) {
                hint = " (spaces around a number are not allowed)";
            } else if (t.matches("[-+]?[0-9]*,[0-9]+")) {
                hint = " (the decimal separator must be '.')";
            } else {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                        hint = String.format(" (it holds the control character U+%04X)", (int) c);
                        break;
                    }
                }
            }
            throw new NumberFormatException("expected a number but found " + quote(text) + hint);
        }
        double v = shortDecimal(text);
        if (Double.isNaN(v)) {
            v = Double.parseDouble(text);
        }
        if (Double.isInfinite(v)) {
            throw new NumberFormatException("expected a finite number but found " + quote(text)
                    + ", which is beyond the largest double " + Double.MAX_VALUE);
        }
        if (Math.abs(v) < Double.MIN_NORMAL && (v != 0 || !isZeroText(text))) {
            throw new NumberFormatException(quote(text) + " is below the smallest positive normal double "
                    + Double.MIN_NORMAL + (v < 0 || text.startsWith("-") ? " in magnitude" : ""));
        }
        return v;
    }

    /**
     * Whether {@code s} follows {@link #parseNumber}'s rule,
     * {@code [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?}, checked character by character:
     * every cell of every table passes here, and a regular expression cost more than the rest of
     * the number's reading (the test checks the two agree).
     */
    static boolean isNumberText(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Exact powers of ten as doubles: 10^0 … 10^22 are all representable. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The double {@link Double#parseDouble} gives for number text (by {@link #isNumberText}) with at
     * most 15 significant digits and a decimal exponent of at most 22 in magnitude, or NaN for any
     * other text. The digits w are then exactly a double (w < 2<sup>53</sup>), so is 10<sup>k</sup>,
     * and one multiplication or division by it is correctly rounded: the nearest double to the
     * decimal, which is what {@code parseDouble} returns (Clinger's fast path, which it takes too).
     * About five times faster than {@code parseDouble} for the cells of typical tables.
     */
    static double shortDecimal(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        long w = 0;
        int significant = 0;
        int scale = 0; // digits after the point
        boolean point = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c == '.') {
                point = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            if (w != 0 || c != '0') {
                if (++significant > 15) {
                    return Double.NaN;
                }
            }
            w = 10 * w + (c - '0');
            scale += point ? 1 : 0;
        }
        int exponent = 0;
        if (i < n) { // an exponent: e or E, a sign, digits
            boolean minus = s.charAt(++i) == '-';
            if (s.charAt(i) == '+' || minus) {
                i++;
            }
            if (n - i > 3) {
                return Double.NaN;
            }
            for (; i < n; i++) {
                exponent = 10 * exponent + (s.charAt(i) - '0');
            }
            exponent = minus ? -exponent : exponent;
        }
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        int k = exponent - scale;
        if (k < -22 || k > 22) {
            return Double.NaN;
        }
        double v = k >= 0 ? w * POWERS_OF_TEN[k] : w / POWERS_OF_TEN[-k];
        return negative ? -v : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the digits before the exponent are all zero. */
    private static boolean isZeroText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code '\t'} for names ending in {@code .tsv}, {@code .txt}, {@code .tab} or {@code .tabular}
     * (Galaxy's), any case, after a compression suffix {@code .gz}, {@code .bz2} or {@code .xz}
     * ({@code x.tsv.gz}); {@code ','} otherwise.
     */
    static char delimiterFor(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|xz)$", "");
        return name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".tab") || name.endsWith(".tabular")
                ? '\t' : ',';
    }

    /**
     * Opens a file as UTF-8 text, split at {@code delimiter} or, if that is {@link #BY_NAME}, at the
     * delimiter the file's name implies; messages name it by its file name. Close it.
     *
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it is compressed in a way gutsignal does not read or is not text
     */
    static DelimitedText open(Path file, char delimiter) throws IOException {
        char d = delimiter == BY_NAME ? delimiterFor(file.toString()) : delimiter;
        return open(file, d, String.valueOf(file.getFileName()));
    }

    /**
     * Opens a file as UTF-8 text, naming it {@code name} in messages: the file is read as a stream,
     * record by record, never whole. Close it.
     *
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it is compressed in a way gutsignal does not read or is not text
     */
    static DelimitedText open(Path file, char delimiter, String name) throws IOException {
        FileBytes.Source source = FileBytes.openText(file, name); // decompressed, binary files refused
        // a small plain file is read in one buffer of its size (a directory of thousands of profiles)
        int buffer = source.compression() == null ? (int) Math.min(RecordScanner.BUFFER, source.fileSize() + 1)
                : RecordScanner.BUFFER;
        return new DelimitedText(name, source.bytes(), delimiter, source, source.compression(), Math.max(16, buffer));
    }

    /** Text already in memory (for example a resource), named {@code name} in messages; a leading byte order mark is dropped. */
    static DelimitedText of(String name, String text, char delimiter) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return of(name, bytes, delimiter, RecordScanner.BUFFER);
    }

    /** The open file, or {@code null} for text in memory: how far the read has come, for {@link HeapBudget}. */
    FileBytes.Source source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }

    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /**
     * The offset of the first byte that is not part of well-formed UTF-8 (a byte that cannot start
     * or continue a character, an overlong or surrogate encoding, a sequence cut short by the end),
     * or -1 if every byte is; the one UTF-8 check of every gutsignal reader, model files included.
     */
    public static int firstNonUtf8Byte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        return r.isError() ? in.position() : -1;
    }

    /**
     * The 1-based cell of its line that the character at {@code index} falls in, by Commons CSV's
     * default quoting ({@code "} opens a quoted cell only at the start of a cell, {@code ""} inside
     * one is a quote); if a quoted cell is still open at {@code index}, the cell where it opened.
     */
    static int columnAt(CharSequence s, int index, char delimiter) {
        int cell = 1;
        int openedIn = 1;
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < index && i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"' && cellStart) {
                quoted = true;
                openedIn = cell;
                cellStart = false;
            } else if (c == delimiter) {
                cell++;
                cellStart = true;
            } else if (c == '\n' || c == '\r') {
                cell = 1;
                cellStart = true;
            } else {
                cellStart = false;
            }
        }
        return quoted ? openedIn : cell;
    }

    /** The file's name as messages give it. */
    String fileName() {
        return fileName;
    }

    /**
     * The next record that holds at least one non-blank cell, or {@code null} at the end.
     *
     * @throws CohortFormatException if the quoting is malformed
     */
    Row next() throws IOException {
        return next(null);
    }

    /**
     * {@link #next()}, or {@link #SKIPPED} for a record that {@code skip} lets go.
     *
     * @param skip what may be skipped, or {@code null} for nothing
     * @throws CohortFormatException if the quoting is malformed
     */
    Row next(SkipRule skip) throws IOException {
        if (records == null) {
            Row row = scanner.next(skip);
            if (row != RecordScanner.HAND_OVER) {
                return row;
            }
            // a record only Commons CSV reads as it must: it reads from here to the end
            lineBase = scanner.recordLine() - 1;
            text = new TextWindow(scanner.remainder(), fileName, delimiter, compression, scanner.recordLine(), false);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
            parser = CSVParser.parse(text, format);
            records = parser.iterator();
        }
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                // Commons CSV reports its own quoting errors and wraps those of the text below it
                throw e.getCause() instanceof CSVException ? malformed(e.getCause()) : e.getCause();
            }
            long start = startOf(record);
            long line = text.lineAt(start);
            text.forgetBefore(start);
            String[] cells = record.values();
            if (isBlank(cells)) {
                continue;
            }
            return new Row(cells, line);
        }
    }

    private CohortFormatException malformed(IOException e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = COMMONS_LINE.matcher(msg);
        long line = lineBase + (m.find() ? Long.parseLong(m.group(1).replace(",", "")) : parser.getCurrentLineNumber());
        // Commons CSV gives the position just after the offending character, or none at the end of
        // the file, where the cell to name is the quoted one still open
        Matcher pos = COMMONS_POSITION.matcher(msg);
        long at = pos.find() ? Long.parseLong(pos.group(1).replace(",", "")) - 1 : text.decodedEnd();
        CharSequence record = text.textFrom(0, at); // from the start of the record being read
        int column = columnAt(record, record.length(), delimiter);
        String problem;
        if (msg.contains("EOF reached before encapsulated token finished")) {
            problem = "expected a closing '\"' for the quoted cell that starts on this line but the file ended";
        } else if (msg.contains("Invalid character between encapsulated token and delimiter")) {
            problem = "expected a delimiter or line end after the closing '\"' of a quoted cell";
        } else {
            problem = "expected well-formed quoting but the parser reported: " + msg;
        }
        return CohortFormatException.at(fileName, line, column, null, problem);
    }

    /** The record's first character: Commons CSV positions a record before the empty lines it skipped. */
    private long startOf(CSVRecord record) {
        long p = record.getCharacterPosition();
        for (int c = text.charAt(p); c == '\n' || c == '\r'; c = text.charAt(++p)) {
            // skip
        }
        return p;
    }

    /** Line breaks in {@code s[from, to)}: LF, CRLF and a lone CR each count once. */
    static int lineBreaks(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The header's cells as a readable list, for "available columns" messages. */
    static String listColumns(String[] header) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < header.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(escape(header[i])).append('\'');
        }
        return sb.toString();
    }

    /** The header name of a 0-based column for messages, or {@code null} if it is empty or beyond the header. */
    static String nameOf(String[] header, int index) {
        return index >= 0 && index < header.length && !header[index].isEmpty() ? header[index] : null;
    }

    /** Shown text of a cell in messages. */
    static String quote(String cell) {
        return cell.isEmpty() ? "an empty cell" : "'" + escape(cell) + "'";
    }

    /** The text with tabs and line breaks shown as {@code \t}, {@code \r}, {@code \n}. */
    static String escape(String s) {
        return s.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
