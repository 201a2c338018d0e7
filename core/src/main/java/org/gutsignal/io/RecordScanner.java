package org.gutsignal.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.cohort.CohortFormatException;

/**
 * The records of delimited UTF-8 text split straight from its bytes, line by line: what
 * {@link DelimitedText} reads with, so that the common line (ASCII, no quote) is split without
 * decoding characters or tokenising them one by one, and a row the caller does not need can be
 * checked and passed over without building a single string ({@link DelimitedText.SkipRule}).
 *
 * <p>The records are those Commons CSV's default dialect gives (the splitting rules are in
 * {@link DelimitedText}'s class comment), with the same errors: a line with a byte that is not
 * ASCII is decoded strictly (a byte that is not UTF-8 and a NUL character are errors naming the
 * line and cell); a line with a quote whose quoted cells all close on that line, each followed by
 * a delimiter or the line end, is split by Commons CSV itself; any other line with a quote (a
 * quoted cell that spans lines, spaces or junk after a closing quote, a quote never closed) is
 * handed over: {@link #next} returns {@link #HAND_OVER} and the text from that record on is
 * {@link #remainder()}, for Commons CSV to read to the end of the file.
 *
 * <p>Memory: a buffer of {@value #BUFFER} bytes, grown to hold the longest line. Not thread-safe.
 */
final class RecordScanner {

    /** What {@link #next} returns for a record it leaves to Commons CSV: read {@link #remainder()} from here on. */
    static final DelimitedText.Row HAND_OVER = new DelimitedText.Row(new String[0], -1);

    /** Bytes read at a time (the buffer grows if one line is longer). */
    static final int BUFFER = 1 << 17;

    /** Byte classes: an ordinary byte, the delimiter, LF, CR, and anything that needs care (quote, NUL, not ASCII). */
    private static final byte PLAIN = 0;
    private static final byte DELIMITER = 1;
    private static final byte LF = 2;
    private static final byte CR = 3;
    private static final byte OTHER = 4;

    /** Results of the fast path that are not a record: read more bytes, or take the careful path. */
    private static final DelimitedText.Row AGAIN = new DelimitedText.Row(new String[0], -1);
    private static final DelimitedText.Row CAREFUL = new DelimitedText.Row(new String[0], -1);

    /** Digits and exponent limits of a number accepted without {@link DelimitedText#parseNumber} (see {@link #numberEnd}). */
    private static final int MAX_DIGITS = 100;
    private static final int MAX_EXPONENT = 200;

    private final InputStream in;
    /** The largest buffer: a record (from its first byte to its line end) must fit in it. */
    static final int MAX_BUFFER = Integer.MAX_VALUE - 8;
    private final String file;
    private final char delimiter;
    private final String compression;
    private final byte[] classes = new byte[256];
    private final boolean bytewise; // the delimiter is one ASCII byte the fast path can split at
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Ascii firstCell = new Ascii();
    private final List<String> cells = new ArrayList<>();

    private byte[] buf;
    private int pos;             // the next byte to read
    private int lim;             // bytes held: buf[0, lim); buf[lim] is 0, a sentinel
    private boolean eof;
    private boolean started;
    private long line = 1;       // the line of buf[pos]
    private int recordStart;     // the record being read starts here …
    private long recordLine;     // … on this line

    RecordScanner(InputStream in, String file, char delimiter, String compression) {
        this(in, file, delimiter, compression, BUFFER);
    }

    /** A scanner that reads {@code buffer} bytes at a time (tests use a few, to cross buffer ends everywhere). */
    RecordScanner(InputStream in, String file, char delimiter, String compression, int buffer) {
        this.buf = new byte[buffer + 1];
        this.in = in;
        this.file = file;
        this.delimiter = delimiter;
        this.compression = compression;
        this.bytewise = delimiter > 0 && delimiter < 0x80 && delimiter != '"' && !Character.isLetterOrDigit(delimiter)
                && "+-.".indexOf(delimiter) < 0;
        java.util.Arrays.fill(classes, 0x80, 0x100, OTHER);
        classes[0] = OTHER;
        classes['"'] = OTHER;
        classes['\n'] = LF;
        classes['\r'] = CR;
        if (bytewise) {
            classes[delimiter] = DELIMITER;
        }
    }

