package org.gutsignal.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.RocCurve;
import org.gutsignal.cohort.Splitter;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.report.Plots;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;

/**
 * Function versus species: does a model on six molecule capacities (what the bacteria can
 * make) transfer across sites better than a model on ~160 species abundances (who is there)?
 *
 * <p>On the synthetic cohort's 800 training patients (five sites; the {@code validation} site
 * is not used) it cross-validates two elastic-net models (α = 0.5) on the same samples:
 * <ul>
 * <li><b>molecules</b>: capacities profiled from {@code ko.tsv} with the built-in catalog,
 * preprocessed {@code ln(x + 1)} then standardised;</li>
 * <li><b>species</b>: {@code species.tsv}, preprocessed by total-sum scaling to fractions,
 * a prevalence filter (present in ≥ 10% of the training samples), {@code log10(x + 1e-5)}
 * and standardisation.</li>
 * </ul>
 * Every preprocessing step is fitted inside each training fold. It prints leave-one-site-out
 * AUROCs with DeLong 95% intervals per held-out site, the pooled AUROC of the out-of-fold
 * scores with a paired DeLong test between the two models, the same for stratified 10-fold
 * cross-validation repeated 5 times, and a verdict; it draws the leave-one-site-out ROC curves of
 * both models to {@code out/function-vs-species/roc-leave-one-site-out.png}.
 *
 * <p>Run from the repository root (about a minute on two cores):
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.gutsignal.examples.FunctionVersusSpecies
 * </pre>
 */
public final class FunctionVersusSpecies {

    /** Where the ROC plot is written, relative to the working directory. */
    static final Path OUT = Path.of("out", "function-vs-species");

    /** Seed of the splits. */
    static final long SEED = Trainers.SEED;

    private FunctionVersusSpecies() {
    }

    /**
     * Both models cross-validated on the same splits.
     *
     * @param molecules the molecule cross-validation
     * @param species   the species cross-validation, same samples in the same order
     * @param groups    each sample's site
     */
    record Comparison(CvResult<ResponseModel> molecules, CvResult<ResponseModel> species, List<String> groups) {

        /** Paired DeLong test (molecules − species) on the mean out-of-fold scores of one group, or all if null. */
        Auroc.Comparison delong(String group) {
            return Scores.delong(molecules.meanOutOfFold(), species.meanOutOfFold(), molecules.labels(),
                    groups, group);
        }
    }

    /** Runs both models with the same splitter on the same samples. */
    static Comparison compare(SyntheticData data, Splitter splitter, int threads, LogisticTrainer molecule,
            LogisticTrainer species) {
        CrossValidation cv = CrossValidation.of(splitter).withThreads(threads);
        return new Comparison(cv.run(molecule::fit, data.molecules()), cv.run(species::fit, data.species()),
                data.molecules().metadata().groups());
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        SyntheticData data = SyntheticData.load();
        CohortSummary.print("Synthetic training cohort (molecules)", data.molecules(), out);
        out.printf("Species table: %d species; molecule table: %s%n%n", data.species().features().featureCount(),
                data.molecules().features().featureNames());

        Comparison logo = compare(data, Splitters.leaveOneGroupOut(), 2, Trainers.molecules(), Trainers.species());
        out.println("Leave-one-site-out: train on four sites, test on the held-out one");
        printSites(logo, data.molecules(), out);

        Comparison kfold = compare(data, Splitters.repeatedStratifiedKFold(10, 5, SEED), 2, Trainers.molecules(),
                Trainers.species());
        out.println();
        out.println("Stratified 10-fold CV × 5 repeats (AUROC of each sample's mean out-of-fold score)");
        printPooled(kfold, out);

        out.println();
        out.println(verdict(logo, kfold));

        Path roc = OUT.resolve("roc-leave-one-site-out.png");
        Map<String, RocCurve> curves = new LinkedHashMap<>();
        curves.put("molecules", RocCurve.of(logo.molecules().meanOutOfFold(), logo.molecules().labels()));
        curves.put("species", RocCurve.of(logo.species().meanOutOfFold(), logo.species().labels()));
        Plots.withDefaults().roc("Leave-one-site-out ROC (synthetic; all out-of-fold scores concatenated)", curves,
                Map.of("molecules", logo.molecules().aurocConcatenated(), "species", logo.species().aurocConcatenated()))
                .write(roc);
        out.println("ROC plot: " + roc.toAbsolutePath());
    }

