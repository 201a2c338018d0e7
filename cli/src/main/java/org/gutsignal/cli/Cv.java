package org.gutsignal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.Splitter;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.eval.Auprc;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.BrierScore;
import org.gutsignal.eval.Calibration;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.LogLoss;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.io.ReadReport;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.report.CsvTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gutsignal cv}: leak-free {@link CrossValidation} of the response model with one of the
 * {@link Splitters}, written as tidy TSV files that {@code gutsignal report} reads back.
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = {"Cross-validates the response model: the whole pipeline (preprocessing, model, inner λ"
            + " selection) is fitted on each training fold only. Writes oof_scores.tsv, folds.tsv, summary.tsv and"
            + " selection.tsv into DIR, and for grouped splits groups.tsv and pooled.tsv (per-group AUROC and its"
            + " random-effects pool: the cross-cohort result).", "The same --seed writes byte-identical files."})
final class Cv implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The feature table (e.g. molecule capacities).")
    Path table;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--split", defaultValue = "kfold", paramLabel = "SPLIT",
            description = "kfold or kfold:K (stratified, K = 10), repeated:K:R (R times stratified K-fold),"
                    + " group-kfold:K (whole groups), logo (leave one group out: cross-cohort), holdout:GROUP[,GROUP]"
                    + " (default: ${DEFAULT-VALUE}). Groups come from the metadata's group column.")
    String split;

    @Mixin
    TableInput input;

    @Mixin
    MetadataInput metadata;

    @Mixin
    TrainerOptions trainer;

    static final List<String> FILES = List.of("oof_scores.tsv", "folds.tsv", "groups.tsv", "pooled.tsv", "summary.tsv",
            "selection.tsv");

    @Override
    public Integer call() throws Exception {
        List<Path> outputs = FILES.stream().map(out::resolve).toList();
        OutputFiles.refuseInputs(outputs, Arrays.asList(table, metadata.file));
        Splitter splitter = splitter(split, trainer.seed);
        boolean grouped = !split.toLowerCase(Locale.ROOT).startsWith("kfold")
                && !split.toLowerCase(Locale.ROOT).startsWith("repeated");
        PrintStream notes = main.quiet ? null : main.err;
        ReadReport r = input.read(table);
        Cohort c = metadata.join(r.table(), table.toString(), notes);
        LogisticTrainer t = trainer.trainer(c.features(), 1);
        CvResult<ResponseModel> cv;
        try (Progress progress = Progress.of(notes, "cv")) {
            cv = CrossValidation.of(splitter).withThreads(trainer.threads).withListener(progress::foldDone)
                    .run(t::fit, c);
        }
        Set<String> unpenalized = trainer.unpenalizedSet();
        // the result holds the labelled samples in cohort order, as Cohort.labelled() does
        Cohort labelled = c.labelled();
        if (!labelled.sampleIds().equals(cv.sampleIds())) {
            throw new IllegalStateException("the cross-validation's samples are not the cohort's labelled samples");
        }
        writeScores(out.resolve("oof_scores.tsv"), cv, labelled.metadata().groups());
        writeFolds(out.resolve("folds.tsv"), cv, unpenalized);
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("split", split);
        summary.put("seed", Long.toString(trainer.seed));
        summary.put("samples", Integer.toString(cv.sampleIds().size()));
        summary.put("responders", Integer.toString(Arrays.stream(cv.labels()).sum()));
        summary.put("folds", Integer.toString(cv.splits().size()));
        summary.put("repeats", Integer.toString(cv.repeatCount()));
        summary.put("degenerate_folds", Long.toString(degenerate(cv, unpenalized).stream().filter(b -> b).count()));
        if (grouped) {
            Map<String, Auroc> byGroup = cv.aurocByGroup();
            writeGroups(out.resolve("groups.tsv"), byGroup);
            PooledAuroc pool = pool(byGroup, notes);
            if (pool != null) {
                writePooled(out.resolve("pooled.tsv"), pool);
                summary.put("auroc_pooled", fmt(pool.estimate()));
                summary.put("auroc_pooled_ci_lower", fmt(pool.ci95().lower()));
                summary.put("auroc_pooled_ci_upper", fmt(pool.ci95().upper()));
                summary.put("auroc_pooled_pi_lower", fmt(pool.predictionInterval95().lower()));
                summary.put("auroc_pooled_pi_upper", fmt(pool.predictionInterval95().upper()));
            }
        }
        addScoreSummary(summary, cv);
        CsvTables.write(out.resolve("summary.tsv"), List.of("key", "value"),
                summary.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        Map<String, Double> frequency = CvResult.selectionFrequency(cv.predictors());
        CsvTables.write(out.resolve("selection.tsv"), List.of("feature", "selection_frequency"),
                frequency.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        main.err.printf("%s: AUROC of concatenated out-of-fold scores %s%s; wrote %s%n", split,
                summary.get("auroc_concatenated"), summary.containsKey("auroc_pooled")
                        ? ", pooled over groups " + summary.get("auroc_pooled") : "", out);
        return 0;
    }

    /** The splitter a {@code --split} value names. */
    static Splitter splitter(String spec, long seed) {
        String[] p = spec.toLowerCase(Locale.ROOT).split(":", -1);
        try {
            switch (p[0]) {
                case "kfold":
                    if (p.length <= 2) {
                        return Splitters.stratifiedKFold(p.length == 2 ? Integer.parseInt(p[1]) : 10, seed);
                    }
                    break;
                case "repeated":
                    if (p.length == 3) {
                        return Splitters.repeatedStratifiedKFold(Integer.parseInt(p[1]), Integer.parseInt(p[2]), seed);
                    }
                    break;
                case "group-kfold":
                    if (p.length == 2) {
                        return Splitters.groupKFold(Integer.parseInt(p[1]), seed);
                    }
                    break;
                case "logo":
                    if (p.length == 1) {
                        return Splitters.leaveOneGroupOut();
                    }
                    break;
                case "holdout":
                    if (p.length == 2 && !p[1].isEmpty()) {
                        // group names keep their case
                        return Splitters.groupHoldout(spec.substring(spec.indexOf(':') + 1).split(","));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--split must be kfold[:K], repeated:K:R, group-kfold:K, logo or"
                + " holdout:GROUP[,GROUP] but is '" + spec + "'");
    }

    /** sample_id, group, label, repeat, score: one row per sample and repeat (NA where untested). */
    private static void writeScores(Path file, CvResult<ResponseModel> cv, List<String> groups)
            throws java.io.IOException {
        List<List<?>> rows = new ArrayList<>();
        int[] y = cv.labels();
        for (int rep = 0; rep < cv.repeatCount(); rep++) {
            double[] s = cv.outOfFold(rep);
            for (int i = 0; i < s.length; i++) {
                rows.add(List.of(cv.sampleIds().get(i), groups.get(i), y[i], rep, s[i]));
            }
        }
        CsvTables.write(file, List.of("sample_id", "group", "label", "repeat", "score"), rows);
    }

    /** Whether each fold is degenerate: constant test scores, or no penalised feature selected. */
    private static List<Boolean> degenerate(CvResult<ResponseModel> cv, Set<String> unpenalized) {
        List<CvResult.Fold> interceptOnly = cv.interceptOnlyFolds(unpenalized);
        return cv.folds().stream().map(f -> f.constantScores() || interceptOnly.contains(f)).toList();
    }

    /** repeat, fold, held_out_groups, n_test, auroc, degenerate, intercept_only. */
    private static void writeFolds(Path file, CvResult<ResponseModel> cv, Set<String> unpenalized)
            throws java.io.IOException {
        List<CvResult.Fold> interceptOnly = cv.interceptOnlyFolds(unpenalized);
        List<List<?>> rows = new ArrayList<>();
        for (CvResult.Fold f : cv.folds()) {
            boolean io = interceptOnly.contains(f);
            rows.add(List.of(f.split().repeat(), f.split().fold(), String.join(",", f.split().heldOutGroups()),
                    f.tested(), f.auroc(), OutputFiles.bool(f.constantScores() || io), OutputFiles.bool(io)));
        }
        CsvTables.write(file, List.of("repeat", "fold", "held_out_groups", "n_test", "auroc", "degenerate",
                "intercept_only"), rows);
    }

    /** group, n, responders, auroc, ci_lower, ci_upper, degenerate: {@link CvResult#aurocByGroup()}. */
    private static void writeGroups(Path file, Map<String, Auroc> byGroup) throws java.io.IOException {
        List<List<?>> rows = new ArrayList<>();
        byGroup.forEach((g, a) -> {
            ConfidenceInterval ci = a.ci95();
            rows.add(List.of(g, a.positives() + a.negatives(), a.positives(), a.isDegenerate() ? Double.NaN : a.value(),
                    ci.lower(), ci.upper(), OutputFiles.bool(a.isDegenerate())));
        });
        CsvTables.write(file, List.of("group", "n", "responders", "auroc", "ci_lower", "ci_upper", "degenerate"), rows);
    }

    /** The REML pool of the groups' AUROCs, or null (with a note) if fewer than two can be pooled. */
    static PooledAuroc pool(Map<String, Auroc> byGroup, PrintStream notes) {
        try {
            return PooledAuroc.of(byGroup);
        } catch (IllegalArgumentException e) {
            if (notes != null) {
                notes.println("no pooled AUROC: " + e.getMessage());
            }
            return null;
        }
    }

    /** method, k, estimate, ci_lower, ci_upper, pi_lower, pi_upper, tau2, i2, q, q_p, excluded. */
    private static void writePooled(Path file, PooledAuroc pool) throws java.io.IOException {
        List<String> excluded = new ArrayList<>();
        pool.excluded().forEach((g, why) -> excluded.add(g + ": " + why));
        ConfidenceInterval ci = pool.ci95();
        ConfidenceInterval pi = pool.predictionInterval95();
        CsvTables.write(file, List.of("method", "k", "estimate", "ci_lower", "ci_upper", "pi_lower", "pi_upper", "tau2",
                "i2", "q", "q_p", "excluded"), List.of(List.of(pool.method().label(), pool.k(), pool.estimate(),
                ci.lower(), ci.upper(), pi.lower(), pi.upper(), pool.tau2(), pool.i2(), pool.q(), pool.qPValue(),
                String.join("; ", excluded))));
    }

    /** Metrics of the mean out-of-fold scores of the tested samples, ranked together. */
    private static void addScoreSummary(Map<String, String> summary, CvResult<ResponseModel> cv) {
        double[] mean = cv.meanOutOfFold();
        int[] labels = cv.labels();
        int n = 0;
        for (double v : mean) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0, k = 0; i < mean.length; i++) {
            if (!Double.isNaN(mean[i])) {
                p[k] = mean[i];
                y[k++] = labels[i];
            }
        }
        summary.put("tested_samples", Integer.toString(n));
        Auroc auc = cv.aurocConcatenated();
        summary.put("auroc_concatenated", auc.isDegenerate() ? "NA" : fmt(auc.value()));
        summary.put("auroc_concatenated_ci_lower", fmt(auc.ci95().lower()));
        summary.put("auroc_concatenated_ci_upper", fmt(auc.ci95().upper()));
        Auprc auprc = Auprc.of(p, y);
        summary.put("auprc", fmt(auprc.value()));
        summary.put("auprc_baseline", fmt(auprc.baseline()));
        summary.put("brier", fmt(BrierScore.of(p, y).value()));
        summary.put("log_loss", fmt(LogLoss.of(p, y).value()));
        Calibration cal = Calibration.of(p, y);
        summary.put("calibration_slope", fmt(cal.slope()));
        summary.put("calibration_intercept", fmt(cal.intercept()));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NA" : org.gutsignal.io.DelimitedText.format(v);
    }
}
