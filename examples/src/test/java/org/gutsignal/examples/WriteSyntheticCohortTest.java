package org.gutsignal.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regeneration entry point writes exactly the checked-in files; the counts are testdata/synthetic/README.md's. */
class WriteSyntheticCohortTest {

    @Test
    void regeneratesTheCheckedInFiles(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        WriteSyntheticCohort.write(tmp, new PrintStream(buf, true, StandardCharsets.UTF_8));
        for (String f : List.of("species.tsv", "ko.tsv", "metadata.tsv", "capacities.tsv", "traits.tsv", "truth.tsv")) {
            assertArrayEquals(Files.readAllBytes(WriteSyntheticCohort.TESTDATA.resolve(f)),
                    Files.readAllBytes(tmp.resolve(f)), f);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("947 samples (372 responders, 554 non-responders, 21 unknown), 160 species,"
                + " 400 KOs; generated in "), printed);
    }
}
