package org.gutsignal.eval;

import org.gutsignal.cohort.Split;

/**
 * Hears about finished folds of a long cross-validation. Called from the thread that ran the
 * fold, so an implementation used with parallel folds must be thread-safe; calls may arrive
 * out of fold order.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that does nothing. */
    ProgressListener NONE = (done, total, split) -> { };

    /**
     * One more fold is finished.
     *
     * @param done  folds finished so far, including this one
     * @param total folds in the run
     * @param split the fold that finished
     */
    void foldDone(int done, int total, Split split);
}