    /**
     * The next record that holds a non-blank cell, with the line it starts on; {@link DelimitedText#SKIPPED}
     * for a record {@code skip} lets go (never one the caller's checks would refuse);
     * {@link #HAND_OVER} for a record Commons CSV must read; {@code null} at the end.
     *
     * @param skip what may be skipped, or {@code null} for nothing
     * @throws CohortFormatException if a line is not UTF-8 or holds a NUL character
     * @throws IOException           if the bytes cannot be read
     */
    DelimitedText.Row next(DelimitedText.SkipRule skip) throws IOException {
        while (true) {
            if (!skipLineEnds()) {
                return null;
            }
            recordStart = pos;
            recordLine = line;
            DelimitedText.Row row = bytewise ? fast(skip) : CAREFUL;
            while (row == AGAIN) {
                more();
                row = fast(skip);
            }
            if (row == CAREFUL) {
                row = careful();
            }
            if (row != null) {
                return row;
            }
            // a record of blank cells: skipped, as Commons CSV's records of blank cells are
        }
    }

    /** The line the record last returned starts on. */
    long recordLine() {
        return recordLine;
    }

    /** The bytes from the start of the record last returned ({@link #HAND_OVER}) to the end of the input. */
    InputStream remainder() {
        InputStream held = new ByteArrayInputStream(java.util.Arrays.copyOfRange(buf, recordStart, lim));
        return eof ? held : new SequenceInputStream(held, in);
    }

    // ----- the fast path: ASCII lines without a quote, split at the delimiter byte

    /**
     * The record at {@link #recordStart} if its line is ASCII without a quote: its cells,
     * {@link DelimitedText#SKIPPED}, or {@code null} if they are all blank; {@link #AGAIN} if the
     * line goes past the bytes held, {@link #CAREFUL} for any other line.
     */
    private DelimitedText.Row fast(DelimitedText.SkipRule skip) throws IOException {
        byte[] b = buf;
        byte[] cls = classes;
        int s = recordStart;
        int p = s;
        int k;
        cells.clear();
        while (true) {
            while ((k = cls[b[p] & 0xff]) == PLAIN) {
                p++;
            }
            if (k == OTHER) {
                if (p < lim) {
                    return CAREFUL;
                }
                if (!eof) {
                    return AGAIN;
                }
            }
            if (s == recordStart && skip != null && k == DELIMITER && skip.firstCell().test(firstCell.of(b, s, p))) {
                return skipped(p, skip);
            }
            cells.add(new String(b, s, p - s, StandardCharsets.ISO_8859_1));
            if (k != DELIMITER) {
                break;
            }
            s = ++p;
        }
        String[] row = cells.toArray(new String[0]);
        finishLine(p);
        return isBlank(row) ? null : new DelimitedText.Row(row, recordLine);
    }

    /**
     * The rest of a record whose first cell ends at {@code p} (a delimiter) and which {@code skip}
     * lets go if it has the cells it asks for, each a number by {@link #numberEnd}:
     * {@link DelimitedText#SKIPPED}, or {@link #AGAIN} / {@link #CAREFUL} if not sure.
     */
    private DelimitedText.Row skipped(int p, DelimitedText.SkipRule skip) throws IOException {
        byte[] b = buf;
        byte[] cls = classes;
        boolean negatives = skip.negatives();
        int count = 1;
        int end;
        while (true) {
            int e = numberEnd(b, p + 1, negatives);
            if (e < 0) {
                return -1 - e >= lim && !eof ? AGAIN : CAREFUL;
            }
            count++;
            int k = cls[b[e] & 0xff];
            if (k == DELIMITER) {
                p = e;
            } else if (k == LF || k == CR) {
                end = e;
                break;
            } else if (e >= lim) {
                if (!eof) {
                    return AGAIN;
                }
                end = e;
                break;
            } else {
                return CAREFUL;
            }
        }
        if (count != skip.cells()) {
            return CAREFUL;
        }
        finishLine(end);
        return DelimitedText.SKIPPED;
    }

