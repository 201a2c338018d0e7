package org.gutsignal.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.io.ResponseMapping;
import org.gutsignal.model.LogisticPath;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.model.Scores;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;
import org.gutsignal.synth.SyntheticCohort;
import org.gutsignal.transform.MissingFeaturePolicy;

/**
 * Cross-cohort validation the way a reviewer wants it, on the bundled data.
 *
 * <ol>
 *   <li><b>Real: Lee et al. 2022</b> (164 melanoma patients, four subcohorts). Leave one
 *       subcohort out for a species model and for HMBPP capacity from species: the per-subcohort
 *       AUROC with its DeLong CI is the result; their random-effects (REML) pool with its 95%
 *       prediction interval is the summary; the AUROC of concatenated out-of-fold scores is shown
 *       labelled for what it is; folds whose model selected nothing are named; the species the
 *       fold models select most often are listed with their selection frequency.</li>
 *   <li><b>Scoring-time coverage</b>: the species model trained on all of Lee 2022 scored on
 *       another cohort (the synthetic one, whose species pool overlaps only in part): refused by
 *       default, and with {@code fillZero(0.5)} scored with the coverage printed.</li>
 *   <li><b>Synthetic sites</b> (800 patients, five sites with their own dominant species): leave
 *       one site out for the molecule model and the species model, each pooled the same way,
 *       then both trained on all sites and scored on the 147-patient validation site.</li>
 * </ol>
 * It ends with a reading of the numbers. Other public ICI cohorts (Frankel 2017, Matson 2018,
 * Gopalakrishnan 2018) are not bundled: see the README.
 *
 * <p>Run from the repository root (seconds):
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.gutsignal.examples.CrossCohort
 * </pre>
 */
public final class CrossCohort {

    static final Path LEE = Path.of("testdata", "lee2022");

    private CrossCohort() {
    }

    public static void main(String[] args) throws Exception {
        run(LEE, SyntheticData.DIR, System.out, 2);
    }

    /** What the run found, for the closing paragraph and for tests. */
    record Findings(PooledAuroc leeSpecies, PooledAuroc leeHmbpp, PooledAuroc synthMolecules,
            PooledAuroc synthSpecies, Auroc validationMolecules, Auroc validationSpecies, Scores.Coverage coverage,
            String refusal) {
    }

