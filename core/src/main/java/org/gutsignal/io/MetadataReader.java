package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.cohort.CohortFormatException;

/**
 * Reads {@link SampleMetadata} from a delimited UTF-8 text file with one row per sample and a
 * header naming the columns. The configuration names the join column (the sample ids that match
 * the feature table), the response column and its {@link ResponseMapping}, optionally a group
 * column (cohort, site or batch) and the covariates to keep.
 *
 * <pre>{@code
 * // Lee et al. 2022 as curated by curatedMetagenomicData
 * SampleMetadata lee = MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO)
 *         .withGroupColumn("subcohort")
 *         .withCovariates("age", "gender")
 *         .read(Path.of("metadata.tsv"));
 * // a file written by MetadataWriter
 * SampleMetadata m = MetadataReader.gutsignal().read(Path.of("metadata.csv"));
 * }</pre>
 *
 * <p>Labels {@code NA}, {@code N/A}, {@code NaN} and empty cells give {@link Response#UNKNOWN}
 * (such samples are kept; {@code Cohort.labelled()} drops them). Covariates are kept as the text
 * in the file, including {@code NA}. Without a group column every sample's group is {@code ""}.
 * Columns not named are ignored. The delimiter, quoting and accepted line ends are as for
 * {@link FeatureTableReader}. Every problem (a missing column, an empty or repeated sample id, an
 * unknown label, a ragged row) is a {@link CohortFormatException} naming the file, line and column.
 *
 * <p>Instances are immutable and thread-safe; {@code with…} methods return changed copies.
 */
public final class MetadataReader {

    private static final char AUTO = DelimitedText.BY_NAME;

    private final String joinColumn;
    private final String responseColumn;
    private final ResponseMapping mapping;
    private final String groupColumn;       // null: no group column
    private final List<String> covariates;  // null: all other columns
    private final char delimiter;

    private MetadataReader(String joinColumn, String responseColumn, ResponseMapping mapping, String groupColumn,
            List<String> covariates, char delimiter) {
        this.joinColumn = Objects.requireNonNull(joinColumn, "joinColumn");
        this.responseColumn = Objects.requireNonNull(responseColumn, "responseColumn");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.groupColumn = groupColumn;
        this.covariates = covariates;
        this.delimiter = delimiter;
        if (joinColumn.equals(responseColumn)) {
            throw new IllegalArgumentException("the join column and the response column are both '" + joinColumn + "'");
        }
        if (groupColumn != null && (groupColumn.equals(joinColumn) || groupColumn.equals(responseColumn))) {
            throw new IllegalArgumentException("the group column '" + groupColumn + "' is also the "
                    + (groupColumn.equals(joinColumn) ? "join" : "response") + " column");
        }
        if (covariates != null) {
            for (String c : covariates) {
                String role = c.equals(joinColumn) ? "join" : c.equals(responseColumn) ? "response"
                        : c.equals(groupColumn) ? "group" : null;
                if (role != null) {
                    throw new IllegalArgumentException("covariate '" + c + "' is also the " + role + " column");
                }
                if (covariates.indexOf(c) != covariates.lastIndexOf(c)) {
                    throw new IllegalArgumentException("covariate '" + c + "' is named twice in " + covariates);
                }
            }
        }
    }

    /**
     * A reader with a join column, a response column and its mapping; no group column, no covariates.
     *
     * @param joinColumn     header of the column holding the sample ids that match the feature table
     * @param responseColumn header of the column holding the response labels
     * @param mapping        what the labels mean
     * @throws IllegalArgumentException if both columns are the same
     */
    public static MetadataReader of(String joinColumn, String responseColumn, ResponseMapping mapping) {
        return new MetadataReader(joinColumn, responseColumn, mapping, null, List.of(), AUTO);
    }

    /**
     * A reader for files written by {@link MetadataWriter}: join column {@code sample_id}, response
     * column {@code response} ({@code responder} / {@code non_responder} / {@code NA}), group column
     * {@code group}, every other column a covariate.
     */
    public static MetadataReader gutsignal() {
        return of(MetadataWriter.SAMPLE_ID, MetadataWriter.RESPONSE, ResponseMapping.RESPONDER_NON_RESPONDER)
                .withGroupColumn(MetadataWriter.GROUP).withAllCovariates();
    }

    /**
     * A copy that reads each sample's group (cohort, site or batch) from this column.
     *
     * @throws IllegalArgumentException if it is the join or response column or a covariate
     */
    public MetadataReader withGroupColumn(String column) {
        return new MetadataReader(joinColumn, responseColumn, mapping, Objects.requireNonNull(column, "column"),
                covariates, delimiter);
    }

    /**
     * A copy that keeps exactly these columns as covariates, in this order (none by default).
     *
     * @throws IllegalArgumentException if one is named twice or is the join, response or group column
     */
    public MetadataReader withCovariates(String... columns) {
        return new MetadataReader(joinColumn, responseColumn, mapping, groupColumn, List.of(columns), delimiter);
    }

