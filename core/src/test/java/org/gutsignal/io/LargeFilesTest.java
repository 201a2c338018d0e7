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

/** Files too large to read whole fail before anything is allocated, with a message saying what to do. */
class LargeFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aFileOfTwoGibibytesOrMoreIsRefusedWithTheRemedy() throws IOException {
        Path f = tmp.resolve("huge.tsv");
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            c.write(ByteBuffer.wrap(new byte[] {'\n'}), 3L << 30); // a sparse 3 GiB file: no disk used
        }
        IOException e = assertThrows(IOException.class,
                () -> FeatureTableReader.samplesAsRows().withUnit(org.gutsignal.cohort.AbundanceUnit.COUNTS).read(f));
        assertEquals(f + ": this file is 3.0 GiB; gutsignal reads a table file whole and cannot read files of 2 GiB"
                + " or more yet: split it by samples and read the parts with FeatureTableReader.readAll"
                + " (gutsignal merge)", e.getMessage());
        Files.delete(f);
    }

    @Test
    void aFileNeedingMoreHeapThanIsFreeIsRefusedWithTheXmxToUse() throws IOException {
        // 1 GiB max heap, 256 MiB used: a 200 MiB file needs 11 × 200 MiB = 2.1 GiB of the 768 MiB free;
        // -Xmx = ceil((1 GiB + 2200 MiB − 768 MiB) / 1 GiB) = 3
        IOException e = assertThrows(IOException.class,
                () -> FileBytes.checkSize("t.tsv", 200L << 20, 1L << 30, 256L << 20));
        assertEquals("t.tsv: reading this 200.0 MiB file needs about 2.1 GiB of heap but only 768.0 MiB is free: run"
                + " Java with -Xmx3g or more, or split the table by samples", e.getMessage());
        FileBytes.checkSize("t.tsv", 1L << 20, 1L << 30, 256L << 20); // 11 MiB of 768 MiB: fine
    }
}
