package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables too large for the heap fail early with the heap they need, and no reader reads a file
 * whole. (That text tables stream is checked in a child JVM with a small heap:
 * {@link StreamingReadTest}.)
 */
class LargeFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aHugeFileGivenAsBiomIsLookedAtNotReadWhole() throws IOException {
        Path f = tmp.resolve("huge.biom");
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            c.write(ByteBuffer.wrap(new byte[] {'\n'}), 3L << 30); // a sparse 3 GiB file: no disk used
        }
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> BiomReader.withDefaults().read(f));
        assertEquals("huge.biom: expected a BIOM file (JSON starting with '{', or HDF5) but found neither",
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - start < 10_000_000_000L,
                "only the first 64 KiB are read to tell what the file is");
        Files.delete(f);
    }

    @Test
    void aTableProjectedBeyondTheFreeHeapIsRefusedWithTheXmxToUse() throws IOException {
        // rows of 10,000 values cost 16 × 10,000 + 200 = 160,200 bytes; the first check comes when 105 rows
        // (16.04 MiB) pass 16 MiB. 64 MiB of a 3 GiB file read: 105 × 48 = 5,040 rows projected, 807,408,000
        // bytes = 770.0 MiB needed, 847.0 MiB with the margin; 512 MiB free of a 2 GiB heap, less a tenth of 2 GiB in reserve: 307.2 MiB
        // usable; -Xmx = ceil((1.1 × 0.752 + 1.5 GiB used) / 0.9) = ceil(2.586) = 3
        HeapBudget budget = new HeapBudget("big.tsv", 3L << 30, () -> 64L << 20, 2L << 30, () -> 1L << 29);
        for (int rows = 1; rows < 105; rows++) {
            budget.rowKept(rows, 10_000, "samples", "× 10,000 features"); // below 16 MiB of values: no check yet
        }
        IOException e = assertThrows(IOException.class, () -> budget.rowKept(105, 10_000, "samples",
                "× 10,000 features"));
        assertEquals("big.tsv: this table needs about 847.0 MiB of heap while it is read (with a 10% margin; about 5,040 samples"
                + " × 10,000 features, projected from the 105 samples in the first 64.0 MiB of the file's 3.0 GiB) but only"
                + " 307.2 MiB is usable (512.0 MiB free, less the tenth of the heap the garbage collector keeps in"
                + " reserve): run Java with -Xmx3g or more (the gutsignal command: GUTSIGNAL_JAVA_OPTS=-Xmx3g), or"
                + " split the table", e.getMessage());
    }

    @Test
    void aTableThatFitsIsNotRefused() throws IOException {
        // 1 GiB read of 3 GiB: 3,000 rows × 160,200 bytes = 458 MiB projected, × 1.1 = 504 MiB, with
        // 1.5 GiB free less 0.2 GiB reserve usable
        HeapBudget budget = new HeapBudget("big.tsv", 3L << 30, () -> 1L << 30, 2L << 30, () -> 3L << 29);
        for (int rows = 1; rows <= 1000; rows++) {
            budget.rowKept(rows, 10_000, "samples", "× 10,000 features");
        }
    }
}
