package org.gutsignal.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;

/**
 * A manual check, not a JMH benchmark: reads one large samples-as-rows table (3 GiB by default,
 * generated on first use under {@code benchmarks/target/large/}, never in git) and prints the
 * time, the table's size and the peak live heap (the largest heap in use just after a garbage
 * collection, from the collectors' notifications), or the read's error message. Run it with
 * enough heap and with too little:
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.LargeTableRead
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.LargeTableRead
 * </pre>
 *
 * Arguments (optional): the file, and its size in GiB when it is generated.
 */
public final class LargeTableRead {

    private static final int FEATURES = 10_000;

    private LargeTableRead() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "benchmarks/target/large/samples-3g.tsv");
        double gib = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        if (!Files.exists(file)) {
            generate(file, (long) (gib * (1L << 30)));
        }
        AtomicLong peakLive = new AtomicLong();
        watchLiveHeap(peakLive);
        long start = System.nanoTime();
        try {
            FeatureTable t = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            double tableBytes = 8.0 * t.sampleCount() * t.featureCount();
            System.gc(); // one more notification, with the table alive
            System.out.printf(Locale.ROOT, "read %s (%.2f GiB) in %.1f s (%.0f MB/s): %,d samples × %,d features;"
                    + " values %.2f GiB; peak live heap %.2f GiB = %.2f × the values; -Xmx %.1f GiB%n", file,
                    Files.size(file) / (double) (1L << 30), seconds, Files.size(file) / seconds / 1e6,
                    t.sampleCount(), t.featureCount(), tableBytes / (1L << 30), peakLive.get() / (double) (1L << 30),
                    peakLive.get() / tableBytes, Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        } catch (IOException e) {
            System.out.printf(Locale.ROOT, "refused after %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
                    e.getMessage());
        }
    }

    /** Rows {@code s<i>} of {@value #FEATURES} values {@code ddd.dddddd} until the file has {@code bytes}. */
    private static void generate(Path file, long bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[][] cells = new byte[997][];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = String.format(Locale.ROOT, "\t%.6f", (k * 7919 % 100_000) / 1000.0 + 100)
                    .getBytes(StandardCharsets.US_ASCII);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            StringBuilder header = new StringBuilder("sample");
            for (int j = 0; j < FEATURES; j++) {
                header.append("\tK").append(String.format(Locale.ROOT, "%05d", j));
            }
            byte[] h = header.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
            out.write(h);
            written += h.length;
            for (int i = 0; written < bytes; i++) {
                byte[] id = ("s" + i).getBytes(StandardCharsets.US_ASCII);
                out.write(id);
                written += id.length + 1;
                for (int j = 0; j < FEATURES; j++) {
                    byte[] c = cells[(i * 31 + j) % cells.length];
                    out.write(c);
                    written += c.length;
                }
                out.write('\n');
            }
        }
        Files.move(tmp, file);
        System.out.printf(Locale.ROOT, "generated %s: %.2f GiB%n", file, written / (double) (1L << 30));
    }

    /** Keeps in {@code peak} the largest heap in use right after a collection. */
    private static void watchLiveHeap(AtomicLong peak) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    used += u.getUsed();
                }
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }
}
