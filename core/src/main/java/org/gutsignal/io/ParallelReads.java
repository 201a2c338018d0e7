package org.gutsignal.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Reads files on several threads with results in list order: what
 * {@link FeatureTableReader#readAll} does with {@link FeatureTableReader#withThreads}.
 *
 * <p>{@code n} short-lived daemon threads take the files from a shared counter in list order, so
 * at most {@code n} files are being read at any time (each with its own buffer), and store each
 * result at the file's index; the calling thread waits, telling the listener after each file.
 * If files fail, no further file is started and the failure of the first failing file in list
 * order is rethrown unwrapped: the one a read on one thread throws, since every earlier file was
 * started before it. An interrupt of the calling thread while it waits stops it: no further file
 * is started, the files being read are finished, the flag is set again and an
 * {@link InterruptedIOException} says how many files were read. If the listener throws, no
 * further file is started either, and its exception is rethrown once the reads end.
 */
final class ParallelReads {

    /** Reads one file. */
    interface Read<T> {
        T read(Path file) throws IOException;
    }

    private ParallelReads() {
    }

    /**
     * Applies {@code read} to every file.
     *
     * @param files    the files, in the order of the result
     * @param threads  threads to read on (≥ 2; fewer if there are fewer files)
     * @param read     what to do with one file; must be thread-safe
     * @param progress told {@code (files read, files)} on the calling thread after each file
     * @return one result per file, in list order
     * @throws IOException    what {@code read} threw for the first failing file
     */
    static <T> List<T> map(List<Path> files, int threads, Read<T> read, BiConsumer<Integer, Integer> progress)
            throws IOException {
        int k = files.size();
        Object[] results = new Object[k];
        Throwable[] failures = new Throwable[k];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailed = new AtomicInteger(k);
        LinkedBlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        int workers = Math.min(threads, k);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable work = () -> {
            try {
                for (int f = next.getAndIncrement(); f < k && f < firstFailed.get() && !stop.get();
                        f = next.getAndIncrement()) {
                    try {
                        results[f] = read.read(files.get(f));
                    } catch (IOException | RuntimeException | Error e) {
                        failures[f] = e;
                        firstFailed.accumulateAndGet(f, Math::min);
                    }
                    done.add(f);
                }
            } finally {
                done.add(-1); // this worker is finished
            }
        };
        Thread[] helpers = new Thread[workers];
        for (int t = 0; t < workers; t++) {
            helpers[t] = new Thread(work, "gutsignal-read");
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        boolean interrupted = false;
        RuntimeException listenerFailure = null;
        int count = 0;
        for (int finished = 0; finished < workers;) {
            Integer f;
            try {
                f = done.take();
            } catch (InterruptedException e) {
                interrupted = true;
                stop.set(true);
                continue;
            }
            if (f < 0) {
                finished++;
            } else if (failures[f] == null && f < firstFailed.get() && listenerFailure == null) {
                try {
                    progress.accept(++count, k);
                } catch (RuntimeException e) {
                    listenerFailure = e;
                    stop.set(true);
                }
            }
        }
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
        if (listenerFailure != null) {
            throw listenerFailure;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            int finishedReads = 0;
            for (Object r : results) {
                finishedReads += r != null ? 1 : 0;
            }
            throw new InterruptedIOException("interrupted after reading " + finishedReads + " of " + k + " files");
        }
        for (Throwable e : failures) {
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e != null) {
                throw (Error) e;
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) new ArrayList<>(Arrays.asList(results));
        return list;
    }
}