    /** A copy that keeps every column other than the join, response and group columns as a covariate, in file order. */
    public MetadataReader withAllCovariates() {
        return new MetadataReader(joinColumn, responseColumn, mapping, groupColumn, null, delimiter);
    }

    /**
     * A copy that splits cells at {@code delimiter} whatever the file's extension.
     *
     * @throws IllegalArgumentException if the delimiter is a quote, CR or LF
     */
    public MetadataReader withDelimiter(char delimiter) {
        FeatureTableReader.checkDelimiter(delimiter);
        return new MetadataReader(joinColumn, responseColumn, mapping, groupColumn, covariates, delimiter);
    }

    /**
     * Reads the metadata, samples in file order.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException                       if the file cannot be read (the message names it)
     * @throws CohortFormatException             if the file is empty or has no data rows, a named column is
     *                                           missing (the message lists the header) or named twice, a row
     *                                           has a different number of cells than the header, a sample id
     *                                           is empty or repeated, or a response label is not accepted
     */
    public SampleMetadata read(Path file) throws IOException {
        try (DelimitedText text = DelimitedText.open(file, delimiter)) {
            return read(text);
        }
    }

    private SampleMetadata read(DelimitedText text) throws IOException {
        String name = text.fileName();
        DelimitedText.Row header = text.next();
        if (header == null) {
            throw CohortFormatException.inFile(name, "expected a header line but the file is empty");
        }
        String[] h = header.cells;
        int join = column(name, header, joinColumn, "join");
        int response = column(name, header, responseColumn, "response");
        int group = groupColumn == null ? -1 : column(name, header, groupColumn, "group");
        Map<String, Integer> covariateColumns = new LinkedHashMap<>();
        if (covariates == null) {
            for (int c = 0; c < h.length; c++) {
                if (c != join && c != response && c != group) {
                    if (h[c].isEmpty()) {
                        throw CohortFormatException.at(name, header.lineOf(c), c + 1, null,
                                "expected a column name (every other column is a covariate) but found an empty cell");
                    }
                    column(name, header, h[c], "covariate");
                    covariateColumns.put(h[c], c);
                }
            }
        } else {
            for (String cov : covariates) {
                covariateColumns.put(cov, column(name, header, cov, "covariate"));
            }
        }
        SampleMetadata.Builder builder = SampleMetadata.builder();
        Map<String, Long> seen = new HashMap<>();
        int rows = 0;
        for (DelimitedText.Row row = text.next(); row != null; row = text.next()) {
            rows++;
            if (row.size() != h.length) {
                int column = Math.min(row.size(), h.length) + 1;
                throw CohortFormatException.at(name, row.lineOf(column - 1), column,
                        DelimitedText.nameOf(h, column - 1), "expected " + h.length
                                + " cells as in the header but found " + row.size());
            }
            String id = row.cells[join];
            if (id.isEmpty()) {
                throw CohortFormatException.at(name, row.lineOf(join), join + 1, joinColumn,
                        "expected a sample id but found an empty cell");
            }
            Long first = seen.put(id, row.line);
            if (first != null) {
                throw CohortFormatException.at(name, row.lineOf(join), join + 1, joinColumn,
                        "duplicate sample id '" + id + "' (first on line " + first + ")");
            }
            Response r = mapping.lookup(row.cells[response]);
            if (r == null) {
                throw CohortFormatException.at(name, row.lineOf(response), response + 1, responseColumn,
                        "expected a response label (" + mapping.accepted() + ") but found '"
                                + row.cells[response] + "'");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> cov : covariateColumns.entrySet()) {
                values.put(cov.getKey(), row.cells[cov.getValue()]);
            }
            builder.add(id, r, group < 0 ? "" : row.cells[group], values);
        }
        if (rows == 0) {
            throw CohortFormatException.inFile(name, "expected data rows after the header (line " + header.line
                    + ") but found none");
        }
        return builder.build();
    }

    /** The 0-based index of a named column, which must appear exactly once in the header. */
    private static int column(String file, DelimitedText.Row header, String column, String role)
            throws IOException {
        String[] h = header.cells;
        int found = -1;
        for (int c = 0; c < h.length; c++) {
            if (h[c].equals(column)) {
                if (found >= 0) {
                    throw CohortFormatException.at(file, header.lineOf(c), c + 1, column, "expected the " + role
                            + " column '" + column + "' once in the header but it is also column " + (found + 1));
                }
                found = c;
            }
        }
        if (found < 0) {
            throw CohortFormatException.atLine(file, header.line, "expected a " + role + " column '" + column
                    + "' but the header has " + h.length + " columns: " + DelimitedText.listColumns(h));
        }
        return found;
    }

    @Override
    public String toString() {
        return "MetadataReader[join " + joinColumn + ", response " + responseColumn + " " + mapping + ", group "
                + groupColumn + ", covariates " + (covariates == null ? "all" : covariates.toString()) + "]";
    }
}
