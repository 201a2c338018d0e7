package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.synth.SyntheticCohort;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseModel#score(FeatureTable, double[], int)}: the same probabilities, bit for bit,
 * on any number of threads, through each of the scoring plan's three paths (a single log step, a
 * select-only model, a general preprocessing), and the single-threaded error when samples fail.
 */
class ScoringThreadsTest {

    private static final Provenance PROVENANCE = new Provenance("test", 0, "sha256:x", 1);

    /** 4,100 patients (up to four ranges of 1,025 samples), 300 KOs. */
    private static final FeatureTable KO = SyntheticCohort.withDefaults().withKoCount(300).withPatients(4100)
            .withValidationSize(0).generate().ko();

    private static ResponseModel model(Preprocessing preprocessing, FeatureTable raw, long seed) {
        FittedPreprocessing fitted = preprocessing.fit(raw);
        List<String> names = fitted.outputFeatures();
        SplittableRandom r = new SplittableRandom(seed);
        double[] beta = new double[names.size()];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = r.nextInt(5) == 0 ? 0.0 : r.nextDouble(-0.3, 0.3);
        }
        return ResponseModel.of(names, beta, -0.4, 0.01, 1, PROVENANCE, fitted);
    }

    private static long[] bits(double[] p) {
        long[] b = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            b[i] = Double.doubleToRawLongBits(p[i]);
        }
        return b;
    }

    @Test
    void everyPathGivesTheSameBitsOnAnyNumberOfThreads() {
        List<Preprocessing> preprocessings = List.of(
                Preprocessing.of(Transform.log10(1.0), Transform.standardize()), // one log step left
                Preprocessing.of(Transform.standardize()), // select-only
                Preprocessing.of(Transform.clr(1.0), Transform.standardize())); // general
        long seed = 11;
        for (Preprocessing pre : preprocessings) {
            ResponseModel m = model(pre, KO, seed++);
            long[] one = bits(m.score(KO));
            for (int threads : new int[] {1, 2, 3, 4, 8}) {
                double[] out = new double[KO.sampleCount() + 3];
                m.score(KO, out, threads);
                double[] head = Arrays.copyOf(out, KO.sampleCount());
                assertArrayEquals(one, bits(head), pre + " on " + threads + " threads");
                assertEquals(0.0, out[KO.sampleCount()], "nothing written past the samples");
            }
        }
    }

    @Test
    void aFailingSampleGivesTheSingleThreadError() {
        // ln(x + 1) of -5 is not a number: sample 1,500 (second range) in feature c, sample 3,500 (fourth
        // range) in feature b; the preprocessing's message names the feature, so the first failure is told apart
        int n = KO.sampleCount();
        int p = 4;
        List<String> ids = new ArrayList<>(KO.sampleIds());
        double[] values = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                values[i * p + j] = (i * 7 + j * 3) % 11;
            }
        }
        List<String> features = List.of("a", "b", "c", "d");
        FeatureTable train = FeatureTable.ofRowMajor(ids, features, values.clone(), AbundanceUnit.TRANSFORMED);
        values[1500 * p + 2] = -5;
        values[3500 * p + 1] = -5;
        FeatureTable bad = FeatureTable.ofRowMajor(ids, features, values, AbundanceUnit.TRANSFORMED);
        ResponseModel m = model(Preprocessing.of(Transform.ln(1.0), Transform.standardize()), train, 3);
        String single = assertThrows(IllegalArgumentException.class, () -> m.score(bad, new double[n], 1))
                .getMessage();
        assertTrue(single.contains("'c'"), single);
        for (int threads : new int[] {2, 4}) {
            String message = assertThrows(IllegalArgumentException.class, () -> m.score(bad, new double[n], threads))
                    .getMessage();
            assertEquals(single, message, threads + " threads");
        }
    }

    @Test
    void fewerThanOneThreadIsRefused() {
        ResponseModel m = model(Preprocessing.of(Transform.standardize()), KO, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.score(KO, new double[KO.sampleCount()], 0));
        assertEquals("threads must be at least 1 but is 0", e.getMessage());
    }

    /** Each path of the plan writes exactly the range asked for, the same numbers as the whole table. */
    @Test
    void theScoringPlanWritesOnlyItsRangeOnEveryPath() {
        FeatureTable small = KO.selectSamples(KO.sampleIds().subList(0, 5));
        long seed = 21;
        for (Preprocessing pre : List.of(Preprocessing.of(Transform.log10(1.0), Transform.standardize()),
                Preprocessing.of(Transform.standardize()), Preprocessing.of(Transform.clr(1.0), Transform.standardize()))) {
            ResponseModel m = model(pre, KO, seed++);
            ScoringPlan plan = new ScoringPlan(m.preprocessing(), m.coefficients(), m.intercept());
            double[] whole = new double[5];
            plan.linearPredictors(small, 0, 5, whole);
            double[] part = {-7, -7, -7, -7, -7};
            plan.linearPredictors(small, 1, 3, part);
            assertArrayEquals(new double[] {-7, whole[1], whole[2], -7, -7}, part, pre.toString());
            assertThrows(IndexOutOfBoundsException.class, () -> plan.linearPredictors(small, 3, 6, new double[6]));
            assertThrows(IndexOutOfBoundsException.class, () -> plan.linearPredictors(small, 0, 5, new double[4]));
        }
    }

    /** On one thread, scoring allocates nothing once warm (the threads and their scratch only on more). */
    @Test
    void oneThreadAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        ResponseModel m = model(Preprocessing.of(Transform.log10(1.0), Transform.standardize()), KO, 5);
        double[] out = new double[KO.sampleCount()];
        for (int k = 0; k < 20; k++) {
            m.score(KO, out, 1);
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int k = 0; k < 20; k++) {
            m.score(KO, out, 1);
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 10_000, allocated + " bytes allocated by 20 one-thread scorings");
    }

    /**
     * The real Lee 2022 MetaPhlAn table (164 patients × 601 species, 83 % zeros, read by the core's MetaPhlAn
     * reader), its rows repeated to 4,100 samples: the log path, where raw zeros take no logarithm, gives the same
     * bits on one and on four threads.
     */
    @Test
    void theRealLee2022TableGivesTheSameBitsOnFourThreads() throws Exception {
        FeatureTable lee = org.gutsignal.io.FeatureTableReader.metaphlan().read(java.nio.file.Path.of(
                System.getProperty("gutsignal.testdata", "../testdata"), "lee2022", "species_relab.tsv"));
        int p = lee.featureCount();
        int n = 4100;
        double[] values = new double[n * p];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lee.copyRow(i % lee.sampleCount(), values, i * p);
            ids.add(lee.sampleIds().get(i % lee.sampleCount()) + "#" + i);
        }
        FeatureTable big = FeatureTable.ofRowMajor(ids, lee.featureNames(), values, lee.unit());
        ResponseModel m = model(Preprocessing.of(Transform.log10HalfMinPositive(), Transform.standardize()), lee, 8);
        double[] four = new double[n];
        m.score(big, four, 4);
        assertArrayEquals(bits(m.score(big)), bits(four));
        assertArrayEquals(bits(m.score(lee)), bits(Arrays.copyOf(four, lee.sampleCount())), "the repeated rows");
    }
}
