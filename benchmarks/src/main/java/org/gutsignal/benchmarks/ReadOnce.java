package org.gutsignal.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.synth.SyntheticCohort;

/**
 * {@link ReadBenchmark#cohort} once in a fresh JVM: what a user waits for on the first read, class
 * loading and the interpreter included. Run from the project root (or with
 * {@code -Dgutsignal.testdata=...}), several times:
 *
 * <pre>{@code
 * for i in 1 2 3 4 5; do java -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.ReadOnce; done
 * }</pre>
 */
public final class ReadOnce {

    private ReadOnce() {
    }

    /** Reads and joins the synthetic cohort once; prints the time and the JVM's uptime. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path dir = Testdata.synthetic();
        Cohort[] c = ReadBenchmark.readCohorts(dir.resolve(SyntheticCohort.SPECIES_FILE),
                dir.resolve(SyntheticCohort.KO_FILE), dir.resolve(SyntheticCohort.METADATA_FILE));
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("read and joined %d species and %d KO samples in %.0f ms; JVM uptime %d ms%n",
                c[0].sampleIds().size(), c[1].sampleIds().size(), ms, ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
