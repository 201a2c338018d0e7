package org.gutsignal.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.Split;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.Learner;
import org.gutsignal.eval.PermutationTest;
import org.gutsignal.model.Predictor;
import org.gutsignal.model.ResponseModel;
import scala.Tuple2;

/**
 * The core's {@link CrossValidation} and its permutation test with every fold fitted as a Spark task: the
 * independent fits — permutations × repeats × folds — spread over the cluster, and the result <b>identical</b> to the
 * core's run on one machine with the same splitter, learner and seed, whatever the number of partitions or executors.
 *
 * <pre>{@code
 * SerializableSplitter folds = (y, g) -> Splitters.repeatedStratifiedKFold(10, 5, 42L).split(y, g);
 * SerializableLearner learner = train -> LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(7).fit(train);
 * SparkCrossValidation cv = SparkCrossValidation.of(spark, folds);
 * CvResult<ResponseModel> r = cv.run(learner, cohort);          // equals CrossValidation.of(folds).run(learner, cohort)
 * PermutationTest t = cv.permutationTest(learner, cohort, 999, 7L); // equals CrossValidation.of(folds).permutationTest(…)
 * }</pre>
 *
 * <p><b>What runs where.</b> The driver draws the permuted labels exactly as the core does
 * ({@link PermutationTest#permutedLabels}) and broadcasts them with the cohort (as plain data). One task item is one
 * fit: for labelling {@code k} (0 the observed labels, {@code k ≥ 1} the k-th permutation) and split {@code s}, an
 * executor splits labelling {@code k} with the splitter, fits the learner on split {@code s}'s training samples and
 * scores its test samples — the core's own fold step. The folds of one labelling are then assembled by the core's
 * {@code CrossValidation} itself, on folds given as {@link Splitters#fixed} and a learner that hands back the fits made
 * on the executors: for a permutation test on an executor (one AUROC per labelling comes back to the driver), for
 * {@link #run} on the driver, with the fold models sent back as model files (which read back equal). So the
 * out-of-fold scores, the AUROCs and the p-value are computed by the same code from the same doubles as on one
 * machine.
 *
 * <p><b>Sizes.</b> The permuted labels are broadcast as {@code (permutations + 1) × samples} bits (1,000 labellings
 * of 1,000,000 samples: 125 MB), the cohort as its doubles; each fit returns its test scores to the shuffle; a
 * permutation test returns one double per labelling to the driver.
 *
 * <p>Immutable and thread-safe. The learner and splitter must be serializable and deterministic (see
 * {@link SerializableLearner}, {@link SerializableSplitter}).
 */
public final class SparkCrossValidation {

    private final SparkSession spark;
    private final SerializableSplitter splitter;
    private final int partitions;

