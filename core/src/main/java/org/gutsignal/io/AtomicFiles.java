package org.gutsignal.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes files atomically: the content goes to a new temporary file in the target's folder,
 * which is then moved over the target in one step. A reader never sees a half-written file, a
 * failed write (an exception from the content included) leaves any previous file untouched and
 * removes the temporary file, and the target is never opened for writing. Every output of
 * gutsignal is written here, and none is written over an input: see "Inputs" below.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/model.json"), out -> out.write(json));
 * AtomicFiles.writeBytes(Path.of("out/roc.png"), out -> out.write(png));
 * }</pre>
 *
 * <h2>The rules</h2>
 * <ul>
 *   <li><b>Temporary file</b>: {@code .gs-<8 hex digits>.tmp} in the target's folder (short, so
 *       a target name of 255 bytes, the usual limit, still works), created new, permissions
 *       {@code rw-r--r--} where the file system has POSIX permissions (the output keeps them), and
 *       locked ({@link FileChannel#lock()}) while it is written.</li>
 *   <li><b>Durability</b>: the temporary file is forced to disk ({@link FileChannel#force}) before
 *       the move, and the folder after it, so that the new name survives a power cut. The folder
 *       is forced by opening it as a {@link FileChannel}, which works on Linux and macOS; where
 *       the platform refuses (Windows, some file systems: an {@link IOException} or
 *       {@link UnsupportedOperationException}) that step is skipped.</li>
 *   <li><b>The move</b>: {@link StandardCopyOption#ATOMIC_MOVE}. On a file system that cannot
 *       rename atomically (some network and FUSE file systems) it falls back to an ordinary
 *       replacing move, where a reader may briefly find no file but never a partial one.</li>
 *   <li><b>Stale temporary files</b>: a write that was killed leaves its temporary file. Each
 *       write removes, from its target's folder, the regular files whose name is exactly
 *       {@code .gs-} + 8 lower-case hex digits + {@code .tmp}, last modified before this write
 *       began, not being written by this JVM, and not locked by another process (a process's
 *       locks end with it). Nothing else is ever touched. Where locks are not supported the file
 *       is kept.</li>
 *   <li><b>Refused targets</b>: a path without a file name ({@code /}) or ending in {@code .} or
 *       {@code ..} ({@link IllegalArgumentException}); an existing folder; an existing file that
 *       is read-only (no owner write permission, or the DOS read-only attribute):
 *       {@link AccessDeniedException} naming the target and "read-only", whoever runs the JVM
 *       (root included). The file is not replaced.</li>
 *   <li><b>Inputs</b>: gutsignal's readers record every file they open ({@link #recordInput}, by
 *       its real path: links followed), and a write whose target is one of those files is refused
 *       with a {@link FileSystemException} naming the target ({@code out.tsv: refusing to write over
 *       a file read as an input in this run …}) unless {@link #allowOverwrite} was called for it
 *       since. "This run" is this JVM since it started or since the last {@link #forgetInputs};
 *       the record keeps the last {@value #MAX_INPUTS} files read
 *       (about 200 bytes each).</li>
 *   <li><b>Symbolic links</b>: followed, links to links included (at most 40): the file a link
 *       points to is replaced atomically (created if the link dangles), its temporary file in
 *       that file's folder, and the link itself stays as it was.</li>
 *   <li><b>Errors</b>: every I/O failure of the write names the target as given and the reason
 *       ({@code out/x.csv: cannot create the folder out: not a directory}), never only the
 *       temporary file; a missing file or denied permission keeps its type
 *       ({@link NoSuchFileException}, {@link AccessDeniedException}). An exception thrown by the
 *       content itself is passed on unchanged.</li>
 * </ul>
 *
 * <p>Thread-safe (each call uses its own temporary file). Two writes to the same target at the
 * same time each leave a whole file; the later move wins.
 */
public final class AtomicFiles {

    /** The names of our temporary files, and only those: {@code .gs-<8 lower-case hex>.tmp}. */
    static final Pattern TEMP_NAME = Pattern.compile("\\.gs-[0-9a-f]{8}\\.tmp");

    private static final int MAX_LINKS = 40;

    /** How many of the files read last are remembered as inputs. */
    static final int MAX_INPUTS = 100_000;

    /** The real paths of the files read as inputs in this JVM, oldest first. */
    private static final Map<Path, Boolean> INPUTS = Collections.synchronizedMap(
            new LinkedHashMap<Path, Boolean>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, Boolean> eldest) {
                    return size() > MAX_INPUTS;
                }
            });

    /** The temporary files this JVM is writing now (never opened by the clean-up). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

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
     * Records that {@code file} was read as an input, so that no write replaces it (see the class
     * comment). gutsignal's readers call this for every file they open; a reader of your own may
     * too. A file that does not exist (any more) is not recorded.
     */
    public static void recordInput(Path file) {
        try {
            INPUTS.put(file.toRealPath(), Boolean.TRUE);
        } catch (IOException | SecurityException e) {
            // nothing there to protect
        }
    }

    /**
     * Starts a new run: forgets every input recorded so far, so that files read before may be
     * written again. For programs that do several independent jobs in one JVM (the command line
     * calls it before each command).
     */
    public static void forgetInputs() {
        INPUTS.clear();
    }

    /**
     * Lets later writes replace {@code file} although it was read as an input: say so when
     * writing a result over its own input is what you mean (an in-place update).
     */
    public static void allowOverwrite(Path file) {
        try {
            INPUTS.remove(file.toRealPath());
        } catch (IOException | SecurityException e) {
            // not there: not recorded either
        }
    }

    /**
     * Writes UTF-8 text (no byte order mark) to {@code target} atomically, creating parent folders
     * as needed.
     *
     * @throws IllegalArgumentException if the target has no file name or ends in {@code .} or {@code ..}
     * @throws AccessDeniedException    if the target is read-only or may not be written (the message
     *                                  names the target)
     * @throws IOException              if the target is a folder, the folder cannot be created or the
     *                                  write or move fails (the message names the target and the
     *                                  reason), or the content throws it
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
     * @throws IllegalArgumentException if the target has no file name or ends in {@code .} or {@code ..}
     * @throws AccessDeniedException    if the target is read-only or may not be written (the message
     *                                  names the target)
     * @throws IOException              if the target is a folder, the folder cannot be created or the
     *                                  write or move fails (the message names the target and the
     *                                  reason), or the content throws it
     */
    public static void writeBytes(Path target, Content<OutputStream> content) throws IOException {
        FileTime started = FileTime.fromMillis(System.currentTimeMillis());
        Path file = destination(target);
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(target, "cannot create the folder " + dir, e);
        }
        refuseUnwritable(target, file);
        refuseInput(target, file);
        removeStaleTemporaryFiles(dir, started);
        Path tmp = null;
        try {
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                tmp = dir.resolve(String.format(".gs-%08x.tmp", ThreadLocalRandom.current().nextInt()));
                try {
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    WRITING.add(tmp);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 100) {
                        tmp = null; // not ours
                        throw failure(target, "cannot create a temporary file in " + dir, e);
                    }
                } catch (IOException e) {
                    tmp = null;
                    throw failure(target, "cannot create a temporary file in " + dir, e);
                }
            }
            try (FileChannel ch = channel) {
                lock(ch);
                publiclyReadable(target, tmp);
                OutputStream out = new BufferedOutputStream(new NamedErrors(Channels.newOutputStream(ch), target));
                content.writeTo(out);
                out.flush();
                try {
                    ch.force(true);
                } catch (IOException e) {
                    throw failure(target, "cannot force the data to disk", e);
                }
                move(target, tmp, file);
            }
            forceFolder(dir);
        } finally {
            if (tmp != null) {
                WRITING.remove(tmp);
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void refuseInput(Path target, Path file) throws FileSystemException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return; // no file yet: nothing read from it
        }
        if (INPUTS.containsKey(real)) {
            throw new FileSystemException(target.toString(), null, "refusing to write over a file read as an input"
                    + " in this run" + (real.equals(target.toAbsolutePath()) ? "" : " (" + real + ")")
                    + ": write the output elsewhere, or call AtomicFiles.allowOverwrite for it first");
        }
    }

    /** The file to replace: the target, or the file a symbolic link (chain) leads to. */
    private static Path destination(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        for (int links = 0; ; links++) {
            Path name = file.getFileName();
            if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
                throw new IllegalArgumentException(target + ": expected the path of a file but "
                        + (name == null ? "it has no file name" : "it ends in '" + name + "'")
                        + (links > 0 ? " (through symbolic links, " + file + ")" : ""));
            }
            if (!Files.isSymbolicLink(file)) {
                if (Files.isDirectory(file)) {
                    throw new FileSystemException(target.toString(), null,
                            "is a folder; expected the path of a file" + (links > 0 ? " (through symbolic links, "
                                    + file + ")" : ""));
                }
                return file;
            }
            if (links == MAX_LINKS) {
                throw new FileSystemException(target.toString(), null, "more than " + MAX_LINKS + " symbolic links");
            }
            try {
                file = file.resolveSibling(Files.readSymbolicLink(file));
            } catch (IOException e) {
                throw failure(target, "cannot read the symbolic link " + file, e);
            }
        }
    }

    /** Refuses an existing read-only file: no owner write permission, or the DOS read-only attribute. */
    private static void refuseUnwritable(Path target, Path file) throws IOException {
        boolean readOnly;
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                readOnly = !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
            } else if (file.getFileSystem().supportedFileAttributeViews().contains("dos")) {
                readOnly = Files.readAttributes(file, DosFileAttributes.class).isReadOnly();
            } else {
                readOnly = !Files.isWritable(file);
            }
        } catch (NoSuchFileException e) {
            return; // a new file
        } catch (IOException e) {
            throw failure(target, "cannot read the permissions of " + file, e);
        }
        if (readOnly) {
            throw new AccessDeniedException(target.toString(), null,
                    "the file is read-only; refusing to replace it (make it writable first)");
        }
    }

    /**
     * Deletes, in {@code dir}, our temporary files (exact {@link #TEMP_NAME}, regular files, not
     * links) modified before {@code started}, not written by this JVM and not locked by another
     * process. Failures are ignored: clean-up never fails a write.
     */
    private static void removeStaleTemporaryFiles(Path dir, FileTime started) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> TEMP_NAME.matcher(p.getFileName().toString()).matches())) {
            for (Path p : entries) {
                if (WRITING.contains(p)) {
                    continue; // opening it and closing would drop this JVM's lock on it
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().compareTo(started) < 0 && !lockedElsewhere(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a folder we cannot list or a file we cannot delete: leave it
        }
    }

    /** Whether another process holds a lock on the file (or locking cannot tell). */
    private static boolean lockedElsewhere(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
            return true;
        }
    }

    private static void lock(FileChannel ch) {
        try {
            ch.lock();
        } catch (IOException | UnsupportedOperationException e) {
            // no locks here: the file is only protected by its modification time
        }
    }

    private static void move(Path target, Path tmp, Path file) throws IOException {
        try {
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure(target, "cannot move the new content into place", e);
        }
    }

    /** Forces the folder's entries to disk where the platform allows it. */
    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems cannot open or force a folder
        }
    }

    /** Temporary files are created owner-only (0600); outputs get the usual 0644. */
    private static void publiclyReadable(Path target, Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (IOException e) {
                throw failure(target, "cannot set the permissions of the new file", e);
            }
        }
    }

    /**
     * An I/O failure naming the target, what was being done and why; a missing file or denied
     * permission keeps its type.
     */
    static IOException failure(Path target, String doing, IOException cause) {
        String reason = reason(cause);
        IOException e;
        if (cause instanceof AccessDeniedException) {
            e = new AccessDeniedException(target.toString(), null, doing + ": " + reason);
        } else if (cause instanceof NoSuchFileException) {
            e = new NoSuchFileException(target.toString(), null, doing + ": " + reason);
        } else {
            e = new IOException(target + ": " + doing + ": " + reason);
        }
        e.initCause(cause);
        return e;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder " + n.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof FileSystemException f) {
            return (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason())
                    + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The temporary file's stream, whose I/O errors name the target (a full disk, say). */
    private static final class NamedErrors extends FilterOutputStream {
        private final Path target;

        NamedErrors(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failure(target, "cannot write", e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failure(target, "cannot write", e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(target, "cannot write", e);
            }
        }

        @Override
        public void close() {
            // the channel is closed by the write
        }
    }
}
