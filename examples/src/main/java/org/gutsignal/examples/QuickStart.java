package org.gutsignal.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.BrierScore;
import org.gutsignal.eval.Calibration;
import org.gutsignal.eval.CalibrationCurve;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.io.ResponseMapping;
import org.gutsignal.model.LogisticFit;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.Molecule;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;
import org.gutsignal.synth.SyntheticCohort;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;

/**
 * QuickStart: the README's main job, the whole analysis on the bundled data in seconds.
 *
 * <ol>
 *   <li>Loads the 800-patient synthetic cohort (5 sites + a 147-patient validation site) from
 *       {@code testdata/synthetic} and the real Lee 2022 melanoma cohort from {@code testdata/lee2022},
 *       and prints a summary of each.</li>
 *   <li>Profiles molecule capacities from the KO table with the built-in catalog (HMBPP from the MEP
 *       pathway, LPS, butyrate, bile acids, indole, TMA) and prints per-site HMBPP capacity in
 *       responders vs non-responders; for Lee 2022, HMBPP capacity from species via the trait table.</li>
 *   <li>Fits an elastic-net logistic model (ln(1+x), standardised; λ by 10-fold CV) on the 800 training
 *       patients and prints its coefficients with the molecules' expected directions.</li>
 *   <li>Runs stratified 10-fold × 5-repeat cross-validation (the whole pipeline refitted in every fold)
 *       and prints the AUROC with its DeLong 95% CI and calibration.</li>
 *   <li>Scores the 147-patient validation site and writes the model, plots and a report to {@code out/quickstart}.</li>
 * </ol>
 *
 * Run from the repository root: {@code mvn -B -q -pl examples -am compile exec:java}.
 */
public final class QuickStart {

