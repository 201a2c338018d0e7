package org.gutsignal.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files atomically: the content goes to a temporary file in the target's folder, which
 * is then moved over the target in one step. A reader never sees a half-written file, and a
 * failed write leaves any previous file untouched.
 *
 * <p>Thread-safe (each call uses its own temporary file).
 */
public final class AtomicFiles {

    /** Writes the body of a file. */
    @FunctionalInterface
    public interface Body {
        /** Writes the content. */
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the bytes of a file. */
    @FunctionalInterface
    public interface BinaryBody {
        /** Writes the content. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes UTF-8 text to {@code target} atomically, creating parent folders as needed.
     *
     * @throws IOException if the folder cannot be created or the write or move fails
     */
    public static void write(Path target, Body body) throws IOException {
        writeBytes(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes bytes to {@code target} atomically, creating parent folders as needed.
     *
     * @throws IOException if the folder cannot be created or the write or move fails
     */
    public static void writeBytes(Path target, BinaryBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            publiclyReadable(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are created owner-only (0600); outputs get the usual 0644. */
    private static void publiclyReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** {@code '\t'} for names ending in {@code .tsv}, {@code .txt} or {@code .tab}; {@code ','} otherwise. */
    static char delimiterFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".tab") ? '\t' : ',';
    }

    /** A double as text that parses back to the identical value (including -0.0); integers without ".0". */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
