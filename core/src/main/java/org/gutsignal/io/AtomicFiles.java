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
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files atomically: the content goes to a new temporary file in the target's folder,
 * which is then moved over the target in one step. A reader never sees a half-written file, a
 * failed write (an exception from the content included) leaves any previous file untouched and
 * removes the temporary file, and the target is never opened for writing, so writing a table to
 * the file it was read from is safe. Outputs get the permissions {@code rw-r--r--} where the
 * file system has POSIX permissions.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/model.json"), out -> out.write(json));
 * AtomicFiles.writeBytes(Path.of("out/roc.png"), out -> out.write(png));
 * }</pre>
 *
 * <p>Thread-safe (each call uses its own temporary file).
 */
public final class AtomicFiles {

    /**
     * Writes the content of a file to {@code out} (a {@link Writer} or an {@link OutputStream});
     * the caller does not close it.
     *
     * @param <T> where the content goes
     */
    @FunctionalInterface
    public interface Content<T> {
        /**
         * Writes the content.
         *
         * @throws IOException if writing fails
         */
        void writeTo(T out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes UTF-8 text (no byte order mark) to {@code target} atomically, creating parent folders
     * as needed.
     *
     * @throws IOException if the folder cannot be created or the write or move fails
     */
    public static void write(Path target, Content<Writer> content) throws IOException {
        writeBytes(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes bytes to {@code target} atomically, creating parent folders as needed.
     *
     * @throws IOException if the folder cannot be created or the write or move fails
     */
    public static void writeBytes(Path target, Content<OutputStream> content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            publiclyReadable(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
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
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
