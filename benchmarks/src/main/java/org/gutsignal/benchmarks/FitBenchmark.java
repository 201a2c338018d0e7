package org.gutsignal.benchmarks;

import java.util.concurrent.TimeUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.model.LogisticFit;
import org.gutsignal.model.LogisticPath;
import org.gutsignal.model.LogisticTrainer;
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
import org.openjdk.jmh.infra.Blackhole;
import smile.classification.LogisticRegression;

/**
 * Fitting on the 800 synthetic training patients (780 labelled), features already
 * preprocessed (log, standardise; ln(1 + x) alone at {@link Level#GENES}) so every contender sees
 * the same matrix, with the same 10 folds ({@link #stratifiedFolds}, also written for the peers by
 * {@link FitPeerData}). At {@link Level#GENES} (780 × 20,000) run only the gutsignal path and CV
 * methods: the ridge and Smile loops at one λ do not scale to 20,000 features.
 *
 * <ul>
 *   <li>{@link #gutsignalPathCv10}: {@code LogisticTrainer.train}: the lasso λ path (100 λ, warm
 *       starts) on all samples plus the same path on each of 10 stratified training folds, and the
 *       λ picked by the CV deviance (11 paths in all), on the calling thread.</li>
 *   <li>{@link #gutsignalPathCv10Threads2}: the same with {@code withThreads(2)}: the 10 fold paths
 *       on two threads (Smile's fit runs its objective on a parallel stream, i.e. on every core).</li>
 *   <li>{@link #gutsignalPath}: the path on all samples only, for reference.</li>
 *   <li>{@link #gutsignalRidgeFolds10}: gutsignal's ridge (α = 0) at the one λ of
 *       {@link ScoreBenchmark#LAMBDA}, once on each of the 10 training folds: the like-for-like
 *       peer of the Smile loop.</li>
 *   <li>{@link #smileL2Folds10}: Smile's L2 {@code LogisticRegression.binomial} at one λ, once on
 *       each of the same 10 training folds (what a user does for the simplest 10-fold check; no λ
 *       selection at all).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FitBenchmark {

    /** Folds of the inner cross-validation and of the Smile loop ({@link #stratifiedFolds}). */
    static final int FOLDS = 10;

    @Param({"MOLECULE", "KO", "GENES"})
    public Level level;

    private Cohort prepared;
    private LogisticTrainer trainer;
    private LogisticTrainer trainer2;
    private LogisticTrainer ridge;
    private Cohort[] foldCohorts;
    private double[][][] foldX;
    private int[][] foldY;

    /** Builds the preprocessed training cohort and the 10 training folds. */
    @Setup
    public void setUp() {
        prepared = preparedTrainingCohort(level);
        int[] y = prepared.labels();
        int[] fold = stratifiedFolds(y);
        trainer = trainer(fold);
        trainer2 = trainer.withThreads(2);
        if (level == Level.GENES) {
            return; // no per-fold copies for the ridge and Smile loops (10 × 112 MB), which do not run here
        }
        double[][] x = prepared.features().toRows();
        foldX = new double[FOLDS][][];
        foldY = new int[FOLDS][];
        foldCohorts = new Cohort[FOLDS];
        ridge = LogisticTrainer.withDefaults().withAlpha(0).withLambdas(new double[] {ScoreBenchmark.LAMBDA});
        for (int f = 0; f < FOLDS; f++) {
            int nt = 0;
            for (int id : fold) {
                nt += id == f ? 0 : 1;
            }
            foldX[f] = new double[nt][];
            foldY[f] = new int[nt];
            int[] rows = new int[nt];
            for (int i = 0, c = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    foldX[f][c] = x[i];
                    rows[c] = i;
                    foldY[f][c++] = y[i];
                }
            }
            foldCohorts[f] = prepared.selectSamples(rows);
        }
    }

    /** The 800 training patients with their features preprocessed (the matrix every contender fits). */
    static Cohort preparedTrainingCohort(Level level) {
        Cohort train = Workload.trainingCohort(level);
        return train.withFeatures(Workload.preprocessing(level).fit(train.features()).apply(train.features()));
    }

    /**
     * The trainer every gutsignal contender uses: the defaults (lasso, 100 λ, thresh 1e-7) with the
     * inner CV on the given fold ids, the ones {@link FitPeerData} writes for the peers.
     */
    static LogisticTrainer trainer(int[] foldIds) {
        return LogisticTrainer.withDefaults().withInnerSplitter(Splitters.fromFoldIds(foldIds));
    }

    /**
     * Fold ids 0..9 dealt round-robin within each class (deterministic; the order is the synthetic
     * one); the inner CV of every gutsignal contender, the Smile loop and the peers use them.
     */
    static int[] stratifiedFolds(int[] y) {
        int[] fold = new int[y.length];
        int next = 0;
        for (int cls = 0; cls <= 1; cls++) {
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    fold[i] = next;
                    next = (next + 1) % FOLDS;
                }
            }
        }
        return fold;
    }

    private void requireFolds() {
        if (foldCohorts == null) {
            throw new UnsupportedOperationException("the one-λ fold loops do not run at level " + level
                    + "; select the gutsignalPath* methods");
        }
    }

    /** gutsignal: λ path + 10-fold CV λ selection + the chosen model. */
    @Benchmark
    public LogisticFit gutsignalPathCv10() {
        return trainer.train(prepared);
    }

    /** gutsignal: as {@link #gutsignalPathCv10}, the fold paths on two threads. */
    @Benchmark
    public LogisticFit gutsignalPathCv10Threads2() {
        return trainer2.train(prepared);
    }

    /** gutsignal: the λ path on all samples only. */
    @Benchmark
    public LogisticPath gutsignalPath() {
        return trainer.path(prepared);
    }

    /** gutsignal doing what the Smile loop does: one ridge fit at one λ per training fold, 10 fits. */
    @Benchmark
    public void gutsignalRidgeFolds10(Blackhole bh) {
        requireFolds();
        for (int f = 0; f < FOLDS; f++) {
            bh.consume(ridge.path(foldCohorts[f]));
        }
    }

    /** Smile: one L2 fit per training fold, 10 fits. */
    @Benchmark
    public void smileL2Folds10(Blackhole bh) {
        requireFolds();
        for (int f = 0; f < FOLDS; f++) {
            bh.consume(LogisticRegression.binomial(foldX[f], foldY[f], ScoreBenchmark.SMILE_LAMBDA, 1e-5, 500));
        }
    }
}
