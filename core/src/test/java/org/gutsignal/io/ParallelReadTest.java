package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FeatureTableReader#withThreads}: a directory read on several threads gives the table and
 * report of a read on one, the error of the first failing file in list order, and progress on the
 * calling thread.
 */
class ParallelReadTest {

    private static final int FILES = 60;

    @TempDir
    Path dir;

    @Test
    void anyNumberOfThreadsGivesTheTableAndReportOfOne() throws IOException {
        writeFiles(-1, -1);
        FeatureTableReader reader = FeatureTableReader.humann();
        String one = describe(reader.readDirectory(dir, "*.tsv"));
        for (int threads : new int[] {2, 3, 8, FILES + 5}) {
            for (int repeat = 0; repeat < 5; repeat++) {
                assertEquals(one, describe(reader.withThreads(threads).readDirectory(dir, "*.tsv")), threads + " threads");
            }
        }
    }

    @Test
    void theErrorIsThatOfTheFirstFailingFileInListOrder() throws IOException {
        writeFiles(9, 31);
        List<Path> files = FeatureTableReader.filesIn(dir, "*.tsv");
        CohortFormatException expected = assertThrows(CohortFormatException.class,
                () -> FeatureTableReader.humann().readAll(files));
        assertEquals("S09_genefamilies.tsv, line 3, column 2 ('S09_Abundance-RPKs'): expected a number but found 'x'",
                expected.getMessage());
        for (int threads : new int[] {2, 4, 16}) {
            for (int repeat = 0; repeat < 20; repeat++) {
                CohortFormatException e = assertThrows(CohortFormatException.class,
                        () -> FeatureTableReader.humann().withThreads(threads).readAll(files));
                assertEquals(expected.getMessage(), e.getMessage(), threads + " threads");
            }
        }
    }

    @Test
    void aMergeErrorIsTheSameOnSeveralThreads() throws IOException {
        writeFiles(-1, -1);
        List<Path> files = new ArrayList<>(FeatureTableReader.filesIn(dir, "*.tsv"));
        files.add(files.get(3)); // sample S03 twice
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> FeatureTableReader.humann().readAll(files));
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> FeatureTableReader.humann().withThreads(2).readAll(files));
        assertEquals(one.getMessage(), two.getMessage());
    }

    @Test
    void progressIsToldOnTheCallingThreadOncePerFile() throws IOException {
        writeFiles(-1, -1);
        List<Path> files = FeatureTableReader.filesIn(dir, "*.tsv");
        List<String> told = new ArrayList<>();
        Thread caller = Thread.currentThread();
        FeatureTableReader.humann().withThreads(3).readAll(files, (done, total) -> {
            assertSame(caller, Thread.currentThread());
            told.add(done + "/" + total);
        });
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= FILES; i++) {
            expected.add(i + "/" + FILES);
        }
        assertEquals(expected, told);
    }

    @Test
    void aListenerThatThrowsStopsTheReadAndItsExceptionComesBack() throws IOException {
        writeFiles(-1, -1);
        List<Path> files = FeatureTableReader.filesIn(dir, "*.tsv");
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch thrown = new java.util.concurrent.CountDownLatch(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FeatureTableReader.humann()
                .withSampleIdRename(id -> {
                    if (reads.incrementAndGet() > 2) {
                        try { // later files wait until the listener has thrown
                            thrown.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException x) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return id;
                })
                .withThreads(2).readAll(files, (done, total) -> {
                    thrown.countDown();
                    throw new IllegalStateException("stop at " + done);
                }));
        assertEquals("stop at 1", e.getMessage());
        // the files being read when the listener threw are finished, and no new one is started
        // (but for one a thread may take before it sees the stop): far from all 60
        org.junit.jupiter.api.Assertions.assertTrue(reads.get() <= 6, reads.get() + " files read");
    }

    @Test
    void anInterruptStopsTheReadWithAnInterruptedIoException() throws IOException {
        writeFiles(-1, -1);
        List<Path> files = FeatureTableReader.filesIn(dir, "*.tsv");
        try {
            java.io.InterruptedIOException e = assertThrows(java.io.InterruptedIOException.class,
                    () -> FeatureTableReader.humann().withThreads(2).readAll(files, (done, total) -> {
                        if (done == 2) {
                            Thread.currentThread().interrupt(); // as another thread would, while the caller waits
                        }
                    }));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("interrupted after reading "),
                    e.getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(Thread.currentThread().isInterrupted(), "the flag is kept");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void threadsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureTableReader.humann().withThreads(0));
        assertEquals("threads must be at least 1 but is 0", e.getMessage());
        assertEquals("FeatureTableReader[humann, unit RPK, delimiter by extension, 4 threads]",
                FeatureTableReader.humann().withThreads(4).toString());
    }

    /** Per-sample HUMAnN gene-family files of different sizes and KOs; files {@code bad1} and {@code bad2} have a bad cell. */
    private void writeFiles(int bad1, int bad2) throws IOException {
        SplittableRandom rng = new SplittableRandom(17);
        for (int f = 0; f < FILES; f++) {
            String id = String.format(Locale.ROOT, "S%02d", f);
            StringBuilder sb = new StringBuilder("# Gene Family\t" + id + "_Abundance-RPKs\n");
            sb.append("UNMAPPED\t").append(rng.nextInt(1000)).append('\n');
            if (f == bad1 || f == bad2) {
                sb.append("K00001\t").append(f == bad1 ? "x" : "NA").append('\n');
            }
            int kos = 1 + rng.nextInt(f % 7 == 0 ? 3000 : 50); // some files much longer than others
            for (int k = 0; k < kos; k++) {
                if (rng.nextInt(3) == 0) {
                    continue;
                }
                String ko = String.format(Locale.ROOT, "K%05d", k + 2);
                sb.append(ko).append('\t').append(rng.nextInt(500) / 4.0).append('\n');
                sb.append(ko).append("|g__A.s__B\t").append(rng.nextInt(500) / 8.0).append('\n');
            }
            Files.writeString(dir.resolve(id + "_genefamilies.tsv"), sb, StandardCharsets.UTF_8);
        }
    }

    /** Everything a read gives, values as exact bits. */
    private static String describe(ReadReport r) {
        FeatureTable t = r.table();
        StringBuilder sb = new StringBuilder();
        sb.append(r.file()).append(r.format()).append(r.unit()).append(r.unitSource()).append(r.droppedRows())
                .append(r.shares()).append(r.renamedSamples()).append(r.warnings()).append(t.sampleIds())
                .append(t.featureNames());
        for (int i = 0; i < t.sampleCount(); i++) {
            for (int j = 0; j < t.featureCount(); j++) {
                sb.append(Long.toHexString(Double.doubleToRawLongBits(t.get(i, j)))).append(',');
            }
        }
        return sb.toString();
    }
}