    /**
     * Where the number starting at {@code p} ends (the index of the first byte after it), if it
     * is one that {@link DelimitedText#parseNumber} certainly accepts as it is written:
     * {@code [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?} with at most
     * {@value #MAX_DIGITS} digits before the exponent and an exponent of at most
     * {@value #MAX_EXPONENT} in magnitude (so the value is 0 or between 1e-300 and 1e300 in
     * magnitude: finite, and normal), without a minus sign unless {@code negatives}. Else
     * {@code -1 - q}, where {@code q} is how far it looked.
     */
    static int numberEnd(byte[] b, int p, boolean negatives) {
        int c = b[p];
        if (c == '+' || c == '-' && negatives) {
            c = b[++p];
        }
        int from = p;
        while (c >= '0' && c <= '9') {
            c = b[++p];
        }
        int digits = p - from;
        if (c == '.') {
            int f = ++p;
            c = b[p];
            while (c >= '0' && c <= '9') {
                c = b[++p];
            }
            digits += p - f;
        }
        if (digits == 0 || digits > MAX_DIGITS) {
            return -1 - p;
        }
        if (c == 'e' || c == 'E') {
            c = b[++p];
            if (c == '+' || c == '-') {
                c = b[++p];
            }
            int e = p;
            int exponent = 0;
            while (c >= '0' && c <= '9' && p - e < 3) {
                exponent = 10 * exponent + c - '0';
                c = b[++p];
            }
            if (p == e || exponent > MAX_EXPONENT || c >= '0' && c <= '9') {
                return -1 - p;
            }
        }
        return p;
    }

    // ----- the careful path: any line, decoded

    /**
     * The record at {@link #recordStart}, from its decoded line: its cells, {@code null} if they
     * are all blank, or {@link #HAND_OVER}.
     */
    private DelimitedText.Row careful() throws IOException {
        int end = lineEnd();
        char[] chars = decode(recordStart, end);
        int n = chars.length;
        boolean quotes = false;
        for (int i = 0; i < n && !quotes; i++) {
            quotes = chars[i] == '"';
        }
        String[] row;
        if (quotes) {
            if (!closesOnItsLine(chars)) {
                return HAND_OVER;
            }
            row = splitByCommons(new String(chars));
        } else {
            cells.clear();
            int s = 0;
            for (int i = 0; i <= n; i++) {
                if (i == n || chars[i] == delimiter) {
                    cells.add(new String(chars, s, i - s));
                    s = i + 1;
                }
            }
            row = cells.toArray(new String[0]);
        }
        finishLine(end);
        return isBlank(row) ? null : new DelimitedText.Row(row, recordLine);
    }

    /** The end of the line at {@link #recordStart} (its LF or CR, or the end of the input); reads on as needed. */
    private int lineEnd() throws IOException {
        int p = recordStart;
        while (true) {
            while (p < lim && buf[p] != '\n' && buf[p] != '\r') {
                p++;
            }
            if (p < lim || eof) {
                return p;
            }
            int from = recordStart;
            more();
            p += recordStart - from;
        }
    }

    /** The bytes {@code [from, to)} of one line as UTF-8; a byte that is not UTF-8 or a NUL is an error. */
    private char[] decode(int from, int to) throws CohortFormatException {
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(buf, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(bytes, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        char[] chars = java.util.Arrays.copyOf(out.array(), out.position());
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == 0) {
                throw CohortFormatException.at(file, recordLine, DelimitedText.columnAt(CharBuffer.wrap(chars), i,
                        delimiter), null, compression == null ? "this file looks binary (a NUL byte in the text)"
                        : "this file is " + compression + "-compressed and what it holds looks binary (a NUL byte "
                                + "in the decompressed text)");
            }
        }
        if (result.isError()) {
            throw CohortFormatException.at(file, recordLine, DelimitedText.columnAt(CharBuffer.wrap(chars),
                    chars.length, delimiter), null, String.format("expected UTF-8 text but found the byte 0x%02X "
                            + "(save the file as UTF-8)", buf[bytes.position()] & 0xff));
        }
        return chars;
    }

