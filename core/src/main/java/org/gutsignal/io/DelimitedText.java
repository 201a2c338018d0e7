package org.gutsignal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.cohort.CohortFormatException;

/**
 * The records of one delimited UTF-8 text file, each with the 1-based line it starts on.
 * Parsing is done by Commons CSV ({@code "} quotes, {@code ""} escapes, any of CR, LF or CRLF
 * ends a line); this class adds what the readers need around it: a leading UTF-8 byte order
 * mark is dropped, bytes that are not UTF-8 are reported with their line and cell, lines that are empty
 * or hold only empty cells are skipped, and every record knows its line, so errors can name it
 * even after multi-line quoted cells.
 *
 * <p>The readers of this package and the catalog and trait-table readers of
 * {@code org.gutsignal.profile} share it, so every delimited file gets the same error messages.
 * One instance reads one file once and is not thread-safe.
 */
public final class DelimitedText {

    private static final Pattern COMMONS_LINE = Pattern.compile("(?:startline |line: )([0-9,]+)");
    private static final Pattern COMMONS_POSITION = Pattern.compile("position: ([0-9,]+)");

    /** One record: its cells and the line on which it starts. */
    public static final class Row {
        final String[] cells;
        final long line;

        Row(String[] cells, long line) {
            this.cells = cells;
            this.line = line;
        }

        /** The number of cells. */
        public int size() {
            return cells.length;
        }

        /** The 1-based line on which the record starts. */
        public long line() {
            return line;
        }

        /** Cell {@code k} (0-based), as read (quotes removed, not trimmed). */
        public String cell(int k) {
            return cells[k];
        }

        /** The 1-based line of cell {@code k}: the start line plus the line breaks inside earlier quoted cells. */
        public long lineOf(int k) {
            long l = line;
            for (int c = 0; c < k && c < cells.length; c++) {
                l += lineBreaks(cells[c], 0, cells[c].length());
            }
            return l;
        }
    }

    private final String fileName;
    private final String text;
    private final char delimiter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int scanned;      // char position up to which line breaks have been counted
    private long scannedLine = 1; // line of position 'scanned'

    private DelimitedText(String fileName, String text, char delimiter) throws IOException {
        this.fileName = fileName;
        this.text = text;
        this.delimiter = delimiter;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        this.parser = CSVParser.parse(text, format);
        this.records = parser.iterator();
    }

    /**
     * Reads a whole file as UTF-8 text.
     *
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it is not valid UTF-8 (the message names the line and the cell)
     */
    static DelimitedText open(Path file, char delimiter) throws IOException {
        return open(file, delimiter, String.valueOf(file.getFileName()));
    }

    /**
     * Reads a whole file as UTF-8 text, naming it {@code name} in messages.
     *
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it is not valid UTF-8 (the message names the line and the cell)
     */
    public static DelimitedText open(Path file, char delimiter, String name) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            NoSuchFileException wrapped = new NoSuchFileException(file.toString(), null, "no such file");
            wrapped.initCause(e);
            throw wrapped;
        } catch (AccessDeniedException e) {
            AccessDeniedException wrapped = new AccessDeniedException(file.toString(), null, "permission denied");
            wrapped.initCause(e);
            throw wrapped;
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e, e);
        }
        return of(name, decode(name, bytes, delimiter), delimiter);
    }

    /** Text already in memory (for example a resource), named {@code name} in messages; a leading byte order mark is dropped. */
    public static DelimitedText of(String name, String text, char delimiter) {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        try {
            return new DelimitedText(name, t, delimiter);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // parsing a String does no I/O
        }
    }

    private static String decode(String name, byte[] bytes, char delimiter) throws CohortFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            long line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                    line++;
                }
            }
            out.flip(); // the text decoded so far: everything before the bad byte
            throw CohortFormatException.at(name, line, columnAt(out, out.length(), delimiter), null, String.format(
                    "expected UTF-8 text but found the byte 0x%02X (save the file as UTF-8)", bytes[bad] & 0xff));
        }
        out.flip();
        return out.toString();
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
    public String fileName() {
        return fileName;
    }

    /**
     * The next record that holds at least one non-blank cell, or {@code null} at the end.
     *
     * @throws CohortFormatException if the quoting is malformed
     */
    public Row next() throws CohortFormatException {
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw malformed(e.getCause());
            }
            String[] cells = record.values();
            if (isBlank(cells)) {
                continue;
            }
            return new Row(cells, lineAt(startOf(record)));
        }
    }

    private CohortFormatException malformed(IOException e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = COMMONS_LINE.matcher(msg);
        long line = m.find() ? Long.parseLong(m.group(1).replace(",", "")) : parser.getCurrentLineNumber();
        // Commons CSV gives the position just after the offending character, or none at the end of
        // the file, where the cell to name is the quoted one still open
        Matcher pos = COMMONS_POSITION.matcher(msg);
        int at = pos.find() ? Integer.parseInt(pos.group(1).replace(",", "")) - 1 : text.length();
        int column = columnAt(text, at, delimiter);
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
    private int startOf(CSVRecord record) {
        int p = (int) record.getCharacterPosition();
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }

    private long lineAt(int position) {
        if (position >= scanned) {
            scannedLine += lineBreaks(text, scanned, position);
            scanned = position;
        } else { // never happens for records read in order; kept exact anyway
            return 1 + lineBreaks(text, 0, position);
        }
        return scannedLine;
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
