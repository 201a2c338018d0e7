package org.gutsignal.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.ParallelFolds;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.model.Predictor;
import org.gutsignal.cohort.Split;
import org.gutsignal.cohort.Splitter;
import org.gutsignal.cohort.Splitters;

/**
 * Leak-free cross-validation: for every {@link Split}, the whole pipeline (preprocessing, model,
 * inner λ selection — whatever the {@link Learner} does) is fitted on the training samples only
 * and scores the held-out samples.
 *
 * <pre>{@code
 * CvResult<ResponseModel> cv = CrossValidation.of(Splitters.repeatedStratifiedKFold(10, 5, 42))
 *         .withThreads(2)
 *         .run(trainer::fit, cohort);
 * Auroc auc = cv.auroc();                          // mean out-of-fold score per sample
 * ConfidenceInterval ci = auc.ci95();
 *
 * CvResult<ResponseModel> logo = CrossValidation.of(Splitters.leaveOneGroupOut()).run(trainer::fit, cohort);
 * logo.aurocByGroup();                              // cross-cohort AUROC per held-out site
 * }</pre>
 *
 * <p>Samples of unknown response are dropped before splitting. Folds may run in parallel
 * ({@link #withThreads}) on {@link ParallelFolds}, the fold runner the trainer's inner λ
 * selection uses too; each fold's result is stored at its own index, so results are
 * bit-identical to a sequential run whatever the thread count, provided the learner is
 * deterministic. Immutable and thread-safe.
 */
public final class CrossValidation {

    private final Splitter splitter;
    private final int threads;
    private final ProgressListener listener;

    private CrossValidation(Splitter splitter, int threads, ProgressListener listener) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
        this.threads = threads;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Cross-validation over the splits a splitter makes; one thread, no progress listener. */
    public static CrossValidation of(Splitter splitter) {
        return new CrossValidation(splitter, 1, ProgressListener.NONE);
    }

    /** The same, fitting up to {@code n} folds at once (the learner must be thread-safe). */
    public CrossValidation withThreads(int n) {
        return new CrossValidation(splitter, n, listener);
    }

    /** The same, reporting each finished fold to a listener. */
    public CrossValidation withListener(ProgressListener l) {
        return new CrossValidation(splitter, threads, l);
    }

    /**
     * Runs the cross-validation.
     *
     * @throws IllegalArgumentException if the splitter rejects the cohort (e.g. more folds than
     *                                  samples of a class) or a predictor returns the wrong number
     *                                  of scores or a NaN score
     * @throws RuntimeException         whatever the learner throws, unwrapped, for the first failing fold
     */
    public <P extends Predictor> CvResult<P> run(Learner<P> learner, Cohort cohort) {
        Cohort c = cohort.labelled();
        int[] labels = c.labels();
        String[] groups = c.metadata().groups().toArray(new String[0]);
        List<Split> splits = splitter.split(labels, groups);
        int repeats = 0;
        for (Split s : splits) {
            repeats = Math.max(repeats, s.repeat() + 1);
        }
        double[][] scores = new double[repeats][labels.length];
        for (double[] r : scores) {
            Arrays.fill(r, Double.NaN);
        }
        AtomicInteger done = new AtomicInteger();
        List<P> predictors = ParallelFolds.map(splits, threads, s -> fold(learner, c, s, scores, done, splits.size()));
        return new CvResult<>(c, splits, predictors, scores);
    }

    private <P extends Predictor> P fold(Learner<P> learner, Cohort c, Split s, double[][] scores,
            AtomicInteger done, int total) {
        P p = learner.fit(c.selectSamples(s.train()));
        int[] test = s.test();
        double[] predicted = p.predict(c.selectSamples(test));
        if (predicted.length != test.length) {
            throw new IllegalArgumentException("fold " + s + ": the predictor returned " + predicted.length
                    + " scores for " + test.length + " test samples");
        }
        for (int k = 0; k < test.length; k++) {
            if (Double.isNaN(predicted[k])) {
                throw new IllegalArgumentException("fold " + s + ": the predictor returned NaN for sample '"
                        + c.sampleIds().get(test[k]) + "'");
            }
            scores[s.repeat()][test[k]] = predicted[k]; // each (repeat, sample) is written by one fold only
        }
        listener.foldDone(done.incrementAndGet(), total, s);
        return p;
    }


    /**
     * Permutation test of the cross-validated AUROC: the whole cross-validation is rerun with
     * the labels shuffled over all samples (seeded), {@code permutations} times.
     *
     * @return the test; {@code observed()} is the AUROC of the mean out-of-fold scores with the
     *         true labels, {@code pValue()} = (1 + #{permuted ≥ observed}) / (1 + permutations)
     */
    public PermutationTest permutationTest(Learner<?> learner, Cohort cohort, int permutations, long seed) {
        Cohort c = cohort.labelled();
        return PermutationTest.run(y -> run(learner, relabel(c, y)).auroc().value(), c.labels(), permutations, seed);
    }

    /** The cohort with other 0/1 labels, same samples, groups and covariates. */
    static Cohort relabel(Cohort c, int[] y) {
        SampleMetadata m = c.metadata();
        SampleMetadata.Builder b = SampleMetadata.builder();
        List<String> names = m.covariateNames();
        for (int i = 0; i < y.length; i++) {
            java.util.Map<String, String> cov = new java.util.LinkedHashMap<>();
            for (String name : names) {
                cov.put(name, m.covariate(name).get(i));
            }
            b.add(m.sampleIds().get(i), y[i] == 1 ? Response.RESPONDER : Response.NON_RESPONDER, m.group(i), cov);
        }
        return Cohort.of(c.features(), b.build());
    }

    @Override
    public String toString() {
        return "CrossValidation[" + splitter + ", threads=" + threads + "]";
    }
}
