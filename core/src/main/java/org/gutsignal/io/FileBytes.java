package org.gutsignal.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.gutsignal.cohort.CohortFormatException;

/**
 * A file's bytes as gutsignal reads them: the one place where input is decompressed and where a
 * binary file given as text is named for what it is. What a file is follows its first bytes (its
 * magic number), never its name: {@code x.tsv} may be gzip-compressed, {@code x.tsv.gz} may not be.
 *
 * <ul>
 *   <li>gzip ({@code 1F 8B}, several members as {@code bgzip} writes them too) and bzip2
 *       ({@code BZh}, a block size, a block or end-of-stream magic) are decompressed with Apache
 *       Commons Compress;</li>
 *   <li>xz and zstd are recognised and refused (Commons Compress reads them only with further
 *       libraries, XZ for Java and the native zstd-jni);</li>
 *   <li>{@link #openText} refuses, by name, HDF5 (BIOM 2.1), ZIP (an {@code .xlsx} workbook), OLE2 (an
 *       {@code .xls} workbook), tar and UTF-16 content, and any other content holding a NUL byte.</li>
 * </ul>
 *
 * <p>Text is read as a stream ({@link #openText}): nothing holds the whole file, so files of any
 * size read. The known binary formats and NUL bytes are looked for in the first
 * {@value #HEAD} bytes (after decompression); a NUL byte further on is found by the text reader.
 *
 * <p>Stateless and thread-safe; a {@link Source} is read by one thread.
 */
final class FileBytes {

