package org.gutsignal.spark;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The tables the {@code gutsignal-spark} commands read and write: Parquet (a {@code .parquet} path or a directory of
 * Parquet files) or delimited text ({@code .csv}: comma, {@code .tsv} / {@code .txt}: tab, as the core names them),
 * text read as text (no type inference: numbers are read by the core's rule when used, sample ids keep their leading
 * zeros). Outputs are never written over anything: an existing output, or an output that is one of the inputs, is
 * refused.
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

    static Dataset<Row> read(SparkSession spark, String uri, String format) {
        switch (format(uri, format)) {
            case "parquet":
                return spark.read().parquet(uri);
            case "csv":
                return spark.read().option("header", "true").option("inferSchema", "false").csv(uri);
            default:
                return spark.read().option("header", "true").option("inferSchema", "false").option("sep", "\t")
                        .csv(uri);
        }
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
