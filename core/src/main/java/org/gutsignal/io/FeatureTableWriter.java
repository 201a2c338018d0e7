package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gutsignal.cohort.FeatureTable;

/**
 * Writes a {@link FeatureTable} as delimited text, atomically (see {@link AtomicFiles}).
 *
 * <ul>
 *   <li>{@link #samplesAsRows()}: header {@code sample_id,<feature>...}, one row per sample.</li>
 *   <li>{@link #featuresAsRows(String)}: the bioBakery layout, header {@code <firstCell>\t<sample>...}
 *       (for example {@code # Gene Family} for a HUMAnN table), one row per feature.</li>
 * </ul>
 *
 * <p>The delimiter is a tab for {@code .tsv}/{@code .txt}/{@code .tab} files and a comma otherwise.
 * Values are written as the shortest decimal text that parses back to the identical double, so a
 * table read back with the matching reader is equal to the one written. Lines end with {@code \n}.
 * The unit is not stored in the file; give it to the reader.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureTableWriter {

    private final boolean featuresAsRows;
    private final String firstHeaderCell;

    private FeatureTableWriter(boolean featuresAsRows, String firstHeaderCell) {
        this.featuresAsRows = featuresAsRows;
        this.firstHeaderCell = Objects.requireNonNull(firstHeaderCell, "firstHeaderCell");
    }

    /** One row per sample, first column {@code sample_id}. */
    public static FeatureTableWriter samplesAsRows() {
        return new FeatureTableWriter(false, "sample_id");
    }

    /**
     * One row per feature, one column per sample (HUMAnN / MetaPhlAn layout).
     *
     * @param firstHeaderCell the header's first cell, e.g. {@code "# Gene Family"}, {@code "clade_name"} or {@code ""}
     */
    public static FeatureTableWriter featuresAsRows(String firstHeaderCell) {
        return new FeatureTableWriter(true, firstHeaderCell);
    }

    /**
     * Writes the table to {@code file}, replacing it atomically if it exists.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(FeatureTable table, Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(AtomicFiles.delimiterFor(file))
                .setRecordSeparator('\n').get();
        AtomicFiles.write(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, format);
            int n = table.sampleCount();
            int p = table.featureCount();
            List<String> header = new ArrayList<>();
            header.add(firstHeaderCell);
            header.addAll(featuresAsRows ? table.sampleIds() : table.featureNames());
            printer.printRecord(header);
            String[] cells = new String[(featuresAsRows ? n : p) + 1];
            if (featuresAsRows) {
                for (int j = 0; j < p; j++) {
                    cells[0] = table.featureNames().get(j);
                    for (int i = 0; i < n; i++) {
                        cells[i + 1] = AtomicFiles.format(table.get(i, j));
                    }
                    printer.printRecord((Object[]) cells);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    cells[0] = table.sampleIds().get(i);
                    for (int j = 0; j < p; j++) {
                        cells[j + 1] = AtomicFiles.format(table.get(i, j));
                    }
                    printer.printRecord((Object[]) cells);
                }
            }
            printer.flush();
        });
    }
}
