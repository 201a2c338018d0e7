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

/**
 * A small text file the core reads from a {@link java.nio.file.Path} (molecule catalog, trait table, model file),
 * carried to the executors as its bytes and its file name: read once on the driver from any Hadoop file system,
 * written back to a local temporary file of the same name where the core needs it (so its messages name the file as
 * the user named it). Immutable and serializable; {@code null} bytes stand for the core's built-in resource.
 */
final class TextResource implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Files larger than this are not "small": a model or catalog of that size is a mistake. */
    static final long MAX_BYTES = 64L << 20;

    final String name;
    private final byte[] bytes;
    /** Equal for equal name and bytes: what {@link ExecutorCache} keys parsed resources by. */
    final String key;

    private TextResource(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
        this.key = bytes == null ? "built-in:" + name : name + ":" + sha256(bytes);
    }

    /** The core's built-in resource of this name (read by the core itself). */
    static TextResource builtIn(String name) {
        return new TextResource(name, null);
    }

    /** The bytes of a file already in memory (not copied: do not change them). */
    static TextResource of(String name, byte[] bytes) {
        return new TextResource(name, bytes);
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
            return new TextResource(p.getName(), in.readAllBytes());
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

    /** The core's reader applied to the bytes written to a local temporary file named {@link #name}. */
    <T> T parse(InputFiles.LocalWork<T> reader) {
        try {
            java.nio.file.Path dir = Files.createTempDirectory("gutsignal-");
            java.nio.file.Path file = dir.resolve(name);
            try {
                Files.write(file, bytes);
                return reader.apply(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
