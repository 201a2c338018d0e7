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
        return find("synthetic", SyntheticCohort.SPECIES_FILE, "the synthetic cohort");
    }

    /**
     * The {@code testdata/lee2022} directory (the real Lee 2022 melanoma cohort), looked for as
     * {@link #synthetic()} is.
     *
     * @throws IllegalStateException if none of the places holds {@code lee2022/species_relab.tsv}
     */
    static Path lee2022() {
        return find("lee2022", LEE_SPECIES, "the Lee 2022 cohort");
    }

    /** The Lee 2022 species table's file name. */
    static final String LEE_SPECIES = "species_relab.tsv";

    private static Path find(String sub, String file, String what) {
        String configured = System.getProperty(PROPERTY);
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        } else {
            candidates.add(Path.of("testdata"));
            candidates.add(Path.of("..", "testdata"));
        }
        for (Path dir : candidates) {
            Path found = dir.resolve(sub);
            if (Files.isRegularFile(found.resolve(file))) {
                return found;
            }
        }
        List<String> looked = new ArrayList<>();
        for (Path dir : candidates) {
            looked.add(dir.resolve(sub).toAbsolutePath().normalize().toString());
        }
        throw new IllegalStateException("cannot find " + what + " (" + file + ") in " + looked
                + (configured != null ? " (from -D" + PROPERTY + ")" : "")
                + "; run from the project root or pass -D" + PROPERTY + "=/path/to/gutsignal/testdata");
    }
}
