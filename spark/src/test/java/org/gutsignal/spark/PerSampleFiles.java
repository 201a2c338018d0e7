package org.gutsignal.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Per-sample files cut out of a joined (features-as-rows) table, as a biobank stores them: the table's first
 * {@code header} lines' first cell, and one sample's column, every row kept in order. Every third file is gzipped,
 * every third bzip2-compressed (the core tells them by their first bytes).
 */
final class PerSampleFiles {

    private PerSampleFiles() {
    }

    /**
     * Writes {@code dir/<sample><suffix>} (+ {@code .gz} / {@code .bz2}) for the first {@code samples} samples of a
     * tab-separated joined table whose line {@code headerLine} (0-based) names the samples; the lines before it are
     * copied as they are.
     *
     * @return the sample ids written, in column order
     */
    static List<String> split(Path table, int headerLine, int samples, Path dir, String suffix) throws IOException {
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        String[] header = lines.get(headerLine).split("\t", -1);
        List<String> ids = new ArrayList<>();
        Files.createDirectories(dir);
        for (int s = 1; s <= samples && s < header.length; s++) {
            StringBuilder sb = new StringBuilder();
            for (int l = 0; l < lines.size(); l++) {
                String line = lines.get(l);
                if (l < headerLine) {
                    sb.append(line).append('\n');
                    continue;
                }
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                sb.append(cells[0]).append('\t').append(cells[s]).append('\n');
            }
            String id = header[s];
            ids.add(id);
            String name = id + suffix + (s % 3 == 1 ? ".gz" : s % 3 == 2 ? ".bz2" : "");
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = compress(Files.newOutputStream(dir.resolve(name)), name)) {
                out.write(bytes);
            }
        }
        return ids;
    }

    private static OutputStream compress(OutputStream out, String name) throws IOException {
        if (name.endsWith(".gz")) {
            return new GZIPOutputStream(out);
        }
        if (name.endsWith(".bz2")) {
            return new BZip2CompressorOutputStream(out);
        }
        return out;
    }
}
