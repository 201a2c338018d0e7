package org.gutsignal.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.ReadReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a directory of single-sample MetaPhlAn 4 profiles into one table (issue 12's
 * performance note): {@code profiles} files, each with the v4 header lines, an UNCLASSIFIED row and
 * full-lineage rows from kingdom to strain for 150 of a 600-species pool (about 540 rows, 60 KB),
 * written once by {@link #setUp} from a fixed seed. The bound measured in the same run is reading
 * the same files' bytes and nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProfilesDirectoryBenchmark {

    @Param({"1000"})
    public int profiles;

    private Path dir;

    /** Writes the profiles into a fresh temporary directory. */
    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("gutsignal-profiles");
        SplittableRandom rng = new SplittableRandom(20250101L);
        int pool = 600;
        String[] lineage = new String[pool];
        for (int s = 0; s < pool; s++) {
            int g = s / 4;
            int f = g / 5;
            int o = f / 3;
            int c = o / 2;
            int p = c / 2;
            lineage[s] = "k__Bacteria|p__Phylum" + p + "|c__Class" + c + "|o__Order" + o + "|f__Family" + f
                    + "|g__Genus" + g + "|s__Genus" + g + "_species" + s;
        }
        for (int i = 0; i < profiles; i++) {
            StringBuilder sb = new StringBuilder();
            sb.append("#mpa_vJan21_CHOCOPhlAnSGB_202103\n#/usr/local/bin/metaphlan S").append(i)
                    .append(".fastq.gz --input_type fastq\n#").append(1_000_000 + i).append(" reads processed\n")
                    .append("#SampleID\tMetaphlan_Analysis\n")
                    .append("#clade_name\tNCBI_tax_id\trelative_abundance\tadditional_species\n");
            double[] abundance = new double[pool];
            double total = 0;
            for (int k = 0; k < 150; k++) {
                int s = rng.nextInt(pool);
                double a = Math.exp(3 * rng.nextDouble());
                abundance[s] += a;
                total += a;
            }
            double unclassified = 5 + 20 * rng.nextDouble();
            double scale = (100 - unclassified) / total;
            sb.append(String.format(Locale.ROOT, "UNCLASSIFIED\t-1\t%.5f\t%n", unclassified));
            sb.append(String.format(Locale.ROOT, "k__Bacteria\t2\t%.5f\t%n", 100 - unclassified));
            for (int s = 0; s < pool; s++) {
                if (abundance[s] > 0) {
                    String[] ranks = lineage[s].split("\\|");
                    String prefix = ranks[0];
                    for (int r = 1; r < ranks.length; r++) {
                        prefix = prefix + "|" + ranks[r];
                        sb.append(prefix).append("\t2|").append(s).append('\t')
                                .append(String.format(Locale.ROOT, "%.5f", abundance[s] * scale)).append("\t\n");
                    }
                    sb.append(prefix).append("|t__SGB").append(s).append("\t2|").append(s).append("|\t")
                            .append(String.format(Locale.ROOT, "%.5f", abundance[s] * scale)).append("\t\n");
                }
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "S%04d_profile.txt", i)), sb,
                    StandardCharsets.UTF_8);
        }
    }

    /** Deletes the directory. */
    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** gutsignal: every profile parsed, checked and merged into one samples × species table. */
    @Benchmark
    public ReadReport gutsignalReadDirectory() throws IOException {
        return FeatureTableReader.metaphlan().readDirectory(dir, "*_profile.txt");
    }

    /** The same with {@code withThreads(2)}: two files read at a time. */
    @Benchmark
    public ReadReport gutsignalReadDirectoryThreads2() throws IOException {
        return FeatureTableReader.metaphlan().withThreads(2).readDirectory(dir, "*_profile.txt");
    }

    /** The bound: the same files' bytes read, nothing parsed. */
    @Benchmark
    public long bytesOnly() throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                n += Files.readAllBytes(p).length;
            }
        }
        return n;
    }
}
