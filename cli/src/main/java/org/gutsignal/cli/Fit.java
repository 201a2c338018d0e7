package org.gutsignal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.io.ReadReport;
import org.gutsignal.model.CvCurve;
import org.gutsignal.model.FitDiagnostics;
import org.gutsignal.model.LogisticFit;
import org.gutsignal.model.LogisticPath;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.report.CsvTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gutsignal fit}: {@link org.gutsignal.model.LogisticTrainer#train} on a cohort, written as
 * {@code model.json} with its coefficients, λ path and inner CV curve as TSV next to it.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fits the elastic-net logistic response model (glmnet's, λ by inner cross-validation as"
            + " cv.glmnet) on a cohort and writes it as model.json (-o), with coefficients.tsv, lambda_path.tsv and"
            + " cv_curve.tsv next to it.", "Prints the chosen λ and the number of selected features."})
final class Fit implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The feature table (e.g. molecule capacities).")
    Path table;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL.json", description = "The model file to write.")
    Path out;

    @Mixin
    TableInput input;

    @Mixin
    MetadataInput metadata;

    @Mixin
    TrainerOptions trainer;

    @Override
    public Integer call() throws Exception {
        Path coefficients = out.resolveSibling("coefficients.tsv");
        Path path = out.resolveSibling("lambda_path.tsv");
        Path curve = out.resolveSibling("cv_curve.tsv");
        OutputFiles.refuseInputs(List.of(out, coefficients, path, curve), java.util.Arrays.asList(table, metadata.file));
        PrintStream notes = main.quiet ? null : main.err;
        ReadReport r = input.read(table);
        Cohort c = metadata.join(r.table(), table.toString(), notes);
        LogisticFit fit = trainer.trainer(c.features(), trainer.threads).train(c);
        ResponseModel model = fit.model();
        ModelFiles.write(model, out);
        writeCoefficients(coefficients, model);
        writePath(path, fit.path());
        writeCurve(curve, fit);
        // the chosen λ and the selection are the command's result: printed even with --quiet
        int selected = nonZero(model);
        main.err.printf("lambda %s (%s, number %d of %d on the path), %d of %d features selected; wrote %s%n",
                org.gutsignal.io.DelimitedText.format(model.lambda()), fit.cvCurve().isPresent() ? trainer.lambdaRule
                : "single λ", fit.lambdaIndex() + 1, fit.path().size(), selected, model.featureNames().size(), out);
        return 0;
    }

    static int nonZero(ResponseModel model) {
        int n = 0;
        for (double b : model.coefficients()) {
            n += b != 0.0 ? 1 : 0;
        }
        return n;
    }

    /** feature, coefficient, expected_direction, selected: the intercept first (selected NA). */
    private static void writeCoefficients(Path file, ResponseModel model) throws java.io.IOException {
        MoleculeCatalog catalog = MoleculeCatalog.builtIn();
        List<List<?>> rows = new ArrayList<>();
        rows.add(java.util.Arrays.asList("(intercept)", model.intercept(), "", null));
        double[] b = model.coefficients();
        for (int j = 0; j < b.length; j++) {
            String f = model.featureNames().get(j);
            rows.add(List.of(f, b[j], catalog.get(f).map(m -> m.direction().token()).orElse(""),
                    OutputFiles.bool(b[j] != 0.0)));
        }
        CsvTables.write(file, List.of("feature", "coefficient", "expected_direction", "selected"), rows);
    }

    /** lambda, nonzero, deviance_ratio, converged: one row per λ of the full-data path. */
    private static void writePath(Path file, LogisticPath path) throws java.io.IOException {
        List<List<?>> rows = new ArrayList<>();
        for (int k = 0; k < path.size(); k++) {
            FitDiagnostics d = path.diagnostics(k);
            rows.add(List.of(path.lambda(k), d.nonZero(), d.devianceRatio(), OutputFiles.bool(d.converged())));
        }
        CsvTables.write(file, List.of("lambda", "nonzero", "deviance_ratio", "converged"), rows);
    }

    /** lambda, mean_deviance, se, nonzero, chosen: the inner CV curve (no rows with a single λ). */
    private static void writeCurve(Path file, LogisticFit fit) throws java.io.IOException {
        List<List<?>> rows = new ArrayList<>();
        if (fit.cvCurve().isPresent()) {
            CvCurve cv = fit.cvCurve().get();
            double[] lambdas = cv.lambdas();
            double[] mean = cv.mean();
            double[] se = cv.standardError();
            for (int k = 0; k < lambdas.length; k++) {
                rows.add(List.of(lambdas[k], mean[k], se[k], fit.path().diagnostics(k).nonZero(),
                        OutputFiles.bool(k == fit.lambdaIndex())));
            }
        }
        CsvTables.write(file, List.of("lambda", "mean_deviance", "se", "nonzero", "chosen"), rows);
    }
}
