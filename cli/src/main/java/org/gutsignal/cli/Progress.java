package org.gutsignal.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gutsignal.cohort.Split;

/**
 * Progress of a long run on standard error: a progress bar (me.tongfei:progressbar) when standard
 * error is a terminal, else a plain line per finished fold or file ({@code fold k/n done}), nothing under
 * {@code --quiet}. Called from the threads that ran the folds; thread-safe.
 */
final class Progress implements AutoCloseable {

    private final PrintStream notes;
    private final String task;
    private final int minimum;
    private ProgressBar bar;

    private Progress(PrintStream notes, String task, int minimum) {
        this.notes = notes;
        this.task = task;
        this.minimum = minimum;
    }

    /** Progress written to {@code notes}, or none if it is null. */
    static Progress of(PrintStream notes, String task) {
        return new Progress(notes, task, 1);
    }

    /** As {@link #of(PrintStream, String)}, silent for runs of fewer than {@code minimum} items. */
    static Progress of(PrintStream notes, String task, int minimum) {
        return new Progress(notes, task, minimum);
    }

    /** One more fold of {@code total} is finished (an {@code eval.ProgressListener}). */
    void foldDone(int done, int total, Split split) {
        step(done, total, "fold");
    }

    /** {@code done} of {@code total} items ({@code what}: "fold", "file", …) are finished. */
    synchronized void step(int done, int total, String what) {
        if (notes == null || total < minimum) {
            return;
        }
        if (System.console() != null && notes == System.err) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(
                                new me.tongfei.progressbar.ConsoleProgressBarConsumer(notes)).build();
            }
            bar.stepTo(done);
        } else if (done == total || done % Math.max(1, total / 20) == 0) {
            notes.printf("%s %d/%d done%n", what, done, total); // at most about 20 lines
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