    /** How many leading bytes (of the decompressed data) are checked for binary formats and NUL bytes. */
    static final int HEAD = 1 << 16;

    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};
    private static final byte[] BZIP2_BLOCK = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59}; // the digits of pi
    private static final byte[] BZIP2_END = {0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90}; // sqrt(pi): empty stream

    private FileBytes() {
    }

    /**
     * A text file opened as a stream: its bytes decompressed if gzip or bzip2, and refused if they
     * start as a known binary format or hold a NUL byte in the first {@value #HEAD}. Close it.
     *
     * @param name the file's name in messages
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it is compressed in a way gutsignal does not read, its
     *                               compressed header is broken, or it is not text (the message
     *                               says what it is)
     */
    static Source openText(Path file, String name) throws IOException {
        return open(file, name, true);
    }

    /** {@link #openText} without refusing binary content: for looking at what a file is. */
    static Source openHead(Path file, String name) throws IOException {
        return open(file, name, false);
    }

    private static Source open(Path file, String name, boolean textOnly) throws IOException {
        InputStream in = open(file);
        try {
            long size = Files.size(file);
            // a small file needs no more buffer than itself (a directory of thousands of profiles)
            int head = (int) Math.min(HEAD, Math.max(16, size + 1));
            Counting raw = new Counting(in, file);
            BufferedInputStream buffered = new BufferedInputStream(raw, head);
            String compression = compression(peek(buffered, 16));
            InputStream plain = buffered;
            if (compression != null) {
                head = HEAD;
                plain = new BufferedInputStream(decompressing(name, compression, buffered), HEAD);
            }
            byte[] first = textOnly ? peek(plain, head) : new byte[0];
            String binary = binaryFormat(first);
            if (binary != null) {
                throw CohortFormatException.inFile(name, "this file is "
                        + (compression == null ? "" : compression + "-compressed and holds ") + binary);
            }
            int nul = indexOf(first, (byte) 0);
            if (nul >= 0) {
                throw CohortFormatException.inFile(name, compression == null
                        ? "this file looks binary (NUL byte at offset " + nul + ")"
                        : "this file is " + compression + "-compressed and what it holds looks binary (NUL byte at "
                                + "offset " + nul + " of the decompressed data)");
            }
            return new Source(plain, raw, size, compression);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * An open text file: its decompressed bytes, and how far into the file (in the file's own,
     * possibly compressed, bytes) the read has come, for projecting the size of what is being read.
     */
    static final class Source implements Closeable {
        private final InputStream in;
        private final Counting raw;
        private final long size;
        private final String compression;

        private Source(InputStream in, Counting raw, long size, String compression) {
            this.in = in;
            this.raw = raw;
            this.size = size;
            this.compression = compression;
        }

        /** The decompressed bytes. */
        InputStream bytes() {
            return in;
        }

        /** Bytes of the file read so far (compressed bytes for a compressed file). */
        long fileBytesRead() {
            return raw.count;
        }

        /** The file's size in bytes, as stored. */
        long fileSize() {
            return size;
        }

        /** {@code "gzip"} or {@code "bzip2"}, or {@code null} for a plain file. */
        String compression() {
            return compression;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The file's bytes, counted; read errors name the file. */
    private static final class Counting extends FilterInputStream {
        private final Path file;
        long count;

        Counting(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw new ReadFailure(file, e);
            }
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r;
            try {
                r = in.read(b, off, len);
            } catch (IOException e) {
                throw new ReadFailure(file, e);
            }
            if (r > 0) {
                count += r;
            }
            return r;
        }
    }

    /** The file itself could not be read (as opposed to its content being broken). */
    private static final class ReadFailure extends IOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(Path file, IOException cause) {
            super("cannot read " + file + ": " + cause, cause);
        }
    }

    /** Opens {@code file} for reading and records it as an input ({@link AtomicFiles#recordInput}). */
    private static InputStream open(Path file) throws IOException {
        try {
            InputStream in = Files.newInputStream(file);
            AtomicFiles.recordInput(file);
            return in;
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
    }

    /** Up to {@code n} leading bytes of a stream that supports mark/reset, which are then read again. */
    private static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = new byte[n];
        int r = in.readNBytes(head, 0, n);
        in.reset();
        return r == n ? head : java.util.Arrays.copyOf(head, r);
    }

    /**
     * The decompressed bytes of a gzip or bzip2 stream; a corrupt or truncated stream, found now
     * or later, is a {@link CohortFormatException} naming the file, a failed read of the file
     * itself stays the I/O error it is.
     */
    private static InputStream decompressing(String name, String compression, InputStream in) throws IOException {
        if (compression.equals("xz") || compression.equals("zstd")) {
            throw CohortFormatException.inFile(name, "this file is " + compression + "-compressed, which gutsignal "
                    + "does not read: decompress it (" + compression + " -d) or compress it with gzip instead");
        }
        InputStream decompressor;
        try {
            decompressor = compression.equals("gzip") ? new GzipCompressorInputStream(in, true)
                    : new BZip2CompressorInputStream(in, true);
        } catch (IOException | RuntimeException e) {
            throw undecompressable(name, compression, e);
        }
        return new FilterInputStream(decompressor) {
            @Override
            public int read() throws IOException {
                try {
                    return in.read();
                } catch (IOException | RuntimeException e) {
                    throw undecompressable(name, compression, e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return in.read(b, off, len);
                } catch (IOException | RuntimeException e) {
                    throw undecompressable(name, compression, e);
                }
            }
        };
    }

    private static IOException undecompressable(String name, String compression, Exception e) {
        if (e instanceof ReadFailure r) {
            return r;
        }
        // corrupt input has made decompressors throw unchecked exceptions too; either way the
        // file cannot be decompressed, and the reason is the decompressor's
        String reason = e instanceof EOFException ? "the data ends too early (a truncated file?)"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return CohortFormatException.inFile(name, "this file is " + compression
                + "-compressed but could not be decompressed: " + reason);
    }

    /** {@code "gzip"}, {@code "bzip2"}, {@code "xz"} or {@code "zstd"} by the magic number, or {@code null}. */
    static String compression(byte[] b) {
        if (b.length >= 2 && b[0] == 0x1f && b[1] == (byte) 0x8b) {
            return "gzip";
        }
        if (b.length >= 10 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && b[3] >= '1' && b[3] <= '9'
                && (startsWith(b, 4, BZIP2_BLOCK) || startsWith(b, 4, BZIP2_END))) {
            return "bzip2";
        }
        if (startsWith(b, 0, XZ)) {
            return "xz";
        }
        return startsWith(b, 0, ZSTD) ? "zstd" : null;
    }

    /** Whether the bytes are an HDF5 file: its signature at 0 or, after a user block, at 512, 1024, 2048 … */
    static boolean isHdf5(byte[] b) {
        if (startsWith(b, 0, HDF5)) {
            return true;
        }
        for (long at = 512; at + HDF5.length <= b.length; at *= 2) {
            if (startsWith(b, (int) at, HDF5)) {
                return true;
            }
        }
        return false;
    }

    /** What a known binary format is, with what to do, as a noun phrase; {@code null} if none is recognised. */
    private static String binaryFormat(byte[] b) {
        if (isHdf5(b)) {
            return "an HDF5 file (BIOM 2.1?): read it with BiomReader";
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6
                || b[2] == 7 && b[3] == 8)) {
            return "a ZIP archive (an Excel .xlsx workbook?): export the sheet as TSV";
        }
        if (startsWith(b, 0, OLE2)) {
            return "an OLE2 compound file (an Excel .xls workbook?): export the sheet as TSV";
        }
        if (startsWith(b, 257, new byte[] {'u', 's', 't', 'a', 'r'})) {
            return "a tar archive: extract the table from it";
        }
        if (b.length >= 2 && (b[0] == (byte) 0xff && b[1] == (byte) 0xfe
                || b[0] == (byte) 0xfe && b[1] == (byte) 0xff)) {
            return "UTF-16 text (Excel's \"Unicode Text\"?): save it as UTF-8";
        }
        String inner = compression(b);
        return inner == null ? null : inner + "-compressed data (compressed twice?): decompress it once first";
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (offset < 0 || b.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