    /**
     * Whether Commons CSV ends the record that starts this line at the line's end without an
     * error: every cell that opens with a quote closes on the line and is followed by the
     * delimiter or the line end. Anything else (a quoted cell that goes on to the next line, or
     * spaces or other characters after a closing quote, which Commons CSV skips or refuses) is
     * left to Commons CSV.
     */
    private boolean closesOnItsLine(char[] s) {
        boolean quoted = false;
        boolean closed = false;
        boolean cellStart = true;
        for (int i = 0; i < s.length; i++) {
            char c = s[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length && s[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                        closed = true;
                    }
                }
            } else if (closed) {
                if (c != delimiter) {
                    return false;
                }
                closed = false;
                cellStart = true;
            } else if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else {
                cellStart = c == delimiter;
            }
        }
        return !quoted;
    }

    /** One line with quotes, all closed on it, split by Commons CSV. */
    private String[] splitByCommons(String text) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalStateException("a line with closed quotes gave " + records.size() + " records");
            }
            return records.get(0).values();
        }
    }

    // ----- bytes

    /** Passes over line ends (empty lines) at {@link #pos}; false at the end of the input. */
    private boolean skipLineEnds() throws IOException {
        if (!started) {
            started = true;
            recordStart = pos;
            while (lim < 3 && !eof) {
                more();
            }
            if (lim >= 3 && buf[0] == (byte) 0xef && buf[1] == (byte) 0xbb && buf[2] == (byte) 0xbf) {
                pos = 3; // a byte order mark: not text
            }
        }
        while (true) {
            if (pos == lim) {
                recordStart = pos;
                if (eof) {
                    return false;
                }
                more();
                continue;
            }
            byte c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                recordStart = pos;
                finishLine(pos);
            } else {
                return true;
            }
        }
    }

    /** Ends the line whose end is at {@code p} (LF, CR, CRLF, or the end of the input): the next record starts after it. */
    private void finishLine(int p) throws IOException {
        if (p >= lim) {
            pos = lim; // the last line, without a line end
            return;
        }
        line++;
        if (buf[p] == '\r') {
            if (p + 1 == lim && !eof) {
                recordStart = p;
                more();
                p = recordStart;
            }
            if (p + 1 < lim && buf[p + 1] == '\n') {
                p++;
            }
        }
        pos = p + 1;
    }

    /**
     * Reads more bytes, keeping those from {@link #recordStart} on (moved to the front, or into a
     * larger buffer when they fill it); at the end of the input sets {@link #eof}. Indexes into
     * the buffer ({@link #pos}, {@link #recordStart}) are moved along.
     */
    private void more() throws IOException {
        int keep = recordStart;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, lim - keep);
            lim -= keep;
            pos -= keep;
            recordStart = 0;
        }
        if (lim == buf.length - 1) {
            if (buf.length >= MAX_BUFFER) {
                throw CohortFormatException.atLine(file, recordLine, "the record starting here is longer than "
                        + (MAX_BUFFER - 1) + " bytes; is this a delimited text table?");
            }
            buf = java.util.Arrays.copyOf(buf, (int) Math.min(MAX_BUFFER, 2L * buf.length));
        }
        while (lim < buf.length - 1) {
            int r = in.read(buf, lim, buf.length - 1 - lim);
            if (r < 0) {
                eof = true;
                break;
            }
            lim += r;
        }
        buf[lim] = 0;
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A first cell of ASCII bytes seen as characters, without copying them; reused. */
    private static final class Ascii implements CharSequence {
        private byte[] b;
        private int from;
        private int length;

        Ascii of(byte[] bytes, int start, int end) {
            b = bytes;
            from = start;
            length = end - start;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return (char) (b[from + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(b, from, length, StandardCharsets.ISO_8859_1);
        }
    }
}
