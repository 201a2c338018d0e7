package org.gutsignal.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.synth.SyntheticCohort;

/**
 * Regenerates the bundled synthetic cohort: {@link SyntheticCohort#withDefaults()} written to
 * {@code testdata/synthetic} (or the folder given as the one argument), with what was written and
 * how long it took. The files come out byte-identical on every run.
 *
 * <p>Run from the repository root (a few seconds):
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.gutsignal.examples.WriteSyntheticCohort
 * </pre>
 * and, for another folder, {@code -Dexec.args=out/synthetic}.
 */
public final class WriteSyntheticCohort {

    static final Path TESTDATA = Path.of("testdata", "synthetic");

    private WriteSyntheticCohort() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: WriteSyntheticCohort [output-dir]   (default " + TESTDATA + ")");
            System.exit(2);
        }
        write(args.length == 1 ? Path.of(args[0]) : TESTDATA, System.out);
    }

    /** Generates the default cohort, writes its six files into {@code dir} and prints a summary line. */
    static SyntheticCohort.Result write(Path dir, PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        SyntheticCohort.Result r = SyntheticCohort.withDefaults().generate();
        long t1 = System.nanoTime();
        r.writeTo(dir);
        long t2 = System.nanoTime();
        SampleMetadata m = r.metadata();
        out.printf(Locale.ROOT, "%d samples (%d responders, %d non-responders, %d unknown), %d species, %d KOs;"
                + " generated in %d ms, written to %s in %d ms%n", m.sampleCount(), m.count(Response.RESPONDER),
                m.count(Response.NON_RESPONDER), m.count(Response.UNKNOWN), r.species().featureCount(),
                r.ko().featureCount(), (t1 - t0) / 1_000_000, dir, (t2 - t1) / 1_000_000);
        return r;
    }
}
