package org.gutsignal.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;

/**
 * A manual run, not a JMH benchmark (one pass over ~10 GB takes minutes): profiles a large
 * HUMAnN KO table with {@link SignallingProfiler#profileGenes(FeatureTableReader, Path)} and
 * reads the same file bare (bytes into a 1 MiB buffer, newlines counted) in the same JVM, and
 * prints both throughputs, their ratio and the heap's peak use (the JVM's own peak of each heap
 * pool, garbage included: an upper bound). The table is generated on first use under
 * {@code benchmarks/target/large/} (never in git): {@code rows} rows of {@code samples} samples,
 * 10,000 KOs, each an unstratified row followed by its stratified rows
 * ({@code K00001|g__Genus7.s__Genus7_species3}), as {@code humann_join_tables} writes them.
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.StreamingProfileRun 2000000 500
 * </pre>
 */
public final class StreamingProfileRun {

    private static final int KOS = 10_000;

    private StreamingProfileRun() {
    }

    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path file = Path.of(args.length > 2 ? args[2]
                : "benchmarks/target/large/ko-" + rows + "x" + samples + ".tsv");
        if (!Files.exists(file)) {
            generate(file, rows, samples);
        }
        double gb = Files.size(file) / 1e9;
        long start = System.nanoTime();
        long lines = bareRead(file);
        double bare = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SignallingProfile p = SignallingProfiler.of(MoleculeCatalog.builtIn())
                .profileGenes(FeatureTableReader.humann(), file);
        double profile = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %.2f GB, %,d lines, %d samples%n", file, gb, lines, samples);
        System.out.printf(Locale.ROOT, "bare read: %.1f s (%.0f MB/s); profileGenes streaming: %.1f s (%.0f MB/s);"
                + " ratio %.2f; heap peak (sum of pool peaks) %.0f MiB of -Xmx %.0f MiB; %d × %d capacities%n",
                bare, gb * 1e3 / bare, profile, gb * 1e3 / profile, profile / bare, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, p.capacities().sampleCount(),
                p.capacities().featureCount());
    }

    private static long bareRead(Path file) throws IOException {
        byte[] buf = new byte[1 << 20];
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static void generate(Path file, long rows, int samples) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[][] cells = new byte[1009][];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = String.format(Locale.ROOT, "\t%.4f", (k * 7919 % 100_000) / 100.0)
                    .getBytes(StandardCharsets.US_ASCII);
        }
        byte[] zero = "\t0".getBytes(StandardCharsets.US_ASCII);
        long perKo = Math.max(1, rows / KOS);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            StringBuilder header = new StringBuilder("# Gene Family");
            for (int i = 0; i < samples; i++) {
                header.append("\tS").append(i).append("_Abundance-RPKs");
            }
            out.write(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
            long written = 0;
            for (int ko = 0; written < rows; ko++) {
                String id = String.format(Locale.ROOT, "K%05d", ko % 99_999 + 1);
                for (long s = 0; s < perKo && written < rows; s++, written++) {
                    String label = s == 0 ? id : id + "|g__Genus" + (s % 97) + ".s__Genus" + (s % 97) + "_species" + s;
                    out.write(label.getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < samples; i++) {
                        int k = (int) ((ko * 31L + s * 17 + i * 7) % cells.length);
                        out.write(k % 3 == 0 ? zero : cells[k]); // a third zeros, as in real tables
                    }
                    out.write('\n');
                }
            }
        }
        Files.move(tmp, file);
        System.out.printf(Locale.ROOT, "generated %s: %.2f GB%n", file, Files.size(file) / 1e9);
    }
}
