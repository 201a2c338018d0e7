package org.gutsignal.cli;

import java.nio.file.Path;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;

/** One in-process run of the command line, and the bundled synthetic cohort the tests use. */
record CliRun(int exitCode, String out, String err) {

    static final Path CAPACITIES = Path.of("testdata/synthetic/capacities.tsv");
    static final Path METADATA = Path.of("testdata/synthetic/metadata.tsv");

    static CliRun of(String... args) {
        Cli.Run r = Cli.run((Object[]) args);
        return new CliRun(r.code(), r.out(), r.err());
    }

    /** The arguments that read the synthetic cohort's capacities and metadata. */
    static String[] cohortArgs(String command, String... more) {
        String[] base = {command, CAPACITIES.toString(), "--format", "samples", "--unit", "CAPACITY", "-m",
            METADATA.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The same cohort read through the library, as the commands read it. */
    static Cohort cohort() throws java.io.IOException {
        return Cohort.join(FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CAPACITY).read(CAPACITIES),
                MetadataReader.gutsignal().read(METADATA), JoinPolicy.STRICT, CAPACITIES.toString(),
                METADATA.toString());
    }
}
