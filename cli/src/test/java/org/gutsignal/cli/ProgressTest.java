package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress off a terminal is one plain line per fold; under --quiet nothing. */
class ProgressTest {

    @Test
    void plainLinesWhenNotATerminalAndNothingWhenQuiet() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress p = Progress.of(new PrintStream(buf, true, StandardCharsets.UTF_8), "cv")) {
            p.foldDone(1, 3, null);
            p.foldDone(2, 3, null);
            p.foldDone(3, 3, null);
        }
        assertEquals("fold 1/3 done\nfold 2/3 done\nfold 3/3 done\n", buf.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream files = new ByteArrayOutputStream();
        try (Progress p = Progress.of(new PrintStream(files, true, StandardCharsets.UTF_8), "merge")) {
            for (int k = 1; k <= 1000; k++) {
                p.step(k, 1000, "file");
            }
        }
        // every 1000/20 = 50 files: 20 lines, the last at 1000
        assertEquals(20, files.toString(StandardCharsets.UTF_8).lines().count());
        assertEquals("file 50/1000 done", files.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        ByteArrayOutputStream few = new ByteArrayOutputStream();
        try (Progress p = Progress.of(new PrintStream(few, true, StandardCharsets.UTF_8), "merge", 50)) {
            p.step(1, 2, "file");
            p.step(2, 2, "file");
        }
        assertEquals("", few.toString(StandardCharsets.UTF_8), "a merge of 2 files needs no progress");
        try (Progress quiet = Progress.of(null, "cv")) {
            quiet.foldDone(1, 1, null); // must not fail or print
        }
    }
}
