package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The fold runner: results in split order, the sequential run's first failure, any thread count. */
class ParallelFoldsTest {

    private static final List<Split> SPLITS = Splitters.stratifiedKFold(5, 7)
            .split(new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, null);

    @Test
    void resultsComeInSplitOrderWhateverTheThreadCount() {
        List<Integer> sequential = ParallelFolds.map(SPLITS, 1, s -> s.fold() * 100 + s.test().length);
        // 8 non-responders dealt to folds 0,1,2,3,4,0,1,2, then 8 responders from fold 3 on: 3,4,0,1,2,3,4,0
        assertEquals(List.of(4, 103, 203, 303, 403), sequential, "16 samples in 5 folds: sizes 4, 3, 3, 3, 3");
        for (int threads : new int[] {2, 3, 5, 64}) {
            assertEquals(sequential, ParallelFolds.map(SPLITS, threads, s -> s.fold() * 100 + s.test().length));
        }
    }

    @Test
    void everySplitRunsOnceAndTheCallerWorksToo() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        ParallelFolds.map(SPLITS, 3, s -> {
            threads.add(Thread.currentThread());
            seen.add(s.fold());
            return null;
        });
        Collections.sort(seen);
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
        assertTrue(threads.size() <= 3, threads.toString());
    }

    @Test
    void theLowestFailingSplitsFailureIsRethrown() {
        for (int threads : new int[] {1, 2, 4}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelFolds.map(SPLITS,
                    threads, s -> {
                        if (s.fold() >= 2) {
                            throw new IllegalStateException("fold " + s.fold());
                        }
                        return s.fold();
                    }));
            assertEquals("fold 2", e.getMessage(), threads + " threads");
        }
        assertThrows(AssertionError.class, () -> ParallelFolds.map(SPLITS, 2, s -> {
            throw new AssertionError("an Error passes through unwrapped");
        }));
        assertEquals("threads must be at least 1 but is 0", assertThrows(IllegalArgumentException.class,
                () -> ParallelFolds.map(SPLITS, 0, s -> s)).getMessage());
    }

    @Test
    void indexedTasksComeInIndexOrderAndTheLowestFailureIsRethrown() throws Exception {
        for (int threads : new int[] {1, 3, 16}) {
            assertEquals(List.of(0, 1, 4, 9, 16, 25, 36), ParallelFolds.map(7, threads, f -> f * f), threads + " threads");
            assertEquals(List.of(), ParallelFolds.map(0, threads, f -> f));
            // on several threads, task 3 fails only after task 7 has failed: the lower one is still rethrown
            java.util.concurrent.CountDownLatch sevenFailed = new java.util.concurrent.CountDownLatch(1);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelFolds.map(9, threads,
                    f -> {
                        if (f == 7) {
                            sevenFailed.countDown();
                            throw new IllegalStateException("task 7");
                        }
                        if (f == 3) {
                            if (threads > 1) {
                                awaitQuietly(sevenFailed);
                            }
                            throw new IllegalStateException("task 3");
                        }
                        return f;
                    }));
            assertEquals("task 3", e.getMessage(), threads + " threads");
            assertEquals(threads > 1 ? 0 : 1, sevenFailed.getCount(), threads + " threads: whether task 7 ran");
        }
        assertEquals("tasks must be at least 0 but is -1", assertThrows(IllegalArgumentException.class,
                () -> ParallelFolds.map(-1, 2, f -> f)).getMessage());
    }

    /** Waits up to 10 s; the test's assertions tell whether the latch was released. */
    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
