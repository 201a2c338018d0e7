package org.gutsignal.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;

/**
 * Throughput of the Spark jobs on {@code local[2]} against the core on one thread, in the same JVM and run, on the
 * bundled synthetic cohort: profiling its 947 samples as per-sample HUMAnN KO files (plain, gzip, bzip2), scoring
 * 947 × {@code copies} rows of molecule capacities, and a permutation test (5-fold CV, {@code permutations}
 * permutations). Each measurement is the median of {@code rounds} rounds after one warm-up round. Not part of the
 * build; docs/scaling.md gives the command and the numbers.
 *
 * <p>Arguments: {@code [rounds=3] [copies=200] [permutations=20] [work dir=target/throughput]}.
 */
public final class ThroughputRun {

    private ThroughputRun() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int permutations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = Path.of(args.length > 3 ? args[3] : "spark/target/throughput");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("throughput")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        System.out.printf(Locale.ROOT, "java %s, %d cores; Spark %s local[2]; median of %d rounds after a warm-up%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), spark.version(),
                rounds);

        // profiling
        Path files = work.resolve("ko");
        if (!Files.isDirectory(files)) {
            PerSampleFiles.split(TestSpark.testdata("synthetic/ko.tsv"), 0, Integer.MAX_VALUE, files, "_ko.tsv");
        }
        List<Path> list;
        try (Stream<Path> s = Files.list(files)) {
            list = s.sorted().toList();
        }
        long bytes = 0;
        for (Path p : list) {
            bytes += Files.size(p);
        }
        SignallingProfiler profiler = SignallingProfiler.of(MoleculeCatalog.builtIn());
        FeatureTableReader reader = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM);
        double core = median(rounds, () -> {
            for (Path p : list) {
                try {
                    profiler.profileGenes(reader, p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        SparkProfiler sp = SparkProfiler.of(spark, SignallingProfile.Source.GENES).withUnit(AbundanceUnit.CPM);
        String dir = files.toAbsolutePath().toString();
        double sparkProfile = median(rounds, () -> {
            try {
                sp.profile(dir).select("HMBPP").agg(functions.sum("HMBPP")).collectAsList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        report("profile " + list.size() + " per-sample KO files (" + bytes / 1024 + " KiB)", list.size(), "files",
                core, sparkProfile);

        // scoring
        FeatureTable caps = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM)
                .read(TestSpark.testdata("synthetic/capacities.tsv"));
        Cohort cohort = Cohort.join(caps, MetadataReader.gutsignal().read(TestSpark.testdata("synthetic/metadata.tsv")),
                JoinPolicy.LENIENT, "capacities", "metadata");
        ResponseModel model = LogisticTrainer.withDefaults().withSeed(7).fit(cohort);
        List<String> ids = new ArrayList<>();
        double[] values = new double[caps.sampleCount() * copies * caps.featureCount()];
        double[] one = caps.toRowMajorArray();
        for (int c = 0; c < copies; c++) {
            for (String id : caps.sampleIds()) {
                ids.add(id + "_" + c);
            }
            System.arraycopy(one, 0, values, c * one.length, one.length);
        }
        FeatureTable big = FeatureTable.ofRowMajor(ids, caps.featureNames(), values, AbundanceUnit.CPM);
        double coreScore = median(rounds, () -> model.score(big));
        Dataset<Row> frame = Frames.of(spark, big, true, 4).cache();
        frame.count();
        SparkScorer scorer = SparkScorer.of(spark, model);
        double sparkScore = median(rounds, () -> scorer.score(frame).agg(functions.sum(SparkScorer.PROBABILITY))
                .collectAsList());
        report("score " + big.sampleCount() + " rows × 6 molecules (DataFrame cached)", big.sampleCount(), "rows",
                coreScore, sparkScore);
        frame.unpersist();

        // permutation test
        SerializableSplitter folds = (y, g) -> Splitters.stratifiedKFold(5, 42L).split(y, g);
        SerializableLearner learner = train -> LogisticTrainer.withDefaults().withSeed(7).withPreprocessing(
                Preprocessing.of(Transform.ln(1.0), Transform.standardize())).fit(train);
        double corePerm = median(rounds, () -> CrossValidation.of(folds).permutationTest(learner, cohort, permutations,
                1L));
        SparkCrossValidation cv = SparkCrossValidation.of(spark, folds).withPartitions(8);
        double sparkPerm = median(rounds, () -> cv.permutationTest(learner, cohort, permutations, 1L));
        int fits = (permutations + 1) * 5;
        report("permutation test, " + permutations + " permutations × 5 folds (" + fits + " fits of "
                + cohort.labelled().sampleCount() * 4 / 5 + " samples)", fits, "fits", corePerm, sparkPerm);
        spark.stop();
    }

    private static void report(String what, long units, String unit, double core, double spark) {
        System.out.printf(Locale.ROOT, "%-75s core 1 thread %8.3f s (%,10.0f %s/s) | Spark local[2] %8.3f s (%,10.0f"
                + " %s/s) | ratio %.2f%n", what, core, units / core, unit, spark, units / spark, unit, core / spark);
    }

    private static double median(int rounds, Runnable r) {
        r.run();
        double[] t = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[rounds / 2];
    }
}
