package org.gutsignal.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.synth.SyntheticCohort;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading the checked-in 947-patient synthetic cohort (800 training + 147 validation) from
 * {@code testdata/synthetic}: the MetaPhlAn species table, the HUMAnN KO table, the metadata, and
 * all three joined (strictly, on sample id) into two cohorts. The directory is found as {@link Testdata#synthetic()} says
 * ({@code -Dgutsignal.testdata=...}, default {@code ./testdata} or {@code ../testdata}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReadBenchmark {

    private Path species;
    private Path ko;
    private Path metadata;

    /** Locates the files (fails with a clear message if testdata is not found). */
    @Setup
    public void setUp() {
        Path dir = Testdata.synthetic();
        species = dir.resolve(SyntheticCohort.SPECIES_FILE);
        ko = dir.resolve(SyntheticCohort.KO_FILE);
        metadata = dir.resolve(SyntheticCohort.METADATA_FILE);
    }

    /** {@code species.tsv} (MetaPhlAn layout, percent). */
    @Benchmark
    public FeatureTable species() throws IOException {
        return FeatureTableReader.metaphlan().read(species);
    }

    /** {@code ko.tsv} (HUMAnN layout, CPM). */
    @Benchmark
    public FeatureTable ko() throws IOException {
        return FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(ko);
    }

    /** {@code metadata.tsv}. */
    @Benchmark
    public SampleMetadata metadata() throws IOException {
        return MetadataReader.gutsignal().read(metadata);
    }

    /** All three files, joined into a species cohort and a KO cohort. */
    @Benchmark
    public void cohort(Blackhole bh) throws IOException {
        for (Cohort c : readCohorts(species, ko, metadata)) {
            bh.consume(c);
        }
    }

    /** The species cohort and the KO cohort, each joined strictly with the metadata. */
    static Cohort[] readCohorts(Path species, Path ko, Path metadata) throws IOException {
        SampleMetadata meta = MetadataReader.gutsignal().read(metadata);
        return new Cohort[] {
            Cohort.join(FeatureTableReader.metaphlan().read(species), meta, JoinPolicy.STRICT, species.toString(),
                    metadata.toString()),
            Cohort.join(FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(ko), meta, JoinPolicy.STRICT,
                    ko.toString(), metadata.toString())
        };
    }
}
