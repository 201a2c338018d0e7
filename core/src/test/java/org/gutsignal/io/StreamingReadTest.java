package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text tables are read as streams: in a child JVM with a 48 MiB heap, a HUMAnN table of about
 * 90 MB of text (gzip-compressed and plain) whose kept rows are few reads, where a whole-file read
 * needed about 11 × the file; and a samples-as-rows table whose values do not fit fails with the
 * heap it needs instead of an {@link OutOfMemoryError}.
 */
class StreamingReadTest {

    private static final int SAMPLES = 20;
    private static final int FEATURES = 200;      // unstratified rows, kept
    private static final int STRATA = 3_500;     // stratified rows per feature, dropped

    @TempDir
    Path tmp;

    @Test
    void aHumannTableFarLargerThanTheHeapReadsWhenItsTableFits() throws Exception {
        Path plain = tmp.resolve("genefamilies.tsv");
        Path gz = tmp.resolve("genefamilies.tsv.gz");
        writeHumann(Files.newOutputStream(plain));
        writeHumann(new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16));
        assertTrue(Files.size(plain) > 80_000_000, "the text is larger than the child's heap: " + Files.size(plain));
        double sum = 0; // the kept rows' values, summed as the child sums the table: sample by sample
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < FEATURES; j++) {
                sum += value(j, i);
            }
        }
        String expected = String.format(Locale.ROOT, "%d samples × %d features, S19/UniRef90_F199 %s, sum %.1f",
                SAMPLES, FEATURES, value(FEATURES - 1, SAMPLES - 1), sum);
        for (Path f : List.of(plain, gz)) {
            assertEquals(expected, child("humann", f));
        }
    }

    @Test
    void aTableThatCannotFitFailsWithTheHeapItNeedsNotWithOutOfMemory() throws Exception {
        Path f = tmp.resolve("wide.tsv");
        int samples = 1_500;
        int features = 4_000; // 48 MB of values, twice that while reading: more than the child's 48 MiB heap
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.UTF_8),
                1 << 16)) {
            w.write("sample");
            for (int j = 0; j < features; j++) {
                w.write("\tf" + j);
            }
            w.write('\n');
            for (int i = 0; i < samples; i++) {
                w.write("s" + i);
                for (int j = 0; j < features; j++) {
                    w.write('\t');
                    w.write(Integer.toString((i * 31 + j) % 1000));
                }
                w.write('\n');
            }
        }
        String out = child("samples", f);
        assertTrue(out.matches("\\Q" + f.getFileName() + ": this table needs about \\E[0-9.]+ MiB of heap while it is "
                + "read \\(with a 10% margin; about [0-9,]+ samples × 4,000 features, projected from the [0-9,]+ samples in the first "
                + "[0-9.]+ MiB of the file's [0-9.]+ MiB\\) but only [0-9.]+ MiB is usable \\([0-9.]+ MiB free, less the tenth "
                + "of the heap the garbage collector keeps in reserve\\): run Java with -Xmx1g or "
                + "more \\(the gutsignal command: GUTSIGNAL_JAVA_OPTS=-Xmx1g\\), or split the table"), out);
    }

    private static double value(int feature, int sample) {
        return (feature * 7 + sample * 3) % 101 + 0.5;
    }

    private static void writeHumann(java.io.OutputStream stream) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("# Gene Family");
            for (int i = 0; i < SAMPLES; i++) {
                w.write("\tS" + i + "_Abundance-RPKs");
            }
            w.write('\n');
            for (int j = 0; j < FEATURES; j++) {
                w.write("UniRef90_F" + j);
                for (int i = 0; i < SAMPLES; i++) {
                    w.write('\t');
                    w.write(Double.toString(value(j, i)));
                }
                w.write('\n');
                for (int k = 0; k < STRATA; k++) {
                    w.write("UniRef90_F" + j + "|g__Genus" + k + ".s__Genus" + k + "_species");
                    for (int i = 0; i < SAMPLES; i++) {
                        w.write("\t0.0");
                    }
                    w.write('\n');
                }
            }
        }
    }

    private static String sum(FeatureTable t) {
        double s = 0;
        for (int i = 0; i < t.sampleCount(); i++) {
            for (int j = 0; j < t.featureCount(); j++) {
                s += t.get(i, j);
            }
        }
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** Runs {@link Child} with a 48 MiB heap and returns what it printed. */
    private static String child(String kind, Path f) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), kind, f.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return out;
    }

    /** The child JVM: reads one table and prints its size and sum, or the error's message. */
    static final class Child {
        public static void main(String[] args) {
            Path f = Path.of(args[1]);
            try {
                FeatureTable t = args[0].equals("humann") ? FeatureTableReader.humann().read(f)
                        : FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(f);
                System.out.println(t.sampleCount() + " samples × " + t.featureCount() + " features, S19/UniRef90_F199 "
                        + t.get(t.indexOfSample("S19"), t.indexOfFeature("UniRef90_F199")) + ", sum " + sum(t));
            } catch (IOException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
