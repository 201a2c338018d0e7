package org.gutsignal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.model.Explanation;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gutsignal explain}: each sample's linear predictor split into per-feature contributions
 * ({@link ResponseModel#explain}), in long format.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Splits each sample's score into per-feature contributions (coefficient × preprocessed value,"
            + " in log-odds): one row per sample and model feature, largest |contribution| first within a sample;"
            + " each row repeats the sample's intercept, linear predictor and probability.",
            "The table must hold every model input feature."})
final class Explain implements Callable<Integer> {

    /** The output's columns, in order. */
    static final List<String> COLUMNS = List.of("sample_id", "feature", "value", "coefficient", "contribution",
            "intercept", "linear_predictor", "probability");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table, raw (the model preprocesses).")
    Path table;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model (model.json).")
    Path model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The contributions.")
    Path out;

    @Option(names = "--samples", split = ",", paramLabel = "ID", description = "Only these samples, in this order"
            + " (default: all, in table order).")
    List<String> samples;

    @Mixin
    TableInput input;

    @Override
    public Integer call() throws Exception {
        OutputFiles.refuseInput(out, "-o", List.of(table, model));
        ResponseModel m = ModelFiles.read(model);
        FeatureTable t = input.read(table).table();
        List<Integer> indices = new ArrayList<>();
        if (samples == null) {
            for (int i = 0; i < t.sampleCount(); i++) {
                indices.add(i);
            }
        } else {
            for (String id : samples) {
                int i = t.indexOfSample(id);
                if (i < 0) {
                    throw new IllegalArgumentException("--samples: sample '" + id + "' is not in " + table);
                }
                indices.add(i);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i : indices) {
            Explanation e = m.explain(t, i);
            for (Explanation.Contribution c : e.contributions()) {
                rows.add(List.of(e.sampleId(), c.feature(), c.value(), c.coefficient(), c.contribution(),
                        e.intercept(), e.linearPredictor(), e.probability()));
            }
        }
        DelimitedText.write(out, COLUMNS, rows);
        if (!main.quiet) {
            spec.commandLine().getErr().println("wrote " + out + " (" + indices.size() + " samples × "
                    + m.featureNames().size() + " model features)");
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
