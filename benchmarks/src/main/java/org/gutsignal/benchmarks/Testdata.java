package org.gutsignal.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gutsignal.synth.SyntheticCohort;

/** Locates the shared {@code testdata/} directory. */
final class Testdata {

    /** System property naming the testdata directory (the same one the core tests use). */
    static final String PROPERTY = "gutsignal.testdata";

    private Testdata() {
    }

    /**
     * The {@code testdata/synthetic} directory: under {@code -Dgutsignal.testdata=DIR} if set, else
     * under {@code testdata} or {@code ../testdata} relative to the working directory.
     *
     * @throws IllegalStateException if none of these holds {@code synthetic/species.tsv}; the message
     *                               lists every place looked at
     */
    static Path synthetic() {
        String configured = System.getProperty(PROPERTY);
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        } else {
            candidates.add(Path.of("testdata"));
            candidates.add(Path.of("..", "testdata"));
        }
        for (Path dir : candidates) {
            Path synthetic = dir.resolve("synthetic");
            if (Files.isRegularFile(synthetic.resolve(SyntheticCohort.SPECIES_FILE))) {
                return synthetic;
            }
        }
        List<String> looked = new ArrayList<>();
        for (Path dir : candidates) {
            looked.add(dir.resolve("synthetic").toAbsolutePath().normalize().toString());
        }
        throw new IllegalStateException("cannot find the synthetic cohort (" + SyntheticCohort.SPECIES_FILE + ") in "
                + looked + (configured != null ? " (from -D" + PROPERTY + ")" : "")
                + "; run from the project root or pass -D" + PROPERTY + "=/path/to/gutsignal/testdata");
    }
}