    static Findings run(Path lee, Path synthetic, PrintStream out, int threads) throws Exception {
        // 1. Lee 2022, leave one subcohort out
        FeatureTable leeTable = FeatureTableReader.metaphlan().read(lee.resolve("species_relab.tsv"));
        SampleMetadata leeMeta = MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO)
                .withGroupColumn("subcohort").read(lee.resolve("metadata.tsv"));
        Cohort species = Cohort.join(leeTable, leeMeta, JoinPolicy.LENIENT, "species_relab.tsv", "metadata.tsv")
                .labelled();
        FeatureTable leeHmbpp = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(TraitTable.builtInHmbpp())
                .profileSpecies(species.features()).capacities().selectFeatures(List.of("HMBPP"));
        Cohort hmbpp = species.withFeatures(leeHmbpp);
        CrossValidation logo = CrossValidation.of(Splitters.leaveOneGroupOut()).withThreads(threads);
        CvResult<ResponseModel> speciesCv = logo.run(Trainers.species()::fit, species);
        CvResult<ResponseModel> hmbppCv = logo.run(Trainers.hmbpp()::fit, hmbpp);
        out.printf("1. Lee 2022 melanoma (real; %d labelled patients), leave one subcohort out%n",
                species.sampleCount());
        table(species, speciesCv, "species", hmbppCv, "HMBPP (species × genus traits)", out);
        out.println("   species selected most often by the fold models (share of folds):");
        Map<String, Double> frequency = CvResult.selectionFrequency(speciesCv.predictors());
        frequency.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.printf("     %-44s %.2f%n", e.getKey(), e.getValue()));

        // 2. scoring-time coverage on another cohort
        ResponseModel leeModel = Trainers.species().fit(species);
        SyntheticData synth = SyntheticData.load(synthetic);
        out.printf("%n2. The species model trained on all of Lee 2022, scored on another cohort (synthetic species)%n");
        if (nonZero(leeModel) < 10) {
            // the λ chosen by inner CV keeps almost no species; to show what coverage reports, take the largest λ
            // of the path that keeps at least ten
            LogisticPath path = Trainers.species().path(species);
            int k = 0;
            while (k < path.size() - 1 && nonZero(path.coefficients(k)) < 10) {
                k++;
            }
            leeModel = LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(Trainers.SEED)
                    .withPreprocessing(Trainers.species().preprocessing()).withLambdas(new double[] {path.lambda(k)})
                    .fit(species);
            out.printf("   (the inner-CV λ keeps %d species; shown instead at λ = %.4g, the largest that keeps %d)%n",
                    nonZero(Trainers.species().fit(species)), path.lambda(k), nonZero(leeModel));
        }
        String refusal;
        try {
            leeModel.score(synth.species().features());
            refusal = "(scored: nothing missing)";
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage();
        }
        out.println("   default: refused — " + firstSentence(refusal));
        Scores.Coverage coverage = null;
        try {
            Scores s = leeModel.withMissingFeatures(MissingFeaturePolicy.fillZero(0.5))
                    .scoreWithCoverage(synth.species().features());
            coverage = s.coverage();
            out.printf("   fillZero(0.5): %d of %d model inputs absent, carrying %.1f%% of the linear-predictor variance;"
                    + " unit %s; %d samples with no model species; AUROC %s%n", coverage.absentFeatures().size(),
                    coverage.absentFeatures().size() + coverage.presentFeatures().size(),
                    100 * coverage.absentVarianceShare(), coverage.unitCheck().outcome(), coverage.zeroTotalSamples(),
                    Print.auroc(Auroc.of(s.probabilities(), synth.species().labels())));
        } catch (IllegalArgumentException e) {
            out.println("   fillZero(0.5): refused — " + firstSentence(e.getMessage()));
        }

        // 3. synthetic sites, leave one site out, then the validation site
        CvResult<ResponseModel> molCv = logo.run(Trainers.molecules()::fit, synth.molecules());
        CvResult<ResponseModel> spCv = logo.run(Trainers.species()::fit, synth.species());
        out.printf("%n3. Synthetic cohort (%d patients, five sites), leave one site out%n",
                synth.molecules().sampleCount());
        table(synth.molecules(), molCv, "molecules", spCv, "species", out);
        SyntheticData all = SyntheticData.loadAll(synthetic);
        Cohort valMol = all.molecules().group(SyntheticCohort.VALIDATION_GROUP).labelled();
        Cohort valSp = all.species().group(SyntheticCohort.VALIDATION_GROUP).labelled();
        Auroc vm = Auroc.of(Trainers.molecules().fit(synth.molecules()).score(valMol.features()), valMol.labels());
        Auroc vs = Auroc.of(Trainers.species().fit(synth.species()).score(valSp.features()), valSp.labels());
        out.printf("   trained on all five sites, scored on the validation site (n=%d): molecules %s, species %s%n",
                valMol.sampleCount(), Print.auroc(vm), Print.auroc(vs));

        Findings f = new Findings(pool(speciesCv), pool(hmbppCv), pool(molCv), pool(spCv), vm, vs, coverage, refusal);
        out.printf("%nReading%n%s%n", reading(f));
        return f;
    }

    private static PooledAuroc pool(CvResult<ResponseModel> cv) {
        try {
            return cv.pooledByGroup();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Per-group AUROCs of two models side by side, their pools, the concatenated AUROC labelled, degenerate folds. */
    private static void table(Cohort cohort, CvResult<ResponseModel> a, String aName, CvResult<ResponseModel> b,
            String bName, PrintStream out) {
        Map<String, Auroc> ga = a.aurocByGroup();
        Map<String, Auroc> gb = b.aurocByGroup();
        out.printf("   %-12s %4s %5s   %-30s %-30s%n", "held out", "n", "resp", aName + " AUROC [95% CI]",
                bName.length() > 28 ? bName.substring(0, bName.indexOf(' ')) + " AUROC [95% CI]" : bName
                        + " AUROC [95% CI]");
        for (String g : ga.keySet()) {
            Cohort c = cohort.group(g);
            int responders = 0;
            for (int y : c.labels()) {
                responders += y;
            }
            out.printf("   %-12s %4d %5d   %-30s %-30s%n", g, c.sampleCount(), responders, Print.auroc(ga.get(g)),
                    Print.auroc(gb.get(g)));
        }
        Print.pools(25, a, aName, b, bName, out);
        out.printf("   %-22s%-30s %-30s%n", "concatenated (n=" + cohort.sampleCount() + ")*",
                Print.auroc(a.aurocConcatenated()), Print.auroc(b.aurocConcatenated()));
        out.println("   * all out-of-fold scores ranked together although they come from fold models with different"
                + " intercepts: not a cross-cohort estimate");
        out.print(Print.degenerateFolds(aName, a) + Print.degenerateFolds(bName, b));
    }

    private static int nonZero(ResponseModel m) {
        return nonZero(m.coefficients());
    }

    private static int nonZero(double[] beta) {
        int n = 0;
        for (double b : beta) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }

    private static String firstSentence(String message) {
        int cut = message.indexOf(" (");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** The closing paragraph, written from the numbers. */
    static String reading(Findings f) {
        StringBuilder s = new StringBuilder();
        s.append(describe("On the real Lee 2022 subcohorts the species model", f.leeSpecies())).append("; ")
                .append(describe("HMBPP capacity estimated from species with the genus-level trait table",
                        f.leeHmbpp()))
                .append(". Neither is evidence that these predictors carry from one melanoma cohort to another:"
                        + " species profiles alone are not enough, which is why gutsignal profiles function from gene"
                        + " (KO) or pathway tables where they exist.");
        if (f.coverage() != null) {
            s.append(String.format(" Scored on a cohort with another species pool, %d of the Lee model's %d inputs"
                    + " were missing, carrying %.0f%% of its linear-predictor variance: gutsignal refuses such a score"
                    + " unless the missing share is accepted explicitly, and then reports it.",
                    f.coverage().absentFeatures().size(),
                    f.coverage().absentFeatures().size() + f.coverage().presentFeatures().size(),
                    100 * f.coverage().absentVarianceShare()));
        }
        s.append(" On the synthetic sites, where the truth is known, ")
                .append(describe("the molecule model", f.synthMolecules())).append(" and ")
                .append(describe("the species model", f.synthSpecies()))
                .append(String.format("; on the untouched validation site the molecule model reaches %.2f against %s"
                        + " for species: function carries across sites, species do not, as the design intends.",
                        f.validationMolecules().value(), f.validationSpecies().isDegenerate() ? "a degenerate model"
                                : String.format("%.2f", f.validationSpecies().value())));
        return s.toString().replaceAll("(.{1,100})(\\s|$)", "  $1\n").stripTrailing();
    }

    private static String describe(String what, PooledAuroc p) {
        if (p == null) {
            return what + " could not be pooled (fewer than two groups with a usable AUROC)";
        }
        return String.format("%s pools to %.2f (95%% CI %.2f–%.2f; a new cohort's AUROC would fall in %.2f–%.2f%s)",
                what, p.estimate(), p.ci95().lower(), p.ci95().upper(), p.predictionInterval95().lower(),
                p.predictionInterval95().upper(), p.excluded().isEmpty() ? ""
                        : "; " + p.k() + " of " + (p.k() + p.excluded().size()) + " groups, the others degenerate");
    }
}
