package org.gutsignal.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.gutsignal.cohort.FileFormatException;

/**
 * A small text file the core reads from a {@link java.nio.file.Path} (molecule catalog, trait table, model file),
 * carried to the executors as its bytes, its file name and the URI it was read from: read once on the driver from any
 * Hadoop file system, written back to a local temporary file of the same name where the core needs it, the core's
 * messages made to name the URI as the user gave it instead of that temporary file. Immutable and serializable;
 * {@code null} bytes stand for the core's built-in resource.
 */
final class TextResource implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Files larger than this are not "small": a model or catalog of that size is a mistake. */
    static final long MAX_BYTES = 64L << 20;

    final String name;
    /** The URI the file was read from, or its name: how messages name it. */
    final String source;
    private final byte[] bytes;
    /** Equal for equal source and bytes: what {@link ExecutorCache} keys parsed resources by. */
    final String key;

    private TextResource(String name, String source, byte[] bytes) {
        this.name = name;
        this.source = source;
        this.bytes = bytes;
        this.key = bytes == null ? "built-in:" + name : source + ":" + sha256(bytes);
    }

    /** The core's built-in resource of this name (read by the core itself). */
    static TextResource builtIn(String name) {
        return new TextResource(name, name, null);
    }

    /** The bytes of a file already in memory (not copied: do not change them), named {@code name} in messages. */
    static TextResource of(String name, byte[] bytes) {
        return new TextResource(name, name, bytes);
    }

    /**
     * Reads a file from any Hadoop file system on the driver.
     *
     * @throws IOException if it cannot be read or is larger than {@link #MAX_BYTES} (the message names it)
     */
    static TextResource read(Configuration conf, String uri) throws IOException {
        Path p = new Path(uri);
        org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(conf);
        long length = fs.getFileStatus(p).getLen();
        if (length > MAX_BYTES) {
            throw new IOException(uri + ": " + length + " bytes, more than the " + MAX_BYTES + " a catalog, trait"
                    + " table or model file may have");
        }
        try (FSDataInputStream in = fs.open(p)) {
            return new TextResource(p.getName(), uri, in.readAllBytes());
        }
    }

    boolean isBuiltIn() {
        return bytes == null;
    }

    /** The bytes (not copied: do not change them), or null for a built-in resource. */
    byte[] bytes() {
        return bytes;
    }

    /** The bytes as UTF-8 text. */
    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The core's reader applied to the bytes written to a local temporary file named {@link #name}, its messages naming
     * {@link #source} instead of that file ({@code my-bucket/catalog.csv, line 3, column 6 ('aggregation'): …}).
     *
     * @throws IllegalArgumentException if the reader refuses the file ({@link FileFormatException}, or its
     *                                  {@code IllegalArgumentException}): the core's message naming {@link #source},
     *                                  the core's exception as the cause
     * @throws UncheckedIOException     if the temporary file cannot be written or read (the message names
     *                                  {@link #source})
     */
    <T> T parse(InputFiles.LocalWork<T> reader) {
        java.nio.file.Path file = null;
        try {
            java.nio.file.Path dir = Files.createTempDirectory("gutsignal-");
            file = dir.resolve(name);
            try {
                Files.write(file, bytes);
                return reader.apply(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (FileFormatException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(named(e, file), e);
        } catch (IOException e) {
            throw new UncheckedIOException(named(e, file), e);
        }
    }

    private String named(Exception e, java.nio.file.Path file) {
        return file == null ? source + ": " + e.getMessage() : InputFiles.named(e.getMessage(), source, name, file);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