    private SparkCrossValidation(SparkSession spark, SerializableSplitter splitter, int partitions) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.partitions = partitions;
    }

    /** Cross-validation over the splits a splitter makes, as many partitions as the session's default parallelism. */
    public static SparkCrossValidation of(SparkSession spark, SerializableSplitter splitter) {
        return new SparkCrossValidation(spark, splitter, 0);
    }

    /**
     * The same with the fits spread over {@code n} partitions (tasks); results do not depend on it.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public SparkCrossValidation withPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 but is " + n);
        }
        return new SparkCrossValidation(spark, splitter, n);
    }

    /**
     * The cross-validation, each fold fitted on an executor: equal to
     * {@code CrossValidation.of(splitter).run(learner, cohort)} — the same splits, fold models (equal
     * {@link ResponseModel}s) and out-of-fold scores, bit for bit.
     *
     * @throws IllegalArgumentException as {@link CrossValidation#run}
     * @throws RuntimeException         whatever the learner throws (wrapped by Spark; {@link Errors#message} gives
     *                                  its message)
     */
    public CvResult<ResponseModel> run(SerializableLearner learner, Cohort cohort) {
        Cohort c = cohort.labelled();
        CohortSnapshot snapshot = CohortSnapshot.of(c);
        int[] y = snapshot.labels();
        List<Split> splits = splitter.split(y, snapshot.groups());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<CohortSnapshot> data = jsc.broadcast(snapshot);
        Broadcast<long[][]> labellings = jsc.broadcast(new long[][] {bits(y)});
        List<Tuple2<Integer, Integer>> items = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            items.add(new Tuple2<>(0, s));
        }
        List<Tuple2<Integer, Fold>> fits = jsc.parallelize(items, slices(items.size(), jsc))
                .mapToPair(new FitFold(data, labellings, splitter, learner, true)).collect();
        Map<Integer, ResponseModel> models = new HashMap<>();
        for (Tuple2<Integer, Fold> f : fits) {
            models.put(f._2().split, ModelText.parse(TextResource.of("model.json", f._2().model)));
        }
        Map<List<String>, Integer> byTrain = trainingSets(c, splits);
        Learner<ResponseModel> replay = train -> fitted(models, byTrain, train.sampleIds(), train.sampleCount()
                + " training samples");
        return CrossValidation.of(Splitters.fixed(splits)).run(replay, c);
    }

    /**
     * The permutation test of the cross-validated AUROC, every fold of every labelling fitted on an executor: equal to
     * {@code CrossValidation.of(splitter).permutationTest(learner, cohort, permutations, seed)} — the same observed
     * AUROC, permuted AUROCs (in the order drawn) and p-value, bit for bit.
     *
     * @throws IllegalArgumentException as {@link CrossValidation#permutationTest}
     * @throws RuntimeException         whatever the learner throws (wrapped by Spark)
     */
    public PermutationTest permutationTest(SerializableLearner learner, Cohort cohort, int permutations, long seed) {
        CohortSnapshot snapshot = CohortSnapshot.of(cohort);
        int[] y = snapshot.labels();
        int[][] drawn = PermutationTest.permutedLabels(y, permutations, seed);
        long[][] all = new long[permutations + 1][];
        all[0] = bits(y);
        for (int k = 0; k < permutations; k++) {
            all[k + 1] = bits(drawn[k]);
        }
        String[] groups = snapshot.groups();
        List<Tuple2<Integer, Integer>> items = new ArrayList<>();
        for (int k = 0; k <= permutations; k++) {
            int count = splitter.split(k == 0 ? y : drawn[k - 1], groups).size();
            for (int s = 0; s < count; s++) {
                items.add(new Tuple2<>(k, s));
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<CohortSnapshot> data = jsc.broadcast(snapshot);
        Broadcast<long[][]> labellings = jsc.broadcast(all);
        int n = slices(items.size(), jsc);
        JavaPairRDD<Integer, Fold> fits = jsc.parallelize(items, n)
                .mapToPair(new FitFold(data, labellings, splitter, learner, false));
        List<Tuple2<Integer, Double>> aurocs = fits.groupByKey(Math.min(n, permutations + 1))
                .mapToPair(new Assemble(data, labellings, splitter)).collect();
        double[] byLabelling = new double[permutations + 1];
        Arrays.fill(byLabelling, Double.NaN);
        for (Tuple2<Integer, Double> a : aurocs) {
            byLabelling[a._1()] = a._2();
        }
        if (aurocs.size() != permutations + 1) {
            throw new IllegalStateException(aurocs.size() + " AUROCs came back for " + (permutations + 1)
                    + " labellings");
        }
        return PermutationTest.of(byLabelling[0], Arrays.copyOfRange(byLabelling, 1, permutations + 1));
    }

    private int slices(int items, JavaSparkContext jsc) {
        return Math.max(1, Math.min(items, partitions > 0 ? partitions : jsc.defaultParallelism()));
    }

    /** 0/1 labels packed 64 to a long (bit {@code i % 64} of word {@code i / 64}), with the count in word 0. */
    static long[] bits(int[] y) {
        long[] b = new long[1 + (y.length + 63) / 64];
        b[0] = y.length;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                b[1 + i / 64] |= 1L << (i % 64);
            }
        }
        return b;
    }

    static int[] labels(long[] b) {
        int[] y = new int[(int) b[0]];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) (b[1 + i / 64] >>> (i % 64)) & 1;
        }
        return y;
    }

    /**
     * Each split's training sample ids → the index of the first split trained on them: how the replaying learner of
     * {@link #run} knows which fold model it is asked for. Splits that share a training set share its model, which is
     * the model each of them would have (the learner is deterministic: equal training sets give equal models).
     */
    static Map<List<String>, Integer> trainingSets(Cohort c, List<Split> splits) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int s = 0; s < splits.size(); s++) {
            out.putIfAbsent(ids(c, splits.get(s).train()), s);
        }
        return out;
    }

    /**
     * Each split's (training sample ids, test sample ids) → its index: how the replaying predictor of a permutation
     * test knows which fold's scores it is asked for, also when splits share a training set (train A → test B and
     * train A → test C). Equal splits share their scores, which are equal.
     */
    static Map<List<List<String>>, Integer> trainAndTestSets(Cohort c, List<Split> splits) {
        Map<List<List<String>>, Integer> out = new HashMap<>();
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            out.putIfAbsent(List.of(ids(c, split.train()), ids(c, split.test())), s);
        }
        return out;
    }

    private static List<String> ids(Cohort c, int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(c.sampleIds().get(i));
        }
        return out;
    }

    private static <K, T> T fitted(Map<Integer, T> fits, Map<K, Integer> splitOf, K samples, String what) {
        Integer s = splitOf.get(samples);
        if (s == null || !fits.containsKey(s)) {
            throw new IllegalStateException("no fold was fitted on these " + what);
        }
        return fits.get(s);
    }

    /** One fold's fit: which split, the test samples' scores, and the model file if asked for. */
    static final class Fold implements Serializable {
        private static final long serialVersionUID = 1L;
        final int split;
        final double[] scores;
        final byte[] model;

        Fold(int split, double[] scores, byte[] model) {
            this.split = split;
            this.scores = scores;
            this.model = model;
        }
    }

    /** (labelling k, split s) → (k, the fold's fit): the core's fold step, on an executor. */
    static final class FitFold implements org.apache.spark.api.java.function.PairFunction<Tuple2<Integer, Integer>,
            Integer, Fold> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<CohortSnapshot> data;
        private final Broadcast<long[][]> labellings;
        private final SerializableSplitter splitter;
        private final SerializableLearner learner;
        private final boolean keepModel;

        FitFold(Broadcast<CohortSnapshot> data, Broadcast<long[][]> labellings, SerializableSplitter splitter,
                SerializableLearner learner, boolean keepModel) {
            this.data = data;
            this.labellings = labellings;
            this.splitter = splitter;
            this.learner = learner;
            this.keepModel = keepModel;
        }

        @Override
        public Tuple2<Integer, Fold> call(Tuple2<Integer, Integer> item) {
            int k = item._1();
            int s = item._2();
            CohortSnapshot snapshot = data.value();
            int[] y = labels(labellings.value()[k]);
            Cohort c = cohort(snapshot, k, y);
            Split split = splitter.split(y, snapshot.groups()).get(s);
            ResponseModel model = learner.fit(c.selectSamples(split.train()));
            double[] scores = model.predict(c.selectSamples(split.test()));
            byte[] file = keepModel ? ModelText.of(model).bytes() : null;
            return new Tuple2<>(k, new Fold(s, scores, file));
        }
    }

    /** The cohort of labelling k, built once per executor JVM. */
    static Cohort cohort(CohortSnapshot snapshot, int k, int[] y) {
        return ExecutorCache.get(snapshot.key + " labelling " + k, () -> snapshot.cohort(y));
    }

    /** (labelling k, its folds' fits) → (k, the cross-validated AUROC), assembled by the core's CrossValidation. */
    static final class Assemble implements org.apache.spark.api.java.function.PairFunction<Tuple2<Integer,
            Iterable<Fold>>, Integer, Double> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<CohortSnapshot> data;
        private final Broadcast<long[][]> labellings;
        private final SerializableSplitter splitter;

        Assemble(Broadcast<CohortSnapshot> data, Broadcast<long[][]> labellings, SerializableSplitter splitter) {
            this.data = data;
            this.labellings = labellings;
            this.splitter = splitter;
        }

        @Override
        public Tuple2<Integer, Double> call(Tuple2<Integer, Iterable<Fold>> folds) {
            int k = folds._1();
            CohortSnapshot snapshot = data.value();
            int[] y = labels(labellings.value()[k]);
            Cohort c = cohort(snapshot, k, y);
            List<Split> splits = splitter.split(y, snapshot.groups());
            Map<Integer, double[]> scores = new HashMap<>();
            for (Fold f : folds._2()) {
                scores.put(f.split, f.scores);
            }
            Map<List<List<String>>, Integer> bySamples = trainAndTestSets(c, splits);
            Learner<Predictor> replay = train -> test -> fitted(scores, bySamples, List.of(train.sampleIds(),
                    test.sampleIds()), train.sampleCount() + " training samples to score these " + test.sampleCount()
                    + " test samples").clone();
            return new Tuple2<>(k, CrossValidation.of(Splitters.fixed(splits)).run(replay, c).auroc().value());
        }
    }
}
