package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth} and {@code summary} in-process, on the bundled data (the working directory is the repository root). */
class SynthAndSummaryTest {

    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void synthWritesTheBundledCohortByteForByte() throws Exception {
        Run r = run("synth", "-q", "-o", tmp.toString(), "--seed", "20250101");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("species.tsv", "ko.tsv", "metadata.tsv", "capacities.tsv", "traits.tsv", "truth.tsv")) {
            assertArrayEquals(Files.readAllBytes(Path.of("testdata", "synthetic", f)), Files.readAllBytes(tmp.resolve(f)),
                    f);
        }
    }

    @Test
    void summaryOfTheRealLeeCohort() {
        Run r = run("summary", "testdata/lee2022/species_relab.tsv", "-m", "testdata/lee2022/metadata.tsv",
                "--id-column", "NCBI_accession", "--response-column", "ORR", "--labels", "yes_no", "--group-column",
                "subcohort", "--lenient");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("key\tvalue", lines.get(0));
        // counted in the files (testdata/lee2022/README.md): 164 profiles, 601 species rows, percent
        assertTrue(lines.contains("samples\t164"), r.out());
        assertTrue(lines.contains("features\t601"), r.out());
        assertTrue(lines.contains("unit\tPERCENT (default)"), r.out());
        assertTrue(lines.contains("joined_samples\t164"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("group:PRIMM-NL\t")), r.out());
    }

    @Test
    void badInputIsOneLineAndExitThree() {
        Run r = run("summary", "core/src/test/resources/io/malformed/metaphlan4_single_bad_value.txt");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("gutsignal summary: metaphlan4_single_bad_value.txt, line 5, column 3 ('relative_abundance'): "
                + "expected a number but found '6O.5'\n", r.err());
        Run missing = run("summary", "no/such/file.tsv");
        assertEquals(Main.BAD_INPUT, missing.code());
        assertEquals("gutsignal summary: no/such/file.tsv: no such file\n", missing.err());
        Run usage = run("summary", "--bogus", "x");
        assertEquals(2, usage.code());
        assertTrue(usage.err().startsWith("Unknown option: '--bogus'"), usage.err());
    }
}
