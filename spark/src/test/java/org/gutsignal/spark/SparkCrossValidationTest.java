package org.gutsignal.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.cohort.Split;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.PermutationTest;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repeated cross-validation and the permutation test with every fold fitted as a Spark task, against the core's
 * {@link CrossValidation} on one machine: identical results (models, out-of-fold scores, AUROCs, p-values, bit for
 * bit) whatever the number of partitions.
 */
class SparkCrossValidationTest {

    private static final SerializableLearner LEARNER = train -> LogisticTrainer.withDefaults().withAlpha(0.5)
            .withSeed(7).withFolds(5).withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize()))
            .fit(train);
    private static final SerializableSplitter REPEATED = (y, g) -> Splitters.repeatedStratifiedKFold(4, 2, 42L)
            .split(y, g);
    private static final SerializableSplitter BY_SITE = (y, g) -> Splitters.leaveOneGroupOut().split(y, g);

    private static SparkSession spark;
    private static Cohort cohort;
    private static PermutationTest corePermutations;

    @BeforeAll
    static void cohort() throws IOException {
        spark = TestSpark.session();
        SampleMetadata meta = MetadataReader.gutsignal().read(TestSpark.testdata("synthetic/metadata.tsv"));
        FeatureTable capacities = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CPM)
                .read(TestSpark.testdata("synthetic/capacities.tsv"));
        List<String> some = new ArrayList<>();
        for (int i = 0; i < capacities.sampleCount(); i += 4) { // 237 samples over the 6 sites: quick fits
            some.add(capacities.sampleIds().get(i));
        }
        cohort = Cohort.join(capacities.selectSamples(some), meta, JoinPolicy.LENIENT, "capacities.tsv",
                "metadata.tsv");
        corePermutations = CrossValidation.of(REPEATED).permutationTest(LEARNER, cohort, 19, 11L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void permutationTestEqualsTheCoresBitForBit(int partitions) {
        PermutationTest spark = SparkCrossValidation.of(SparkCrossValidationTest.spark, REPEATED)
                .withPartitions(partitions).permutationTest(LEARNER, cohort, 19, 11L);
        assertEquals(Double.doubleToLongBits(corePermutations.observed()), Double.doubleToLongBits(spark.observed()));
        assertArrayEquals(bits(corePermutations.permuted()), bits(spark.permuted()));
        assertEquals(corePermutations.atLeastObserved(), spark.atLeastObserved());
        assertEquals(Double.doubleToLongBits(corePermutations.pValue()), Double.doubleToLongBits(spark.pValue()));
    }

    @Test
    void leaveOneSiteOutPermutationTestEqualsTheCores() {
        PermutationTest core = CrossValidation.of(BY_SITE).permutationTest(LEARNER, cohort, 3, 5L);
        PermutationTest spark = SparkCrossValidation.of(SparkCrossValidationTest.spark, BY_SITE).withPartitions(5)
                .permutationTest(LEARNER, cohort, 3, 5L);
        assertEquals(Double.doubleToLongBits(core.observed()), Double.doubleToLongBits(spark.observed()));
        assertArrayEquals(bits(core.permuted()), bits(spark.permuted()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void repeatedCrossValidationEqualsTheCoresBitForBit(int partitions) {
        CvResult<ResponseModel> core = CrossValidation.of(REPEATED).run(LEARNER, cohort);
        CvResult<ResponseModel> spark = SparkCrossValidation.of(SparkCrossValidationTest.spark, REPEATED)
                .withPartitions(partitions).run(LEARNER, cohort);
        assertEquals(core.splits(), spark.splits());
        assertEquals(core.predictors(), spark.predictors());
        assertEquals(core.sampleIds(), spark.sampleIds());
        for (int r = 0; r < core.repeatCount(); r++) {
            assertArrayEquals(bits(core.outOfFold(r)), bits(spark.outOfFold(r)), "repeat " + r);
        }
        assertEquals(Double.doubleToLongBits(core.auroc().value()), Double.doubleToLongBits(spark.auroc().value()));
        assertArrayEquals(bits(core.aurocPerRepeat()), bits(spark.aurocPerRepeat()));
        assertEquals(core.folds(), spark.folds());
    }

    @Test
    void splitsSharingATrainingSetEqualTheCores() {
        SerializableSplitter fixed = (y, g) -> Splitters.fixed(sharedTrainingSet()).split(y, g);
        SerializableLearner oneLambda = train -> LogisticTrainer.withDefaults().withAlpha(0.5)
                .withLambdas(new double[] {0.05}).withSeed(7).fit(train);
        Cohort thirty = cohort.labelled().selectSamples(range(0, 30));
        PermutationTest core = CrossValidation.of(fixed).permutationTest(oneLambda, thirty, 5, 3L);
        PermutationTest spark = SparkCrossValidation.of(SparkCrossValidationTest.spark, fixed).withPartitions(3)
                .permutationTest(oneLambda, thirty, 5, 3L);
        assertEquals(Double.doubleToLongBits(core.observed()), Double.doubleToLongBits(spark.observed()));
        assertArrayEquals(bits(core.permuted()), bits(spark.permuted()));
        assertEquals(Double.doubleToLongBits(core.pValue()), Double.doubleToLongBits(spark.pValue()));

        CvResult<ResponseModel> coreRun = CrossValidation.of(fixed).run(oneLambda, thirty);
        CvResult<ResponseModel> sparkRun = SparkCrossValidation.of(SparkCrossValidationTest.spark, fixed)
                .withPartitions(3).run(oneLambda, thirty);
        assertEquals(coreRun.predictors(), sparkRun.predictors());
        assertArrayEquals(bits(coreRun.outOfFold(0)), bits(sparkRun.outOfFold(0)));
        assertEquals(Double.doubleToLongBits(coreRun.auroc().value()), Double.doubleToLongBits(sparkRun.auroc()
                .value()));
    }

    @Test
    void theLearnersErrorReachesTheCaller() {
        SerializableLearner failing = train -> {
            throw new IllegalArgumentException("no fit for " + train.sampleCount() + " samples");
        };
        Exception e = assertThrows(Exception.class, () -> SparkCrossValidation.of(spark, REPEATED).withPartitions(2)
                .run(failing, cohort));
        assertTrue(Errors.message(e).matches("no fit for [0-9]+ samples"), Errors.message(e));
    }

    /** Train A → test B, train A → test C, train B ∪ C → test A: two folds fitted on the same samples. */
    private static List<Split> sharedTrainingSet() {
        int[] a = range(0, 10);
        int[] b = range(10, 20);
        int[] c = range(20, 30);
        return List.of(Split.of(a, b, 0, 0), Split.of(a, c, 0, 1), Split.of(concat(b, c), a, 0, 2));
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    private static int[] concat(int[] x, int[] y) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(x), java.util.Arrays.stream(y)).toArray();
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToLongBits(v[i]);
        }
        return b;
    }
}
