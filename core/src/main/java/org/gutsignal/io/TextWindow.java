package org.gutsignal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.gutsignal.cohort.CohortFormatException;

/**
 * UTF-8 text read as a stream that keeps the text since the record being read: what
 * {@link DelimitedText} needs to give every record and every error its 1-based line and cell
 * without holding the whole file. Characters are numbered from 0 as the CSV parser counts them
 * (a leading byte order mark is dropped and not counted).
 *
 * <p>Errors in the text itself are {@link CohortFormatException}s naming the line and cell: a
 * byte that is not UTF-8 ({@code expected UTF-8 text but found the byte 0xE9}) and a NUL
 * character ({@code this file looks binary}).
 *
 * <p>Memory: the text from the last {@link #forgetBefore} position to the end of what has been
 * decoded, that is about one record plus the reader's look-ahead. Not thread-safe.
 */
final class TextWindow extends Reader {

    private final InputStream in;
    private final String file;
    private final char delimiter;
    private final String compression;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean eof;
    private boolean flushed;
    private boolean started;

    private char[] text = new char[1 << 16];
    private long base;   // character number of text[0]
    private int length;  // characters decoded and held: text[0, length)
    private int served;  // characters given to the parser: text[0, served)
    private long keepFrom; // characters before this may be dropped
    private long cursor;   // line counting has reached this character …
    private long cursorLine = 1; // … which is on this line

    TextWindow(InputStream in, String file, char delimiter, String compression) {
        this(in, file, delimiter, compression, 1, true);
    }

    /**
     * Text that starts on line {@code firstLine} of the file (for reading on from a record in the
     * middle of a file); a leading byte order mark is dropped only if {@code atFileStart}.
     */
    TextWindow(InputStream in, String file, char delimiter, String compression, long firstLine,
            boolean atFileStart) {
        this.in = in;
        this.file = file;
        this.delimiter = delimiter;
        this.compression = compression;
        this.cursorLine = firstLine;
        this.started = !atFileStart;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (served == length && !decodeMore()) {
            return -1;
        }
        int n = Math.min(len, length - served);
        System.arraycopy(text, served, cbuf, off, n);
        served += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The character at {@code position}, or -1 beyond what has been decoded. */
    int charAt(long position) {
        long i = position - base;
        return i >= 0 && i < length ? text[(int) i] : -1;
    }

    /**
     * The 1-based line of the character at {@code position}; positions must be asked in
     * increasing order, each at or after the last {@link #forgetBefore} position.
     */
    long lineAt(long position) {
        if (position < cursor) {
            throw new IllegalStateException("line asked for position " + position + " after " + cursor);
        }
        int from = (int) (cursor - base);
        int to = (int) Math.min(position - base, length);
        cursorLine += DelimitedText.lineBreaks(CharBuffer.wrap(text, 0, length), from, to);
        cursor = position;
        return cursorLine;
    }

    /** Lets the text before {@code position} go; later questions are about {@code position} or after. */
    void forgetBefore(long position) {
        keepFrom = Math.max(keepFrom, position);
    }

    /** The held text from the last {@link #forgetBefore} position up to {@code position}, for cell numbers. */
    CharSequence textFrom(long from, long position) {
        int a = (int) Math.max(0, from - base);
        int b = (int) Math.max(a, Math.min(length, position - base));
        return CharBuffer.wrap(text, a, b - a);
    }

    /** The character number just past what has been decoded. */
    long decodedEnd() {
        return base + length;
    }

    /** Decodes at least one more character into the window; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (flushed) {
            return false;
        }
        makeRoom();
        while (true) {
            CharBuffer out = CharBuffer.wrap(text, length, text.length - length);
            CoderResult result = decoder.decode(bytes, out, eof);
            int start = length;
            length = out.position();
            if (!started && length > start) {
                started = true;
                if (text[start] == '\uFEFF') { // a byte order mark: not text
                    System.arraycopy(text, start + 1, text, start, length - start - 1);
                    length--;
                }
            }
            checkNul(start);
            if (result.isError()) {
                throw notUtf8(bytes.get(bytes.position()) & 0xff);
            }
            if (length > start) {
                return true;
            }
            if (result.isOverflow()) {
                makeRoom();
                continue;
            }
            if (eof) {
                decoder.flush(out); // UTF-8 keeps no state to flush
                flushed = true;
                return false;
            }
            bytes.compact();
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + r);
            }
            bytes.flip();
        }
    }

    /** Makes room for at least 2 more characters: drops forgotten text, else grows. */
    private void makeRoom() {
        if (text.length - length >= 1 << 12) {
            return;
        }
        int drop = (int) Math.min(Math.min(keepFrom, cursor) - base, served);
        if (drop > text.length / 2) {
            System.arraycopy(text, drop, text, 0, length - drop);
            length -= drop;
            served -= drop;
            base += drop;
        } else {
            text = java.util.Arrays.copyOf(text, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, 2L * text.length)));
        }
    }

    private void checkNul(int from) throws CohortFormatException {
        for (int i = from; i < length; i++) {
            if (text[i] == 0) {
                long at = base + i;
                throw CohortFormatException.at(file, lineAtEnd(at), column(at), null, compression == null
                        ? "this file looks binary (a NUL byte in the text)"
                        : "this file is " + compression + "-compressed and what it holds looks binary (a NUL byte "
                                + "in the decompressed text)");
            }
        }
    }

    private CohortFormatException notUtf8(int badByte) {
        long at = base + length;
        return CohortFormatException.at(file, lineAtEnd(at), column(at), null,
                String.format("expected UTF-8 text but found the byte 0x%02X (save the file as UTF-8)", badByte));
    }

    /** The line of {@code position} without moving the cursor (for errors, which end the read). */
    private long lineAtEnd(long position) {
        int from = (int) (cursor - base);
        int to = (int) (position - base);
        return cursorLine + DelimitedText.lineBreaks(CharBuffer.wrap(text, 0, to), from, to);
    }

    /** The 1-based cell of {@code position}, counted from the last record start. */
    private int column(long position) {
        CharSequence s = textFrom(Math.min(keepFrom, cursor), position);
        return DelimitedText.columnAt(s, s.length(), delimiter);
    }
}