    static final Path SYNTHETIC = Path.of("testdata", "synthetic");
    static final Path LEE = Path.of("testdata", "lee2022");
    static final long SEED = 20250101L;

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out/quickstart");
        run(out, System.out);
    }

    static void run(Path out, PrintStream o) throws IOException {
        long start = System.nanoTime();
        // 1. load
        FeatureTable species = FeatureTableReader.metaphlan().read(SYNTHETIC.resolve("species.tsv"));
        FeatureTable ko = FeatureTableReader.humann().withUnit(org.gutsignal.cohort.AbundanceUnit.CPM)
                .read(SYNTHETIC.resolve("ko.tsv"));
        SampleMetadata metadata = MetadataReader.gutsignal().read(SYNTHETIC.resolve("metadata.tsv"));
        Cohort kos = Cohort.join(ko, metadata, JoinPolicy.STRICT, "ko.tsv", "metadata.tsv");
        Cohort speciesCohort = Cohort.join(species, metadata, JoinPolicy.STRICT, "species.tsv", "metadata.tsv");
        o.printf("Loaded the synthetic cohort in %.0f ms%n", (System.nanoTime() - start) / 1e6);
        CohortSummary.print("Synthetic cohort (KO table)", kos, o);
        o.printf("  species table: %d species, KO table: %d KOs%n", species.featureCount(), ko.featureCount());

        FeatureTable leeSpecies = FeatureTableReader.metaphlan().read(LEE.resolve("species_relab.tsv"));
        SampleMetadata leeMeta = MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO)
                .withGroupColumn("subcohort").read(LEE.resolve("metadata.tsv"));
        Cohort lee = Cohort.join(leeSpecies, leeMeta, JoinPolicy.LENIENT, "species_relab.tsv", "metadata.tsv");
        o.println();
        CohortSummary.print("Lee 2022 melanoma (real, MetaPhlAn species, label ORR)", lee, o);

        // 2. profile
        MoleculeCatalog catalog = MoleculeCatalog.builtIn();
        SignallingProfile profile = SignallingProfiler.of(catalog).profileGenes(kos.features());
        Cohort molecules = kos.withFeatures(profile.capacities());
        o.println();
        o.println("Molecule capacities from the KO table (coverage = markers found / markers in the catalog):");
        profile.coverage().forEach(c -> o.printf("  %-22s %d/%d%n", c.moleculeId(), c.found(), c.total()));
        printHmbppBySite("HMBPP capacity (CPM) by site", molecules, o);

        SignallingProfile leeProfile = SignallingProfiler.of(catalog).withTraits(TraitTable.builtInHmbpp())
                .profileSpecies(lee.features());
        Cohort leeHmbpp = lee.withFeatures(leeProfile.capacities().selectFeatures(List.of("HMBPP")));
        o.printf("%nLee 2022: HMBPP capacity from species × built-in trait table; %.1f%% of abundance has a known trait%n",
                100 * leeProfile.coverage("HMBPP").orElseThrow().fraction());
        printHmbppBySite("HMBPP capacity (% of community able to make it) by subcohort", leeHmbpp, o);

        // 3. fit on the 800 training patients
        Cohort train = SyntheticData.training(molecules);
        Cohort validation = molecules.group(SyntheticCohort.VALIDATION_GROUP).labelled();
        LogisticTrainer trainer = LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(SEED)
                .withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize()));
        LogisticFit fit = trainer.train(train);
        ResponseModel model = fit.model();
        o.printf("%nElastic-net logistic model (α=0.5, λ=%.4g chosen by 10-fold CV from %d values) on %d patients%n",
                model.lambda(), fit.path().size(), train.sampleCount());
        o.printf("  %-22s %12s  %-12s %s%n", "molecule", "coefficient", "expected", "name");
        o.printf("  %-22s %12.4f%n", "(intercept)", model.intercept());
        for (Molecule m : catalog.molecules()) {
            o.printf("  %-22s %12.4f  %-12s %s%n", m.id(), model.coefficient(m.id()), m.direction().token(), m.name());
        }
        o.println("  (coefficients in log-odds per SD of ln(1 + capacity))");

        // 4. cross-validation: the whole pipeline refitted inside every training fold
        CvResult<ResponseModel> cv = CrossValidation.of(Splitters.repeatedStratifiedKFold(10, 5, SEED))
                .withThreads(Runtime.getRuntime().availableProcessors()).run(trainer::fit, train);
        Auroc cvAuc = cv.aurocConcatenated(); // k-fold within one cohort: the usual cross-validated AUROC
        double[] perRepeat = cv.aurocPerRepeat();
        double[] oof = cv.meanOutOfFold();
        int[] y = cv.labels();
        Calibration cal = Calibration.of(oof, y);
        o.printf("%nStratified 10-fold × 5-repeat cross-validation (%d fits)%n", cv.splits().size());
        o.printf("  AUROC of mean out-of-fold scores  %s%n", withCi(cvAuc));
        o.printf("  AUROC per repeat                  %s%n", java.util.Arrays.toString(round(perRepeat)));
        o.println("  AUROC by site (out-of-fold scores of each site's patients):");
        cv.aurocByGroup().forEach((site, a) -> o.printf("    %-10s %s%n", site, withCi(a)));
        PooledAuroc pool = cv.pooledByGroup();
        o.printf("    %-10s %s%n", "pooled", pool.summary());
        o.printf("  Brier score %.4f, calibration slope %.3f, intercept %.3f%n", BrierScore.of(oof, y).value(),
                cal.slope(), cal.intercept());
        o.println("  calibration (quintiles of predicted probability): predicted → observed (n)");
        for (CalibrationCurve.Bin b : CalibrationCurve.of(oof, y, 5, CalibrationCurve.Binning.QUANTILE).bins()) {
            o.printf("    %.3f → %.3f (%d)%n", b.meanPredicted(), b.fractionPositive(), b.count());
        }

        // 5. validation site
        double[] pVal = model.score(validation.features());
        Auroc valAuc = Auroc.of(pVal, validation.labels());
        o.printf("%nValidation site (%d labelled patients, never used in training): AUROC %s%n",
                validation.sampleCount(), withCi(valAuc));
        int top = 0;
        for (int i = 1; i < pVal.length; i++) {
            top = pVal[i] > pVal[top] ? i : top;
        }
        o.printf("  highest-scoring patient %s (p=%.3f), largest contributions:%n", validation.sampleIds().get(top),
                pVal[top]);
        model.explain(validation.features(), top).contributions().stream().limit(3).forEach(c -> o.printf(
                "    %-22s %+.3f%n", c.feature(), c.contribution()));

        ModelFiles.write(model, out.resolve("model.json"));
        QuickStartReport.write(out, model, catalog, cv, valAuc, pVal, validation, molecules);
        o.printf("%nWrote %s (model.json, report.html, plots, CSV tables) in %.1f s total%n", out.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
    }

    static String withCi(Auroc a) {
        if (a.isDegenerate()) {
            return Auroc.DEGENERATE;
        }
        ConfidenceInterval ci = a.ci95();
        return String.format("%.3f (95%% CI %.3f–%.3f, DeLong)", a.value(), ci.lower(), ci.upper());
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return r;
    }

    private static void printHmbppBySite(String title, Cohort c, PrintStream o) {
        FeatureTable t = c.features();
        int j = t.indexOfFeature("HMBPP");
        java.util.Map<String, double[]> sums = new java.util.TreeMap<>(); // group → {sumR, nR, sumNR, nNR}
        for (int i = 0; i < c.sampleCount(); i++) {
            Response r = c.metadata().response(i);
            if (r == Response.UNKNOWN) {
                continue;
            }
            double[] s = sums.computeIfAbsent(c.metadata().group(i), g -> new double[4]);
            int k = r == Response.RESPONDER ? 0 : 2;
            s[k] += t.get(i, j);
            s[k + 1]++;
        }
        o.println(title + ": mean in responders vs non-responders");
        o.printf("  %-12s %12s %16s %8s%n", "group", "responders", "non-responders", "ratio");
        sums.forEach((g, s) -> o.printf("  %-12s %12.2f %16.2f %8.3f%n", g, s[0] / s[1], s[2] / s[3],
                (s[0] / s[1]) / (s[2] / s[3])));
    }
}
