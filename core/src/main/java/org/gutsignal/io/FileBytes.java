package org.gutsignal.io;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
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
 *   <li>{@link #text} refuses, by name, HDF5 (BIOM 2.1), ZIP (an {@code .xlsx} workbook), OLE2 (an
 *       {@code .xls} workbook), tar and UTF-16 content, and any other content holding a NUL byte.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class FileBytes {

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
     * The bytes of a text file: read whole, decompressed if gzip or bzip2, and refused if they are
     * a known binary format or hold a NUL byte.
     *
     * @param name the file's name in messages
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws IOException           if it cannot be read (the message names the path)
     * @throws CohortFormatException if it cannot be decompressed, is compressed in a way gutsignal
     *                               does not read, or is not text (the message says what it is)
     */
    static byte[] text(Path file, String name) throws IOException {
        byte[] raw = read(file);
        String compression = compression(raw);
        byte[] plain = decompressed(name, raw);
        String binary = binaryFormat(plain);
        if (binary != null) {
            throw CohortFormatException.inFile(name, "this file is "
                    + (compression == null ? "" : compression + "-compressed and holds ") + binary);
        }
        int nul = indexOf(plain, (byte) 0);
        if (nul >= 0) {
            throw CohortFormatException.inFile(name, compression == null
                    ? "this file looks binary (NUL byte at offset " + nul + ")"
                    : "this file is " + compression + "-compressed and what it holds looks binary (NUL byte at "
                            + "offset " + nul + " of the decompressed data)");
        }
        return plain;
    }

    /**
     * The whole file.
     *
     * @throws NoSuchFileException   if the file does not exist (the message is the path and a reason)
     * @throws AccessDeniedException if it may not be read (the message is the path and a reason)
     * @throws IOException           if it cannot be read for another reason (the message names the path)
     */
    static byte[] read(Path file) throws IOException {
        try {
            Runtime rt = Runtime.getRuntime();
            checkSize(file.toString(), Files.size(file), rt.maxMemory(), rt.totalMemory() - rt.freeMemory());
            return Files.readAllBytes(file);
        } catch (TooLarge e) {
            throw e;
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

    /** Peak heap of a read relative to the file's size, as measured (bytes, text, cells and the table). */
    static final long PEAK_FACTOR = 11;
    /** The largest file a whole-file read can hold: the JVM's largest array. */
    static final long MAX_FILE = Integer.MAX_VALUE - 8;

    /**
     * Refuses, before anything is allocated, a file that cannot be read whole: one of 2 GiB or
     * more (the largest Java array), or one whose read would need more heap than the JVM can still
     * get ({@value #PEAK_FACTOR} × its size, the measured peak), with a message that says what to do
     * instead of an {@link OutOfMemoryError} at a random place.
     *
     * @throws IOException naming the file, its size, the heap it needs and the remedy
     */
    static void checkSize(String name, long size, long maxHeap, long usedHeap) throws IOException {
        if (size > MAX_FILE) {
            throw new TooLarge(name + ": this file is " + gib(size) + "; gutsignal reads a table file whole and"
                    + " cannot read files of 2 GiB or more yet: split it by samples and read the parts with"
                    + " FeatureTableReader.readAll (gutsignal merge)");
        }
        long available = maxHeap - usedHeap;
        long needed = size * PEAK_FACTOR;
        if (needed > available) {
            long suggest = (long) Math.ceil((maxHeap + needed - available) / (double) (1L << 30));
            throw new TooLarge(name + ": reading this " + gib(size) + " file needs about " + gib(needed)
                    + " of heap but only " + gib(Math.max(0, available)) + " is free: run Java with -Xmx"
                    + Math.max(1, suggest) + "g or more, or split the table by samples");
        }
    }

    /** A file too large to read whole; its message already names the file. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private static String gib(long bytes) {
        return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    /**
     * {@code bytes} decompressed if they are gzip or bzip2, else {@code bytes} itself.
     *
     * @param name the file's name in messages
     * @throws CohortFormatException if they are gzip or bzip2 but corrupt or truncated, or xz or zstd
     */
    static byte[] decompressed(String name, byte[] bytes) throws CohortFormatException {
        String compression = compression(bytes);
        if (compression == null) {
            return bytes;
        }
        if (compression.equals("xz") || compression.equals("zstd")) {
            throw CohortFormatException.inFile(name, "this file is " + compression + "-compressed, which gutsignal "
                    + "does not read: decompress it (" + compression + " -d) or compress it with gzip instead");
        }
        try (InputStream in = compression.equals("gzip")
                ? new GzipCompressorInputStream(new ByteArrayInputStream(bytes), true)
                : new BZip2CompressorInputStream(new ByteArrayInputStream(bytes), true)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            // corrupt input has made decompressors throw unchecked exceptions too; either way the
            // file cannot be decompressed, and the reason is the decompressor's
            String reason = e instanceof EOFException ? "the data ends too early (a truncated file?)"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw CohortFormatException.inFile(name, "this file is " + compression
                    + "-compressed but could not be decompressed: " + reason);
        }
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
