package org.gutsignal.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files on any Hadoop-compatible file system (HDFS, S3A, ABFS, GCS, local …) as the core reads them: listed on the
 * driver, and on an executor given to the core as a {@link java.nio.file.Path} — the file itself when it is local,
 * else a copy in a fresh temporary folder under {@code java.io.tmpdir}, under the file's own name (the core decides the
 * delimiter by the name and may take the sample id from it), deleted when the core is done.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** What is done with a local file; may throw what the core throws. */
    @FunctionalInterface
    interface LocalWork<T> {
        T apply(java.nio.file.Path file) throws IOException;
    }

    /**
     * The files a path or glob names, sorted by their full URI: a directory stands for the files in it (not those
     * whose names start with {@code .} or {@code _}, which Hadoop tools use for markers and temporary files), a glob
     * ({@code hdfs:///cohort/*_genefamilies.tsv.gz}) for the files and directories it matches.
     *
     * @throws FileNotFoundException if nothing matches (the message names the path or glob)
     * @throws IOException           if the file system cannot be listed
     */
    static List<String> list(Configuration conf, String pathOrGlob) throws IOException {
        Path pattern = new Path(pathOrGlob);
        FileSystem fs = pattern.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(pattern);
        List<String> files = new ArrayList<>();
        if (matches != null) {
            for (FileStatus m : matches) {
                if (m.isDirectory()) {
                    for (FileStatus f : fs.listStatus(m.getPath())) {
                        if (f.isFile() && !hidden(f.getPath())) {
                            files.add(f.getPath().toString());
                        }
                    }
                } else if (m.isFile()) {
                    files.add(m.getPath().toString());
                }
            }
        }
        if (files.isEmpty()) {
            throw new FileNotFoundException(pathOrGlob + ": no file matches");
        }
        files.sort(null);
        return files;
    }

    private static boolean hidden(Path p) {
        String name = p.getName();
        return name.startsWith(".") || name.startsWith("_");
    }

    /**
     * Runs {@code work} on the file at {@code uri} as a local path. An exception's message is made to name
     * {@code uri} (the core names the local file by its name only).
     *
     * @throws IOException as {@code work} or the copy throws, its message naming {@code uri}
     */
    static <T> T onLocalFile(Configuration conf, String uri, LocalWork<T> work) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        if ("file".equals(fs.getUri().getScheme())) {
            java.nio.file.Path local = java.nio.file.Path.of(URI.create(fs.makeQualified(path).toUri().toString()));
            return naming(uri, path.getName(), local, work);
        }
        java.nio.file.Path dir = Files.createTempDirectory("gutsignal-");
        java.nio.file.Path local = dir.resolve(path.getName());
        try {
            try (InputStream in = fs.open(path)) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IOException(uri + ": cannot copy it to the executor's " + dir + ": " + e.getMessage(), e);
            }
            return naming(uri, path.getName(), local, work);
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(dir);
        }
    }

    private static <T> T naming(String uri, String name, java.nio.file.Path local, LocalWork<T> work)
            throws IOException {
        try {
            return work.apply(local);
        } catch (IOException e) {
            throw new IOException(named(e.getMessage(), uri, name, local), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(named(e.getMessage(), uri, name, local), e);
        }
    }

    /** The message with the file named by {@code uri}: in place of its name or local path where it leads, else before it. */
    static String named(String message, String uri, String name, java.nio.file.Path local) {
        String m = message == null ? "" : message;
        String localPath = local.toString();
        if (m.startsWith(localPath)) {
            return uri + m.substring(localPath.length());
        }
        if (m.startsWith(name)) {
            return uri + m.substring(name.length());
        }
        return uri + ": " + m;
    }
}
