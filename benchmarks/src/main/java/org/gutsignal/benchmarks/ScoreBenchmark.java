package org.gutsignal.benchmarks;

import java.util.concurrent.TimeUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.transform.FittedPreprocessing;
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
import org.openjdk.jmh.annotations.Warmup;
import smile.classification.LogisticRegression;

/**
 * Scoring a whole cohort: probabilities for {@code patients} synthetic patients from a model trained on
 * the 800 synthetic training patients (at {@link Level#LEE2022}: the real Lee 2022 patients repeated,
 * from a model trained on them).
 *
 * <ul>
 *   <li>{@code raw*}: from raw abundances (capacities, KO CPM or species percent), preprocessing
 *       included. {@link #rawGutsignal} is {@code ResponseModel.score(raw, out)} with a model trained
 *       {@code withPreprocessing(log, standardise)} ({@link #rawGutsignalThreads2}: the same on two
 *       threads); {@link #rawBareLoop} the plain loop: one
 *       {@code ln} per value, the preprocessing folded into the coefficients, dot product and sigmoid
 *       over a flat row-major array.</li>
 *   <li>{@code prepared*}: from the already preprocessed matrix. {@link #preparedGutsignal} is
 *       {@code ResponseModel.score(table, out)} with a model without preprocessing
 *       ({@link #preparedGutsignalThreads2}: on two threads);
 *       {@link #preparedSmile} Smile's per-sample {@code predict(x, posteriori)} loop;
 *       {@link #preparedBareLoop} dot product + sigmoid over a flat row-major array;
 *       {@link #preparedStream} the bandwidth bound: the same bytes read once, summed.</li>
 * </ul>
 * Every method writes into a caller-supplied output array and returns it, so {@code -prof gc}
 * shows what scoring itself allocates. The model is ridge (α = 0) so every coefficient is
 * non-zero and all contenders do the same arithmetic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoreBenchmark {

    /** λ of the ridge model (glmnet scale). */
    static final double LAMBDA = 0.01;
    /** Smile's λ for about the same penalty: Smile penalises the summed log-likelihood, glmnet the mean. */
    static final double SMILE_LAMBDA = LAMBDA * Workload.TRAINING_PATIENTS;

    @Param({"MOLECULE", "KO", "LEE2022"})
    public Level level;

    @Param({"800", "8000", "80000"})
    public int patients;

    private ResponseModel rawModel;
    private ResponseModel preparedModel;
    private FittedPreprocessing fitted;
    private FeatureTable raw;
    private FeatureTable prepared;
    private double[] rawFlat;
    private double[] preparedFlat;
    private double[] beta;
    private double intercept;
    private double[] folded;
    private double[][] preparedRows;
    private LogisticRegression smile;
    private double[] posteriori;
    private int features;
    private double[] out;

    /** Builds the training and scoring data, fits the models. */
    @Setup
    public void setUp() {
        Cohort train = Workload.trainingCohort(level);
        fitted = Workload.preprocessing(level).fit(train.features());
        Cohort trainPrepared = train.withFeatures(fitted.apply(train.features()));
        LogisticTrainer ridge = LogisticTrainer.withDefaults().withAlpha(0).withLambdas(new double[] {LAMBDA});
        rawModel = ridge.withPreprocessing(Workload.preprocessing(level)).fit(train);
        preparedModel = ridge.fit(trainPrepared);
        smile = LogisticRegression.binomial(trainPrepared.features().toRows(), trainPrepared.labels(), SMILE_LAMBDA,
                1e-5, 500);

        raw = Workload.scoringTable(level, patients);
        prepared = fitted.apply(raw);
        rawFlat = raw.selectFeatures(fitted.inputFeatures()).toRowMajorArray();
        preparedFlat = prepared.toRowMajorArray();
        preparedRows = prepared.toRows();
        beta = preparedModel.coefficients();
        intercept = preparedModel.intercept();
        features = beta.length;
        folded = Workload.foldIntoLn(fitted, beta, intercept);
        posteriori = new double[2];
        out = new double[raw.sampleCount()];
        if (!preparedModel.featureNames().equals(prepared.featureNames())) {
            throw new IllegalStateException("model and table features differ");
        }
        double[] expected = preparedGutsignal().clone();
        check("rawGutsignal", expected, rawGutsignal());
        check("rawGutsignalThreads2", expected, rawGutsignalThreads2());
        check("preparedGutsignalThreads2", expected, preparedGutsignalThreads2());
        check("rawBareLoop", expected, rawBareLoop());
        check("preparedBareLoop", expected, preparedBareLoop());
    }

    /** Fails the setup if a contender's probabilities differ from gutsignal's by more than 1e-9. */
    private static void check(String what, double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= 1e-9)) {
                throw new IllegalStateException(what + " gives " + actual[i] + " for sample " + i + " but gutsignal "
                        + expected[i]);
            }
        }
    }

    /** gutsignal from raw abundances, preprocessing included. */
    @Benchmark
    public double[] rawGutsignal() {
        rawModel.score(raw, out);
        return out;
    }

    /**
     * {@link #rawGutsignal} on two threads ({@code ResponseModel.score(raw, out, 2)}; the same numbers;
     * one thread below 2,048 patients).
     */
    @Benchmark
    public double[] rawGutsignalThreads2() {
        rawModel.score(raw, out, 2);
        return out;
    }

    /** The plain loop from raw abundances: one ln per value, folded coefficients, dot product, sigmoid. */
    @Benchmark
    public double[] rawBareLoop() {
        double[] x = rawFlat;
        double[] f = folded;
        double c = f[1];
        int p = features;
        int n = out.length;
        for (int i = 0, off = 0; i < n; i++, off += p) {
            double eta = f[0];
            for (int j = 0; j < p; j++) {
                eta += f[j + 2] * Math.log(x[off + j] + c);
            }
            out[i] = 1.0 / (1.0 + Math.exp(-eta));
        }
        return out;
    }

    /** gutsignal on the preprocessed table. */
    @Benchmark
    public double[] preparedGutsignal() {
        preparedModel.score(prepared, out);
        return out;
    }

    /**
     * {@link #preparedGutsignal} on two threads ({@code ResponseModel.score(table, out, 2)}; the same
     * numbers; one thread below 2,048 patients).
     */
    @Benchmark
    public double[] preparedGutsignalThreads2() {
        preparedModel.score(prepared, out, 2);
        return out;
    }

    /** Smile's per-sample {@code predict(x, posteriori)} loop on the preprocessed rows. */
    @Benchmark
    public double[] preparedSmile() {
        double[][] rows = preparedRows;
        for (int i = 0; i < rows.length; i++) {
            smile.predict(rows[i], posteriori);
            out[i] = posteriori[1];
        }
        return out;
    }

    /**
     * Bandwidth bound: the preprocessed matrix streamed once from its flat row-major array, summed
     * with eight independent sums (so the adds never wait on each other and the loop runs at the
     * speed memory delivers the bytes); the total goes to {@code out[0]}.
     */
    @Benchmark
    public double[] preparedStream() {
        double[] x = preparedFlat;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int m = x.length & ~7;
        int k = 0;
        for (; k < m; k += 8) {
            s0 += x[k];
            s1 += x[k + 1];
            s2 += x[k + 2];
            s3 += x[k + 3];
            s4 += x[k + 4];
            s5 += x[k + 5];
            s6 += x[k + 6];
            s7 += x[k + 7];
        }
        for (; k < x.length; k++) {
            s0 += x[k];
        }
        out[0] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        return out;
    }

    /** The plain loop on the preprocessed matrix: one sum per sample and a sigmoid, over a flat row-major array. */
    @Benchmark
    public double[] preparedBareLoop() {
        double[] x = preparedFlat;
        double[] b = beta;
        int p = features;
        int n = out.length;
        for (int i = 0, off = 0; i < n; i++, off += p) {
            double eta = intercept;
            for (int j = 0; j < p; j++) {
                eta += b[j] * x[off + j];
            }
            out[i] = 1.0 / (1.0 + Math.exp(-eta));
        }
        return out;
    }
}
