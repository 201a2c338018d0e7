package org.gutsignal.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Fits one thing per {@link Split} on up to {@code n} threads with results in split order: the
 * fold runner shared by the trainer's inner λ selection and {@code eval.CrossValidation} (and, by
 * index, by the ranges of samples that {@code ResponseModel.score} scores on several threads).
 *
 * <pre>{@code
 * List<double[]> heldOut = ParallelFolds.map(splits, 2, split -> fitAndScore(split));
 * }</pre>
 *
 * <p>The calling thread works too, with {@code min(n, splits) - 1} short-lived daemon threads;
 * each split is taken once from a shared counter in split order and its result stored at its
 * own index, so the returned list is the same whatever {@code n} is, provided {@code fit} is
 * deterministic and thread-safe. If folds fail, no split above the lowest failure so far is
 * started, every split below it runs, and the failure of the lowest failing split is rethrown
 * unwrapped — the one a sequential run throws first. An interrupt of the calling thread while it
 * waits for the helpers is kept (the flag is set again) and the helpers finish their folds.
 */
public final class ParallelFolds {

    private ParallelFolds() {
    }

    /**
     * Applies {@code fit} to every split.
     *
     * @param splits  the splits, in the order of the result
     * @param threads most threads to use, the calling one included (≥ 1)
     * @param fit     what to do for one split; must be thread-safe when {@code threads > 1}
     * @param <T>     the result of one split
     * @return one result per split, in split order (unmodifiable; null results are allowed)
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws RuntimeException         whatever {@code fit} threw for the lowest failing split
     */
    public static <T> List<T> map(List<Split> splits, int threads, Function<Split, T> fit) {
        Objects.requireNonNull(fit, "fit");
        return map(splits.size(), threads, f -> fit.apply(splits.get(f)));
    }

    /**
     * As {@link #map(List, int, Function)} for tasks numbered {@code 0 .. tasks-1} (e.g. ranges of
     * samples): each index is taken once from the shared counter in increasing order, and the
     * failure of the lowest failing index is rethrown.
     *
     * @param tasks   how many tasks (≥ 0)
     * @param threads most threads to use, the calling one included (≥ 1)
     * @param task    what to do for one index; must be thread-safe when {@code threads > 1}
     * @param <T>     the result of one task
     * @return one result per index, in index order (unmodifiable; null results are allowed)
     * @throws IllegalArgumentException if {@code threads < 1} or {@code tasks < 0}
     * @throws RuntimeException         whatever {@code task} threw for the lowest failing index
     */
    public static <T> List<T> map(int tasks, int threads, IntFunction<T> task) {
        Objects.requireNonNull(task, "task");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must be at least 0 but is " + tasks);
        }
        int k = tasks;
        Object[] results = new Object[k];
        int workers = Math.min(threads, k);
        if (workers <= 1) {
            for (int f = 0; f < k; f++) {
                results[f] = task.apply(f);
            }
            return unmodifiable(results);
        }
        AtomicInteger next = new AtomicInteger();
        Throwable[] failures = new Throwable[k];
        // the lowest index that failed so far: indices above it need not run (taken in increasing
        // order, so every later one is above it too); those below it always run
        AtomicInteger lowestFailure = new AtomicInteger(Integer.MAX_VALUE);
        Runnable work = () -> {
            for (int f = next.getAndIncrement(); f < k; f = next.getAndIncrement()) {
                if (f > lowestFailure.get()) {
                    return;
                }
                try {
                    results[f] = task.apply(f);
                } catch (RuntimeException | Error e) {
                    failures[f] = e;
                    lowestFailure.accumulateAndGet(f, Math::min);
                }
            }
        };
        Thread[] helpers = new Thread[workers - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(work, "gutsignal-worker");
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        work.run();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (true) {
                try {
                    t.join(); // join: the helpers' writes to results and failures are visible after it
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable e : failures) {
            if (e instanceof Error err) {
                throw err;
            }
            if (e != null) {
                throw (RuntimeException) e;
            }
        }
        return unmodifiable(results);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> unmodifiable(Object[] results) {
        return (List<T>) java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(results)));
    }
}
