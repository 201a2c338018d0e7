package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    /** Generation {@code g}: a header, {@code bytes} letters and an end line; only {@code upTo} letters if less. */
    static void writeGeneration(OutputStream out, int g, int bytes, int upTo) throws IOException {
        out.write(("gen " + g + " " + bytes + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ('a' + g % 26));
        for (int done = 0; done < upTo; done += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, upTo - done));
        }
        if (upTo == bytes) {
            out.write("\nend\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The generation of a complete file; fails on a partial or mixed one. */
    private static int generationOf(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int nl = 0;
        while (b[nl] != '\n') {
            nl++;
        }
        String[] header = new String(b, 0, nl, StandardCharsets.US_ASCII).split(" ");
        int g = Integer.parseInt(header[1]);
        int bytes = Integer.parseInt(header[2]);
        assertEquals(nl + 1 + bytes + 5, b.length, "a partial file of generation " + g);
        for (int i = nl + 1; i < nl + 1 + bytes; i++) {
            if (b[i] != 'a' + g % 26) {
                throw new AssertionError("byte " + i + " is not of generation " + g);
            }
        }
        assertEquals("\nend\n", new String(b, b.length - 5, 5, StandardCharsets.US_ASCII));
        return g;
    }

    private List<String> temporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".gs-")).sorted().toList();
        }
    }

    @Test
    void writingToTheRootOrAFolderNamesTheTargetInsteadOfThrowingANullPointerException() throws IOException {
        assertEquals("/: expected the path of a file but it has no file name", assertThrows(
                IllegalArgumentException.class, () -> AtomicFiles.write(Path.of("/"), out -> out.write("x"))).getMessage());
        Path dotDot = dir.resolve("a/..");
        assertEquals(dotDot + ": expected the path of a file but it ends in '..'", assertThrows(
                IllegalArgumentException.class, () -> AtomicFiles.write(dotDot, out -> out.write("x"))).getMessage());
        Files.createDirectory(dir.resolve("sub"));
        assertEquals(dir.resolve("sub") + ": is a folder; expected the path of a file", assertThrows(IOException.class,
                () -> AtomicFiles.write(dir.resolve("sub"), out -> out.write("x"))).getMessage());
        assertEquals(List.of(), temporaryFiles(dir));
    }

    @Test
    void fileNamesOf250And255BytesCanBeWritten() throws IOException {
        for (int length : new int[] {250, 255}) {
            Path file = dir.resolve("n".repeat(length - 4) + ".csv");
            AtomicFiles.write(file, out -> out.write("ok\n"));
            AtomicFiles.write(file, out -> out.write("again\n"));
            assertEquals("again\n", Files.readString(file));
        }
        assertEquals(List.of(), temporaryFiles(dir));
    }

    @Test
    void staleTemporaryFilesOfOursAreRemovedAndNothingElse() throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Path stale = Files.writeString(dir.resolve(".gs-0123abcd.tmp"), "left by a killed write");
        Path other = Files.writeString(dir.resolve("other.txt"), "x");
        List<Path> keep = new ArrayList<>(List.of(other));
        for (String name : List.of(".gs-0123ABCD.tmp", ".gs-0123abc.tmp", ".gs-0123abcd.tmp.bak", "x.gs-0123abcd.tmp",
                "notes.tmp")) {
            keep.add(Files.writeString(dir.resolve(name), "not ours"));
        }
        keep.add(Files.createDirectory(dir.resolve(".gs-00000000.tmp")));
        keep.add(Files.createSymbolicLink(dir.resolve(".gs-11111111.tmp"), other));
        for (Path p : keep) {
            Files.setLastModifiedTime(p, hourAgo);
        }
        Files.setLastModifiedTime(stale, hourAgo);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path staleElsewhere = Files.writeString(elsewhere.resolve(".gs-89abcdef.tmp"), "other folder");
        Files.setLastModifiedTime(staleElsewhere, hourAgo);

        AtomicFiles.write(dir.resolve("out.csv"), out -> out.write("new\n"));
        assertFalse(Files.exists(stale));
        for (Path p : keep) {
            assertTrue(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), p + " was removed");
        }
        assertTrue(Files.exists(staleElsewhere), "only the target's folder is cleaned");
    }

    @Test
    void aTemporaryFileThisJvmIsWritingIsNotCleanedUpByAnotherWrite() throws IOException {
        Path first = dir.resolve("first.csv");
        AtomicFiles.write(first, out -> {
            out.write("first, part 1\n");
            out.flush();
            AtomicFiles.write(dir.resolve("second.csv"), o -> o.write("second\n")); // same folder, meanwhile
            out.write("first, part 2\n");
        });
        assertEquals("first, part 1\nfirst, part 2\n", Files.readString(first));
        assertEquals(List.of(), temporaryFiles(dir));
    }

    @Test
    void aReadOnlyTargetIsRefusedAndKept() throws IOException {
        Path file = Files.writeString(dir.resolve("locked.csv"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> AtomicFiles.write(file, out -> out.write("new\n")));
        assertEquals(file + ": the file is read-only; refusing to replace it (make it writable first)", e.getMessage());
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of(), temporaryFiles(dir));
    }

    @Test
    void aSymbolicLinkIsFollowedAndTheFileItPointsToIsReplaced() throws IOException {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("data.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real/data.csv"));
        Path linkToLink = Files.createSymbolicLink(dir.resolve("link2.csv"), link);
        AtomicFiles.write(linkToLink, out -> out.write("new\n"));
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(linkToLink));
        assertEquals(Path.of("real/data.csv"), Files.readSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
        assertEquals(List.of(), temporaryFiles(dir));
        assertEquals(List.of(), temporaryFiles(real.getParent()));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("made/by/write.csv"));
        AtomicFiles.write(dangling, out -> out.write("created\n"));
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("created\n", Files.readString(dir.resolve("made/by/write.csv")));

        Path loop = Files.createSymbolicLink(dir.resolve("loop.csv"), Path.of("loop.csv"));
        assertEquals(loop + ": more than 40 symbolic links",
                assertThrows(IOException.class, () -> AtomicFiles.write(loop, out -> out.write("x"))).getMessage());
    }

    @Test
    void errorsNameTheTargetAndTheReasonNotTheTemporaryFile() throws IOException {
        Files.writeString(dir.resolve("plain.txt"), "a file, not a folder");
        Path target = dir.resolve("plain.txt/sub/out.csv");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write("x")));
        assertTrue(e.getMessage().startsWith(target + ": cannot create the folder " + target.getParent() + ": "),
                e.getMessage());
        assertFalse(e.getMessage().contains(".gs-"), e.getMessage());
        assertTrue(e.getMessage().length() > (target + ": cannot create the folder " + target.getParent() + ": ").length());
    }

    @Test
    void aKilledWriteLeavesTheOldOrTheNewFileNeverAPart() throws Exception {
        Path target = dir.resolve("big.bin");
        int bytes = 4 << 20;
        AtomicFiles.writeBytes(target, out -> writeGeneration(out, 0, bytes, bytes));

        // killed for certain in the middle of the content: the old file stays, a temporary file is left
        kill(child(target, bytes, "pause"), 0);
        assertEquals(0, generationOf(target));
        assertEquals(1, temporaryFiles(dir).size(), "the killed write left its temporary file");
        AtomicFiles.writeBytes(target, out -> writeGeneration(out, 7, bytes, bytes));
        assertEquals(7, generationOf(target));
        assertEquals(List.of(), temporaryFiles(dir), "the next write removed the stale temporary file");

        // killed at a random moment of a loop of writes: always a whole generation, never a part
        for (int round = 0; round < 3; round++) {
            kill(child(target, bytes, "loop"), ThreadLocalRandom.current().nextInt(5, 150));
            generationOf(target);
            AtomicFiles.writeBytes(target, out -> writeGeneration(out, 7, bytes, bytes));
            assertEquals(7, generationOf(target));
            assertEquals(List.of(), temporaryFiles(dir));
        }
    }

    private static Process child(Path target, int bytes, String mode) throws IOException {
        String classpath = location(AtomicFiles.class) + File.pathSeparator + location(KilledWriter.class);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                KilledWriter.class.getName(), target.toString(), Integer.toString(bytes), mode)
                .redirectErrorStream(true).start();
    }

    /** Waits (at most a minute) for the child's {@code ready}, then {@code millis}, then kills it. */
    private static void kill(Process p, int millis) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            String line;
            while (!"ready".equals(line = r.readLine())) {
                if (line == null || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("the child writer ended without 'ready' (last line: " + line + ")");
                }
            }
            Thread.sleep(millis);
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        }
    }

    private static String location(Class<?> c) throws IOException {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
