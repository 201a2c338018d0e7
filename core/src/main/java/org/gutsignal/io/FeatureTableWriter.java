package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.gutsignal.cohort.FeatureTable;

/**
 * Writes a {@link FeatureTable} as delimited text the {@link DelimitedText} way: atomically,
 * UTF-8, lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@link #samplesAsRows()}: header {@code sample_id,<feature>...}, one row per sample.</li>
 *   <li>{@link #featuresAsRows(String)}: the bioBakery layout, header {@code <firstCell>\t<sample>...}
 *       (for example {@code # Gene Family} for a HUMAnN table), one row per feature.</li>
 * </ul>
 *
 * <p>The delimiter is a tab for {@code .tsv}/{@code .txt}/{@code .tab} files and a comma otherwise.
 * Values are written by {@link DelimitedText#format(double)}, as the shortest decimal text that
 * parses back to the identical double, so a table read back with the matching reader is equal to
 * the one written. The unit is not stored in the file; give it to the reader. A subnormal value
 * (non-zero and below {@value Double#MIN_NORMAL} in magnitude), which the readers refuse because
 * its text would not read back to what it says, is refused here before anything is written.
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
     * @throws IllegalArgumentException if a value is subnormal (the message names the sample and
     *                                  feature; nothing is written)
     * @throws IOException              if the file cannot be written
     */
    public void write(FeatureTable table, Path file) throws IOException {
        for (int i = 0; i < table.sampleCount(); i++) {
            for (int j = 0; j < table.featureCount(); j++) {
                double v = table.get(i, j);
                if (v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
                    throw new IllegalArgumentException(file + ": the value of sample '" + table.sampleIds().get(i)
                            + "', feature '" + table.featureNames().get(j) + "' is " + v + ", below the smallest"
                            + " positive normal double " + Double.MIN_NORMAL + ", which gutsignal's readers refuse;"
                            + " round such values to 0 before writing");
                }
            }
        }
        List<String> header = new ArrayList<>();
        header.add(firstHeaderCell);
        header.addAll(featuresAsRows ? table.sampleIds() : table.featureNames());
        int rows = featuresAsRows ? table.featureCount() : table.sampleCount();
        DelimitedText.write(file, header, () -> IntStream.range(0, rows).mapToObj(r -> row(table, r)).iterator());
    }

    /** Row {@code r} of the file: a feature's values over the samples, or a sample's over the features. */
    private List<Object> row(FeatureTable table, int r) {
        int width = featuresAsRows ? table.sampleCount() : table.featureCount();
        List<Object> cells = new ArrayList<>(width + 1);
        cells.add(featuresAsRows ? table.featureNames().get(r) : table.sampleIds().get(r));
        for (int c = 0; c < width; c++) {
            cells.add(featuresAsRows ? table.get(c, r) : table.get(r, c));
        }
        return cells;
    }
}