    static void printSites(Comparison c, Cohort cohort, PrintStream out) {
        Map<String, Auroc> mol = c.molecules().aurocByGroup();
        Map<String, Auroc> spe = c.species().aurocByGroup();
        out.printf("  %-8s %5s %5s   %-28s %-28s %7s %9s%n", "held out", "n", "resp", "molecules AUROC [95% CI]",
                "species AUROC [95% CI]", "Δ", "DeLong p");
        for (String site : mol.keySet()) {
            Cohort g = cohort.group(site);
            Auroc.Comparison d = c.delong(site);
            out.printf("  %-8s %5d %5d   %-28s %-28s %+7.3f %9s%n", site, g.sampleCount(), count(g.labels()),
                    Print.auroc(mol.get(site)), Print.auroc(spe.get(site)), d.aurocA() - d.aurocB(), Print.p(d.pValue()));
        }
        Print.pools(25, c.molecules(), "molecules", c.species(), "species", out);
        Auroc.Comparison d = c.delong(null);
        out.printf("  %-22s %-28s %-28s %+7.3f %9s%n", "concatenated (n=" + cohort.sampleCount() + ")",
                Print.auroc(c.molecules().aurocConcatenated()), Print.auroc(c.species().aurocConcatenated()),
                d.aurocA() - d.aurocB(), Print.p(d.pValue()));
        out.println("  per-site AUROCs are the result; the random-effects (REML) pool summarises them (95% PI: a new"
                + " site);\n  'concatenated' ranks all out-of-fold scores together, from models with different"
                + " intercepts: not a cross-site estimate");
        out.print(Print.degenerateFolds("molecules", c.molecules()) + Print.degenerateFolds("species", c.species()));
        out.println(selected(c));
    }

    /** How many coefficients the folds' models kept: a constant (intercept-only) model scores AUROC 0.5 exactly. */
    static String selected(Comparison c) {
        return String.format("  non-zero coefficients per fold (mean): molecules %.1f of %d, species %.1f of %d",
                meanNonZero(c.molecules()), c.molecules().predictors().get(0).featureNames().size(),
                meanNonZero(c.species()), c.species().predictors().get(0).inputFeatures().size());
    }

    private static double meanNonZero(CvResult<ResponseModel> r) {
        double sum = 0;
        for (ResponseModel m : r.predictors()) {
            for (double b : m.coefficients()) {
                sum += b != 0 ? 1 : 0;
            }
        }
        return sum / r.predictors().size();
    }

    static void printPooled(Comparison c, PrintStream out) {
        Auroc.Comparison d = c.delong(null);
        out.printf("  %-10s %-24s %s%n", "model", "AUROC [95% CI]", "AUROC per repeat");
        out.printf("  %-10s %-24s %s%n", "molecules", Print.auroc(c.molecules().aurocConcatenated()),
                Print.values(c.molecules().aurocPerRepeat()));
        out.printf("  %-10s %-24s %s%n", "species", Print.auroc(c.species().aurocConcatenated()),
                Print.values(c.species().aurocPerRepeat()));
        out.printf("  paired DeLong test: Δ = %+.3f, z = %.2f, p = %s%n", d.aurocA() - d.aurocB(), d.z(),
                Print.p(d.pValue()));
        out.println(selected(c));
    }

    static String verdict(Comparison logo, Comparison kfold) {
        Auroc.Comparison across = logo.delong(null);
        Auroc.Comparison within = kfold.delong(null);
        return String.format("Verdict: across sites the molecule model %s the species model (AUROC of concatenated out-of-fold scores"
                + " %.3f vs %.3f, "
                + "DeLong p = %s); within sites (10-fold) %s (%.3f vs %.3f, p = %s).", judge(across), across.aurocA(),
                across.aurocB(), Print.p(across.pValue()), judge(within), within.aurocA(), within.aurocB(),
                Print.p(within.pValue()));
    }

    private static String judge(Auroc.Comparison c) {
        if (!(c.pValue() < 0.05)) {
            return "is not distinguishable from";
        }
        return c.aurocA() > c.aurocB() ? "beats" : "loses to";
    }

    private static int count(int[] labels) {
        int s = 0;
        for (int y : labels) {
            s += y;
        }
        return s;
    }
}
