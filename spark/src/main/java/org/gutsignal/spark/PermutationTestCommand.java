package org.gutsignal.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.eval.PermutationTest;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.io.ResponseMapping;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.transform.Preprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gutsignal-spark permutation-test}: the permutation test of the cross-validated AUROC with every fold of every
 * permutation fitted as a task ({@link SparkCrossValidation#permutationTest}); the same numbers as the core's
 * {@code CrossValidation.permutationTest} with the same options and seed on the cohort in sample-id order. The
 * table's rows are sorted by sample id ({@link String#compareTo}) on the driver, since the order Spark reads them in
 * depends on the file sizes and splits (so on the cluster's settings) and the folds depend on the samples' order.
 */
@Command(name = "permutation-test", mixinStandardHelpOptions = true,
        description = {"Permutation test of the cross-validated AUROC: the whole cross-validation (preprocessing,"
            + " model, inner λ selection) rerun on N permutations of the labels, each fold of each permutation a Spark"
            + " task. Writes summary.tsv (observed AUROC, p-value …) and permuted.tsv (the AUROC of each permutation,"
            + " in the order drawn) into OUT.", "The samples are taken in sample-id order, whatever the table's files:"
            + " the same --seed gives the same numbers, whatever the cluster, as the core's on the table sorted by"
            + " sample id."})
final class PermutationTestCommand implements Callable<Integer> {

    @ParentCommand
    SparkMain main;

    @Parameters(index = "0", paramLabel = "TABLE", description = "Samples as rows (the profile command's output, or"
            + " gutsignal profile's TSV): .parquet, .csv or .tsv. The cohort is collected on the driver.")
    String table;

    @Option(names = {"-m", "--metadata"}, required = true, paramLabel = "URI", description = "Sample metadata (CSV or"
            + " TSV; gutsignal's format unless --labels).")
    String metadata;

    @Option(names = "--labels", defaultValue = "auto", paramLabel = "MAPPING", description = "Which labels mean"
            + " responder: yes_no, r_nr, responder_non_responder, one_zero, recist, or auto = gutsignal's metadata"
            + " format (sample_id, response, group, covariates) (default: ${DEFAULT-VALUE}).")
    String labels;

    @Option(names = "--id-column", defaultValue = "sample_id", paramLabel = "COLUMN",
            description = "Sample id column of the table and the metadata (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--response-column", defaultValue = "response", paramLabel = "COLUMN",
            description = "Metadata column of the response, with --labels (default: ${DEFAULT-VALUE}).")
    String responseColumn;

    @Option(names = "--group-column", paramLabel = "COLUMN", description = "Metadata column of the site, with --labels.")
    String groupColumn;

    @Option(names = "--lenient", description = "Drop samples present on one side only instead of failing.")
    boolean lenient;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "The table's feature columns (default: its columns named as catalog molecules).")
    List<String> features;

    @Option(names = "--unit", paramLabel = "UNIT", description = "The table's unit, when it has no 'unit' column.")
    AbundanceUnit unit;

    @Option(names = "--split", defaultValue = "kfold", paramLabel = "SPLIT", description = "kfold[:K] (stratified,"
            + " K = 10), repeated:K:R, group-kfold:K or logo (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--permutations", defaultValue = "999", paramLabel = "N",
            description = "Permutations of the labels (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--alpha", defaultValue = "0.5", paramLabel = "A", description = "Elastic-net mixing in [0, 1]"
            + " (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--lambda-rule", defaultValue = "min", paramLabel = "RULE",
            description = "min or 1se (default: ${DEFAULT-VALUE}).")
    String lambdaRule;

    @Option(names = "--folds", defaultValue = "10", paramLabel = "K",
            description = "Folds of the inner cross-validation that picks λ (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--preprocess", defaultValue = "ln1,standardize", paramLabel = "STEPS", description = "Preprocessing"
            + " steps in order, comma-separated, fitted on training samples only: " + Preprocessing.STEP_NAMES
            + " (default: ${DEFAULT-VALUE}).")
    String preprocess;

    @Option(names = "--class-balancing", description = "Weight samples so both classes carry equal total weight.")
    boolean classBalancing;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the folds, the trainer"
            + " and the permutations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", paramLabel = "N", description = "Tasks to spread the fits over (default: the"
            + " cluster's default parallelism); results do not depend on it.")
    Integer partitions;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Directory to write into.")
    String out;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = main.session.get();
        List<String> inputs = List.of(table, metadata);
        Tables.refuse(spark, out, inputs, "-o");
        TrainerSpec spec = new TrainerSpec(alpha, lambdaRule, folds, preprocess, classBalancing, seed);
        SerializableSplitter splitter = TrainerSpec.splitter(split, seed);
        Cohort cohort = cohort(spark);
        SparkCrossValidation cv = SparkCrossValidation.of(spark, splitter);
        if (partitions != null) {
            cv = cv.withPartitions(partitions);
        }
        PermutationTest t = cv.permutationTest(spec.learner(), cohort, permutations, seed);
        FileSystem fs = new Path(out).getFileSystem(spark.sparkContext().hadoopConfiguration());
        StringBuilder summary = new StringBuilder("key\tvalue\n");
        summary.append("samples\t").append(cohort.labelled().sampleCount()).append('\n');
        summary.append("split\t").append(split).append('\n');
        summary.append("seed\t").append(seed).append('\n');
        summary.append("permutations\t").append(t.permutations()).append('\n');
        summary.append("auroc_observed\t").append(DelimitedText.format(t.observed())).append('\n');
        summary.append("at_least_observed\t").append(t.atLeastObserved()).append('\n');
        summary.append("p_value\t").append(DelimitedText.format(t.pValue())).append('\n');
        StringBuilder permuted = new StringBuilder("permutation\tauroc\n");
        double[] v = t.permuted();
        for (int k = 0; k < v.length; k++) {
            permuted.append(k + 1).append('\t').append(Double.isNaN(v[k]) ? "NA" : DelimitedText.format(v[k]))
                    .append('\n');
        }
        write(fs, new Path(out, "summary.tsv"), summary.toString());
        write(fs, new Path(out, "permuted.tsv"), permuted.toString());
        if (!main.quiet) {
            main.err.println("cross-validated AUROC " + DelimitedText.format(t.observed()) + ", permutation p = "
                    + DelimitedText.format(t.pValue()) + " (" + t.permutations() + " permutations, " + split
                    + "); wrote " + out);
        }
        return 0;
    }

    private static void write(FileSystem fs, Path file, String text) throws IOException {
        try (OutputStream o = fs.create(file, false)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The table collected on the driver, joined with the metadata read by the core. */
    private Cohort cohort(SparkSession spark) throws IOException {
        Dataset<Row> df = Tables.read(spark, table, "auto");
        List<String> columns = List.of(df.columns());
        if (!columns.contains(idColumn)) {
            throw new IllegalArgumentException(table + ": no id column '" + idColumn + "' (use --id-column)");
        }
        List<String> names = features != null ? features
                : columns.stream().filter(c -> MoleculeCatalog.builtIn().ids().contains(c)).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(table + ": no column is a catalog molecule: name the features with"
                    + " --features");
        }
        for (String f : names) {
            if (!columns.contains(f)) {
                throw new IllegalArgumentException(table + ": no column '" + f + "'");
            }
        }
        AbundanceUnit u = unit;
        if (columns.contains(SparkScorer.UNIT_COLUMN)) {
            List<Row> units = df.select(SparkScorer.UNIT_COLUMN).distinct().limit(3).collectAsList();
            if (units.size() != 1) {
                throw new IllegalArgumentException(table + ": the samples' units differ (" + units + "): profile"
                        + " them in one unit");
            }
            AbundanceUnit data = SparkScorer.unitOf(units.get(0).getString(0), table + ", column 'unit'");
            if (u != null && u != data) {
                throw new IllegalArgumentException("--unit " + u + " contradicts the table's unit column (" + data
                        + ")");
            }
            u = data;
        }
        if (u == null) {
            throw new IllegalArgumentException(table + ": the table's unit is unknown (no 'unit' column): give --unit");
        }
        // in sample-id order: the order Spark collects a table's rows in follows its files' sizes and splits, and
        // the folds (so the AUROCs and the p-value) follow the order of the samples
        // the whole rows are read (not a select of the columns, which Spark would prune): a ragged row is refused
        int[] picked = new int[1 + names.size()];
        picked[0] = columns.indexOf(idColumn);
        for (int j = 0; j < names.size(); j++) {
            picked[j + 1] = columns.indexOf(names.get(j));
        }
        List<Row> rows = new ArrayList<>(Tables.reading(spark, table, "auto", () -> df.javaRDD().map(r -> {
            Object[] v = new Object[picked.length];
            for (int c = 0; c < v.length; c++) {
                v[c] = r.get(picked[c]);
            }
            return RowFactory.create(v);
        }).collect()));
        for (Row r : rows) {
            if (r.isNullAt(0)) {
                throw new IllegalArgumentException(table + ": a row has no sample id (its '" + idColumn
                        + "' cell is empty)");
            }
        }
        rows.sort(Comparator.comparing(r -> String.valueOf(r.get(0))));
        List<String> ids = new ArrayList<>(rows.size());
        double[][] values = new double[rows.size()][names.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ids.add(String.valueOf(r.get(0)));
            for (int j = 0; j < names.size(); j++) {
                Object x = r.get(j + 1);
                if (x == null) {
                    throw new IllegalArgumentException(table + ": sample '" + ids.get(i) + "', column '"
                            + names.get(j) + "': no value (an empty cell)");
                }
                try {
                    values[i][j] = x instanceof String s ? DelimitedText.parseNumber(s) : ((Number) x).doubleValue();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(table + ": sample '" + ids.get(i) + "', column '"
                            + names.get(j) + "': " + e.getMessage(), e);
                }
            }
        }
        FeatureTable t = FeatureTable.of(ids, names, values, u);
        SampleMetadata meta = InputFiles.onLocalFile(spark.sparkContext().hadoopConfiguration(), metadata,
                file -> reader().read(file));
        return Cohort.join(t, meta, lenient ? JoinPolicy.LENIENT : JoinPolicy.STRICT, table, metadata);
    }

    private MetadataReader reader() {
        if (labels.equalsIgnoreCase("auto")) {
            return MetadataReader.gutsignal();
        }
        ResponseMapping mapping = switch (labels.toLowerCase(java.util.Locale.ROOT)) {
            case "yes_no" -> ResponseMapping.YES_NO;
            case "r_nr" -> ResponseMapping.R_NR;
            case "responder_non_responder" -> ResponseMapping.RESPONDER_NON_RESPONDER;
            case "one_zero" -> ResponseMapping.ONE_ZERO;
            case "recist" -> ResponseMapping.RECIST;
            default -> {
                int colon = labels.indexOf(':');
                if (colon <= 0 || colon == labels.length() - 1) {
                    throw new IllegalArgumentException("--labels must be a known mapping or RESP1,RESP2:NON1,NON2"
                            + " but is '" + labels + "'");
                }
                yield ResponseMapping.of(Set.of(labels.substring(0, colon).split(",")),
                        Set.of(labels.substring(colon + 1).split(",")));
            }
        };
        MetadataReader r = MetadataReader.of(idColumn, responseColumn, mapping);
        return groupColumn == null ? r : r.withGroupColumn(groupColumn);
    }
}
