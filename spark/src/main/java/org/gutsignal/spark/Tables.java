package org.gutsignal.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.gutsignal.cohort.CohortFormatException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The tables the {@code gutsignal-spark} commands read and write: Parquet (a {@code .parquet} path or a directory of
 * Parquet files) or delimited text ({@code .csv}: comma, {@code .tsv} / {@code .txt}: tab, as the core names them),
 * text read as text (no type inference: numbers are read by the core's rule when used, sample ids keep their leading
 * zeros). Text rows are parsed strictly: a row with more or fewer cells than the header has columns (a stray
 * delimiter, a decimal comma in a {@code .csv} file) fails the job when it is read in full, as the core's readers
 * refuse it, instead of being padded with nulls or cut; run the action under {@link #reading} for a message naming the
 * file, line and column. An empty cell is null: the commands refuse it naming the sample and the column. Outputs are never
 * written over anything: an existing output, or an output that is one of the inputs, is refused.
 */
final class Tables {

    private Tables() {
    }

    /** parquet, csv or tsv: {@code format} unless {@code auto}, else by the name. */
    static String format(String uri, String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("auto")) {
            if (!f.equals("parquet") && !f.equals("csv") && !f.equals("tsv")) {
                throw new IllegalArgumentException("--format must be auto, parquet, csv or tsv but is '" + format + "'");
            }
            return f;
        }
        String name = new Path(uri).getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return "csv";
        }
        if (name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".tsv.gz") || name.endsWith(".tab")) {
            return "tsv";
        }
        return "parquet";
    }

    /**
     * The table at {@code uri}, lazily. Spark checks a text row's cell count only where it parses the whole row: when
     * the columns it reads are not pruned (an action on the table itself or its {@code javaRDD()}, not on a
     * {@code select} of some columns).
     */
    static Dataset<Row> read(SparkSession spark, String uri, String format) {
        switch (format(uri, format)) {
            case "parquet":
                return spark.read().parquet(uri);
            case "csv":
                return spark.read().option("header", "true").option("inferSchema", "false")
                        .option("mode", "FAILFAST").csv(uri);
            default:
                return spark.read().option("header", "true").option("inferSchema", "false")
                        .option("mode", "FAILFAST").option("sep", "\t").csv(uri);
        }
    }

    /** An action on a table; may throw what Spark throws. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }

    /**
     * Runs an action that reads the table at {@code uri}, with the table's data errors made to name it: a text row
     * whose cells do not match the header, and what a task refused in a row (an empty id or value, a value that is
     * not a number …). Other errors pass unchanged.
     *
     * @throws IllegalArgumentException for a data error, naming {@code uri}; for a ragged row, the file, line and
     *                                  column as the core's readers do ({@link #raggedRow}), or the row's text if
     *                                  it cannot be found
     * @throws IOException              as the action throws
     */
    static <T> T reading(SparkSession spark, String uri, String format, Action<T> action) throws IOException {
        try {
            return action.run();
        } catch (Exception e) { // Spark's SparkException is checked, but thrown from Scala undeclared
            String ragged = malformedRecord(e);
            if (ragged != null) {
                String where = raggedRow(spark, uri, format(uri, format).equals("csv") ? ',' : '\t', ragged);
                throw new IllegalArgumentException(where != null ? where : uri + ": the row '" + ragged + "' has more"
                        + " or fewer cells than the header has columns (a stray delimiter, a decimal comma?)", e);
            }
            if (e instanceof org.apache.spark.SparkException) {
                for (Throwable t = e.getCause(); t != null && t.getCause() != t; t = t.getCause()) {
                    if (t instanceof IllegalArgumentException && !t.getClass().getName().startsWith("org.apache.")) {
                        throw new IllegalArgumentException(uri + ": " + t.getMessage(), e);
                    }
                }
            }
            throw e;
        }
    }

    /**
     * Finds the ragged row Spark refused in the text table at {@code uri} (a file, a directory of part files or a
     * glob; gzip and other Hadoop codecs by their suffix): the first line of the files, in path order, whose text is
     * {@code record}. Returns the core's message for it, naming the file, the line (1-based, the header line 1), the
     * column where the row and the header part (the first cell past the header's last column, or the first missing
     * one) and the cell counts, e.g. {@code data/t.csv, line 3, column 8: expected 7 cells as in the header but
     * found 8 (a stray delimiter, a decimal comma?)}; null if no line matches (a quoted cell over several lines). Reads
     * on the driver, only on this error path. The file is named as {@code uri} gives it when that is one file, else by
     * its path.
     */
    static String raggedRow(SparkSession spark, String uri, char delimiter, String record) throws IOException {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path pattern = new Path(uri);
        FileSystem fs = pattern.getFileSystem(conf);
        FileStatus[] matched = fs.globStatus(pattern);
        if (matched == null) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        for (FileStatus st : matched) {
            if (st.isDirectory()) {
                for (FileStatus part : fs.listStatus(st.getPath())) {
                    String name = part.getPath().getName();
                    if (part.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                        files.add(part.getPath());
                    }
                }
            } else {
                files.add(st.getPath());
            }
        }
        Collections.sort(files);
        CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        for (Path file : files) {
            CompressionCodec codec = codecs.getCodec(file);
            InputStream raw = fs.open(file);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    codec == null ? raw : codec.createInputStream(raw), StandardCharsets.UTF_8))) {
                String[] header = null;
                long line = 0;
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    line++;
                    if (header == null) {
                        header = cells(csv, text);
                    } else if (text.equals(record)) {
                        int found = cells(csv, text).length;
                        int column = Math.min(found, header.length) + 1;
                        String name = column <= header.length && !header[column - 1].isEmpty() ? header[column - 1]
                                : null;
                        // the user's own text when the table is that one file, else the part file's path
                        String shown = matched.length == 1 && !matched[0].isDirectory() ? uri : file.toString();
                        return CohortFormatException.at(shown, line, column, name, "expected "
                                + header.length + " cells as in the header but found " + found
                                + " (a stray delimiter, a decimal comma?)").getMessage();
                    }
                }
            }
        }
        return null;
    }

    /** The cells of one line of delimited text (quotes as Spark's CSV reader takes them). */
    private static String[] cells(CSVFormat csv, String text) throws IOException {
        try (CSVParser p = CSVParser.parse(text, csv)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? new String[] {""} : records.get(0).values();
        }
    }

    /** The text of the row Spark's FAILFAST CSV parse refused, or null if {@code e} is not that. */
    static String malformedRecord(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.apache.spark.SparkThrowable st && "MALFORMED_CSV_RECORD".equals(st.getErrorClass())) {
                String row = st.getMessageParameters().get("badRecord");
                return row != null ? row : t.getMessage();
            }
        }
        return null;
    }

    /**
     * Writes a table as Parquet, or as a directory of CSV / TSV part files with a header.
     *
     * @throws IllegalArgumentException if the output exists or is one of {@code inputs} (naming both)
     */
    static void write(Dataset<Row> table, String uri, String format, Collection<String> inputs, String option)
            throws IOException {
        refuse(table.sparkSession(), uri, inputs, option);
        switch (format(uri, format)) {
            case "parquet":
                table.write().mode(SaveMode.ErrorIfExists).parquet(uri);
                break;
            case "csv":
                table.write().mode(SaveMode.ErrorIfExists).option("header", "true").csv(uri);
                break;
            default:
                table.write().mode(SaveMode.ErrorIfExists).option("header", "true").option("sep", "\t").csv(uri);
                break;
        }
    }

    /**
     * Refuses an output that exists or is one of the inputs.
     *
     * @throws IllegalArgumentException naming the output, the option and the input
     */
    static void refuse(SparkSession spark, String uri, Collection<String> inputs, String option) throws IOException {
        Path out = new Path(uri);
        FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
        Path qualified = fs.makeQualified(out);
        for (String in : inputs) {
            if (in == null) {
                continue;
            }
            Path p = new Path(in);
            Path q = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p);
            if (q.equals(qualified)) {
                throw new IllegalArgumentException(option + " " + uri + " is the input " + in
                        + ": choose another output, gutsignal never writes over its inputs");
            }
        }
        if (fs.exists(out)) {
            throw new IllegalArgumentException(option + " " + uri + " exists: choose another output, gutsignal-spark"
                    + " never writes over a file or directory");
        }
    }
}
