package org.gutsignal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.eval.Auprc;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.Calibration;
import org.gutsignal.eval.CalibrationCurve;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.eval.PrecisionRecallCurve;
import org.gutsignal.eval.RocCurve;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.report.HtmlReport;
import org.gutsignal.report.Plot;
import org.gutsignal.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gutsignal report}: the figures ({@link Plots}) and a self-contained HTML page
 * ({@link HtmlReport}) of what {@code gutsignal cv} wrote, and optionally of a model file.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draws the results of 'gutsignal cv' (and of a model from 'gutsignal fit'): ROC with the AUROC"
            + " and its 95%% CI, precision-recall, calibration, for grouped splits a forest plot of the per-group"
            + " AUROCs with their random-effects pool, and the model's coefficients. Writes the PNGs next to the"
            + " HTML page, which embeds them (one self-contained file)."})
final class Report implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--cv", required = true, paramLabel = "DIR", description = "The output directory of 'gutsignal cv'.")
    Path cvDir;

    @Option(names = "--model", paramLabel = "MODEL.json", description = "A model written by 'gutsignal fit'.")
    Path model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "REPORT.html", description = "The HTML page to write.")
    Path out;

    static final List<String> PNGS = List.of("roc.png", "precision_recall.png", "calibration.png", "forest.png",
            "coefficients.png");

    @Override
    public Integer call() throws Exception {
        List<Path> outputs = new ArrayList<>(List.of(out));
        PNGS.forEach(name -> outputs.add(out.resolveSibling(name)));
        List<Path> inputs = new ArrayList<>(Arrays.asList(model));
        Cv.FILES.forEach(name -> inputs.add(cvDir.resolve(name)));
        OutputFiles.refuseInputs(outputs, inputs);
        PrintStream notes = main.quiet ? null : main.err;

        Scores s = Scores.read(cvDir.resolve("oof_scores.tsv"));
        Map<String, String> summary = keyValues(cvDir.resolve("summary.tsv"));
        Plots plots = Plots.withDefaults();
        HtmlReport html = HtmlReport.titled("gutsignal: cross-validated response model");
        html.paragraph("Out-of-fold scores of " + s.p.length + " tested samples (" + Arrays.stream(s.y).sum()
                + " responders) from " + cvDir + ", split " + summary.getOrDefault("split", "?") + ", seed "
                + summary.getOrDefault("seed", "?") + ". Every score comes from a model fitted without its sample.");
        html.keyValues("Summary (summary.tsv)", summary);

        boolean grouped = Files.exists(cvDir.resolve("groups.tsv"));
        String name = grouped ? "all groups (concatenated)" : "out-of-fold";
        Auroc auroc = Auroc.of(s.p, s.y);
        emit(html, "ROC of the out-of-fold scores", "roc.png", plots.roc("ROC of the out-of-fold scores",
                Map.of(name, RocCurve.of(s.p, s.y)), Map.of(name, auroc)));
        emit(html, "Precision-recall of the out-of-fold scores", "precision_recall.png",
                plots.precisionRecall("Precision-recall of the out-of-fold scores",
                        Map.of(name, PrecisionRecallCurve.of(s.p, s.y)), Map.of(name, Auprc.of(s.p, s.y))));
        emit(html, "Calibration of the out-of-fold probabilities (10 quantile bins)", "calibration.png",
                plots.calibration("Calibration of the out-of-fold probabilities",
                        CalibrationCurve.of(s.p, s.y, 10, CalibrationCurve.Binning.QUANTILE), Calibration.of(s.p, s.y)));
        if (grouped) {
            Map<String, Auroc> byGroup = s.aurocByGroup();
            PooledAuroc pool = Cv.pool(byGroup, notes);
            Plot forest = pool == null ? plots.forest("AUROC by held-out group", byGroup)
                    : plots.forest("AUROC by held-out group", byGroup, pool);
            emit(html, "AUROC by held-out group with the random-effects pool", "forest.png", forest);
            html.aurocs("AUROC by group (DeLong 95% CI)", "group", byGroup);
            if (pool != null) {
                html.pooled("Random-effects pool of the groups' AUROCs", pool);
            }
            html.paragraph("The per-group AUROCs and their pool are the cross-cohort result; the AUROC of the"
                    + " concatenated scores ranks scores of different fold models together and is not.");
        }
        if (model != null) {
            ResponseModel m = ModelFiles.read(model);
            MoleculeCatalog catalog = MoleculeCatalog.builtIn();
            emit(html, "Coefficients of " + model, "coefficients.png", plots.coefficients("Coefficients",
                    "coefficient (log-odds per unit of preprocessed feature)", m, catalog));
            Path selection = cvDir.resolve("selection.tsv");
            if (Files.exists(selection)) {
                Map<String, Double> frequency = new LinkedHashMap<>();
                keyValues(selection).forEach((k, v) -> frequency.put(k, Double.parseDouble(v)));
                html.coefficients("Coefficients (log-odds per unit of preprocessed feature)", m, catalog, frequency);
            } else {
                html.coefficients("Coefficients (log-odds per unit of preprocessed feature)", m, catalog);
            }
            Map<String, Object> prov = new LinkedHashMap<>();
            prov.put("model file", model.toString());
            prov.put("gutsignal", m.provenance().libraryVersion());
            prov.put("training samples", m.provenance().trainingSamples());
            prov.put("training checksum", m.provenance().trainingChecksum());
            prov.put("seed", m.provenance().seed());
            prov.put("lambda", m.lambda());
            prov.put("alpha", m.alpha());
            html.keyValues("Model provenance", prov);
        }
        html.write(out);
        if (notes != null) {
            notes.println("wrote " + out);
        }
        return 0;
    }

    private void emit(HtmlReport html, String caption, String file, Plot plot) throws IOException {
        plot.write(out.resolveSibling(file));
        html.image(caption, plot);
    }

    /** A two-column file with a header as a map of its first to its second column, in file order. */
    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        DelimitedText.read(file, (cells, line) -> {
            if (line > 1 && cells.size() >= 2) {
                m.put(cells.get(0), cells.get(1));
            }
        });
        return m;
    }

    /** The out-of-fold scores of oof_scores.tsv: each tested sample's mean over repeats, its label and group. */
    static final class Scores {
        double[] p;
        int[] y;
        String[] groups;

        /**
         * Reads the file; the mean over repeats is summed in file (repeat) order, as
         * {@code CvResult.meanOutOfFold()} sums, so the numbers are the same doubles.
         */
        static Scores read(Path file) throws IOException {
            List<String> header = List.of("sample_id", "group", "label", "repeat", "score");
            Map<String, double[]> sums = new LinkedHashMap<>(); // sum, count
            Map<String, Integer> labels = new LinkedHashMap<>();
            Map<String, String> groups = new LinkedHashMap<>();
            List<CohortFormatException> errors = new ArrayList<>();
            DelimitedText.read(file, (cells, line) -> {
                if (!errors.isEmpty()) {
                    return;
                }
                if (line == 1 || cells.equals(header)) {
                    if (!cells.equals(header)) {
                        errors.add(CohortFormatException.atLine(file.toString(), line,
                                "expected the header " + String.join(" ", header) + " of 'gutsignal cv'"));
                    }
                    return;
                }
                if (cells.size() != header.size()) {
                    errors.add(CohortFormatException.atLine(file.toString(), line, "expected " + header.size()
                            + " cells but found " + cells.size()));
                    return;
                }
                String id = cells.get(0);
                int label;
                double score;
                if (cells.get(2).equals("0") || cells.get(2).equals("1")) {
                    label = Integer.parseInt(cells.get(2));
                } else {
                    errors.add(CohortFormatException.at(file.toString(), line, 3, "label", "expected 0 or 1 but found '"
                            + cells.get(2) + "'"));
                    return;
                }
                try {
                    score = cells.get(4).equals("NA") ? Double.NaN : Double.parseDouble(cells.get(4));
                } catch (NumberFormatException e) {
                    errors.add(CohortFormatException.at(file.toString(), line, 5, "score", "expected a number or NA"
                            + " but found '" + cells.get(4) + "'"));
                    return;
                }
                labels.put(id, label);
                groups.put(id, cells.get(1));
                double[] sc = sums.computeIfAbsent(id, k -> new double[2]);
                if (!Double.isNaN(score)) {
                    sc[0] += score;
                    sc[1]++;
                }
            });
            if (!errors.isEmpty()) {
                throw errors.get(0);
            }
            Scores s = new Scores();
            List<String> tested = sums.keySet().stream().filter(id -> sums.get(id)[1] > 0).toList();
            s.p = new double[tested.size()];
            s.y = new int[tested.size()];
            s.groups = new String[tested.size()];
            for (int k = 0; k < tested.size(); k++) {
                double[] sc = sums.get(tested.get(k));
                s.p[k] = sc[0] / sc[1];
                s.y[k] = labels.get(tested.get(k));
                s.groups[k] = groups.get(tested.get(k));
            }
            if (s.p.length == 0) {
                throw CohortFormatException.inFile(file.toString(), "no sample has a score");
            }
            return s;
        }

        /** The AUROC within each group holding both classes, in group-name order (as {@code CvResult.aurocByGroup}). */
        Map<String, Auroc> aurocByGroup() {
            Map<String, List<Integer>> members = new TreeMap<>();
            for (int i = 0; i < groups.length; i++) {
                members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
            }
            Map<String, Auroc> out = new LinkedHashMap<>();
            members.forEach((g, idx) -> {
                double[] sc = idx.stream().mapToDouble(i -> p[i]).toArray();
                int[] lab = idx.stream().mapToInt(i -> y[i]).toArray();
                int pos = Arrays.stream(lab).sum();
                if (pos > 0 && pos < lab.length) {
                    out.put(g, Auroc.of(sc, lab));
                }
            });
            return out;
        }
    }
}
