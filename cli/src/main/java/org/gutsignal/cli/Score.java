package org.gutsignal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.io.ReadReport;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.model.Scores;
import org.gutsignal.transform.MissingFeaturePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gutsignal score}: a saved model's probability of response for every sample of a table
 * ({@link ResponseModel#scoreWithCoverage}), with what the table held of the model.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores every sample of a table with a saved model: the probability of response, and the"
            + " table's coverage of the model (-o x.tsv: x.coverage.tsv).",
            "A table lacking model features is refused unless --allow-missing; a table in a unit that does not"
            + " convert exactly to the model's is refused."})
final class Score implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table to score, raw (the model preprocesses).")
    Path table;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model (model.json).")
    Path model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The scores.")
    Path out;

    @Option(names = "--allow-missing", paramLabel = "SHARE", description = "Score absent model features as 0 if they"
            + " carry at most SHARE (a fraction in [0, 1)) of the model's linear-predictor variance.")
    Double allowMissing;

    @Mixin
    TableInput input;

    @Override
    public Integer call() throws Exception {
        Path coverageFile = OutputFiles.sibling(out, "coverage");
        List<Path> inputs = List.of(table, model);
        OutputFiles.refuseInput(out, "-o", inputs);
        OutputFiles.refuseInput(coverageFile, "the coverage file of -o", inputs);
        ResponseModel m = ModelFiles.read(model);
        if (allowMissing != null) {
            m = m.withMissingFeatures(MissingFeaturePolicy.fillZero(allowMissing));
        }
        ReadReport r = input.read(table);
        Scores s = m.scoreWithCoverage(r.table());
        List<List<Object>> rows = new ArrayList<>(s.sampleIds().size());
        for (int i = 0; i < s.sampleIds().size(); i++) {
            rows.add(List.of(s.sampleIds().get(i), s.probability(i)));
        }
        DelimitedText.write(out, List.of("sample_id", "probability"), rows);
        Scores.Coverage c = s.coverage();
        DelimitedText.write(coverageFile, List.of("key", "value"), coverageRows(c));
        if (!main.quiet) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println(note(s));
            err.flush();
        }
        return 0;
    }

    /** The coverage as key-value rows; {@code absent_feature} repeats, one row per absent feature. */
    static List<List<Object>> coverageRows(Scores.Coverage c) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("present_features", c.presentFeatures().size()));
        rows.add(List.of("absent_features", c.absentFeatures().size()));
        rows.add(List.of("absent_variance_share", c.absentVarianceShare()));
        rows.add(List.of("unit_check", c.unitCheck().outcome().name()));
        rows.add(List.of("table_unit", c.unitCheck().tableUnit().name()));
        rows.add(List.of("model_unit", c.unitCheck().modelUnit().map(Enum::name).orElse("NA")));
        rows.add(List.of("unit_note", c.unitCheck().note()));
        rows.add(List.of("zero_total_samples", c.zeroTotalSamples()));
        rows.add(List.of("zero_total_sample_ids", String.join(";", c.zeroTotalSampleIds())));
        rows.add(List.of("policy", c.policy().toString()));
        c.absentFeatures().forEach(f -> rows.add(List.of("absent_feature", f)));
        return rows;
    }

    /** The one-line coverage note on standard error. */
    private static String note(Scores s) {
        Scores.Coverage c = s.coverage();
        int total = c.presentFeatures().size() + c.absentFeatures().size();
        return "scored " + s.sampleIds().size() + " samples; " + c.presentFeatures().size() + " of " + total
                + " model input features present" + (c.absentFeatures().isEmpty() ? "" : ", "
                + c.absentFeatures().size() + " absent scored as 0 (carrying "
                + MissingFeaturePolicy.formatShare(c.absentVarianceShare()) + " of the linear-predictor variance)")
                + "; unit " + c.unitCheck().outcome() + (c.zeroTotalSamples() == 0 ? ""
                        : "; " + c.zeroTotalSamples() + " samples hold none of the present features");
    }
}
