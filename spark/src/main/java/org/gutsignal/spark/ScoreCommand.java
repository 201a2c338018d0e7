package org.gutsignal.spark;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.model.Scores;
import org.gutsignal.transform.MissingFeaturePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gutsignal-spark score}: a table of samples → their probability of response, with {@link SparkScorer}. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores every sample of a table (the profile command's output, or any samples-as-rows table of"
            + " the model's features) with a saved model on the executors: sample id and probability of response.",
            "The unit comes from the table's 'unit' column (the profile command writes it) or --unit; a unit that does"
            + " not convert exactly to the model's is refused, as are missing model features unless"
            + " --allow-missing."})
final class ScoreCommand implements Callable<Integer> {

    @ParentCommand
    SparkMain main;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table to score: .parquet, .csv or .tsv.")
    String table;

    @Option(names = "--model", required = true, paramLabel = "URI", description = "The model (model.json).")
    String model;

    @Option(names = "--unit", paramLabel = "UNIT", description = "The table's unit, when it has no 'unit' column.")
    AbundanceUnit unit;

    @Option(names = "--allow-missing", paramLabel = "SHARE", description = "Score absent model features as 0 if they"
            + " carry at most SHARE (a fraction in [0, 1)) of the model's linear-predictor variance.")
    Double allowMissing;

    @Option(names = "--id-column", defaultValue = "sample_id", paramLabel = "COLUMN",
            description = "The sample id column (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "Input format: parquet, csv or tsv (default: ${DEFAULT-VALUE}, by the name).")
    String inputFormat;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT",
            description = "Output (sample_id, probability): a .parquet path, or a .csv / .tsv directory.")
    String out;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = main.session.get();
        List<String> inputs = List.of(table, model);
        Tables.refuse(spark, out, inputs, "-o");
        SparkScorer scorer = SparkScorer.read(spark, model).withIdColumn(idColumn);
        if (unit != null) {
            scorer = scorer.withUnit(unit);
        }
        if (allowMissing != null) {
            scorer = scorer.withMissingFeatures(MissingFeaturePolicy.fillZero(allowMissing));
        }
        Dataset<Row> in = Tables.read(spark, table, inputFormat);
        Scores.Coverage c = scorer.coverage(in.schema());
        Dataset<Row> scored = scorer.score(in).select(idColumn, SparkScorer.PROBABILITY);
        Tables.reading(spark, table, inputFormat, () -> {
            Tables.write(scored, out, "auto", inputs, "-o");
            return null;
        });
        if (!main.quiet) {
            int total = c.presentFeatures().size() + c.absentFeatures().size();
            main.err.println("scored " + table + " into " + out + "; " + c.presentFeatures().size() + " of " + total
                    + " model input features present" + (c.absentFeatures().isEmpty() ? "" : ", "
                    + c.absentFeatures().size() + " absent scored as 0 (carrying "
                    + MissingFeaturePolicy.formatShare(c.absentVarianceShare()) + " of the linear-predictor variance)")
                    + "; " + c.unitCheck().note());
        }
        return 0;
    }
}
