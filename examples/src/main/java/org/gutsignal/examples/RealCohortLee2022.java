package org.gutsignal.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.io.ResponseMapping;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.MoleculeCoverage;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;
import org.gutsignal.report.Plots;
import org.gutsignal.stats.AssociationTable;
import org.gutsignal.stats.Associations;
import org.gutsignal.stats.FeatureAssociation;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;

/**
 * A real cohort: the Lee et al. 2022 melanoma patients (Nature Medicine 28:535; 164 stool
 * metagenomes from four subcohorts, response = RECIST objective response, ORR yes/no).
 *
 * <p>It reads the MetaPhlAn species table and the curated metadata (joined on
 * {@code NCBI_accession}; the lenient join drops the one metadata row whose accession is NA and
 * prints the join report), estimates each sample's HMBPP capacity from species with the
 * built-in genus-level MEP-pathway trait table (coverage printed), and compares by
 * leave-one-subcohort-out cross-validation
 * <ul>
 * <li>a species model (fractions, prevalence ≥ 10%, {@code log10(x + 1e-5)}, standardise,
 * elastic net α = 0.5, λ by inner 10-fold CV), and</li>
 * <li>an HMBPP model: one feature, {@code ln(1 + capacity)} standardised, in a logistic
 * regression with a single tiny penalty (λ = 1e-8, practically unpenalised). The trainer accepts
 * a single feature; a single λ is used because with a λ path the inner cross-validation may
 * pick the intercept-only model, which scores every patient alike.</li>
 * </ul>
 * It prints per-subcohort AUROCs with DeLong 95% intervals, the pooled AUROC with a paired
 * DeLong test, and the univariate association table (Wilcoxon, BH q-values, SIAMCAT
 * generalised fold change) for HMBPP and the ten species with the smallest q-values. The
 * cross-cohort AUROCs published for species models on these data lie around 0.5–0.7.
 *
 * <p>Run from the repository root (a few seconds):
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.gutsignal.examples.RealCohortLee2022
 * </pre>
 */
public final class RealCohortLee2022 {

    /** The bundled copy, relative to the repository root. */
    static final Path DIR = Path.of("testdata", "lee2022");

    private RealCohortLee2022() {
    }

    public static void main(String[] args) throws Exception {
        run(DIR, System.out, 2, OUT);
    }

    /** Where main writes the forest plot, relative to the working directory. */
    static final Path OUT = Path.of("out", "lee2022");

    /** The whole analysis; prints to {@code out}. */
    static void run(Path dir, PrintStream out, int threads) throws Exception {
        run(dir, out, threads, null);
    }

    /** The whole analysis; prints to {@code out} and, unless {@code plots} is null, writes a forest plot there. */
    static void run(Path dir, PrintStream out, int threads, Path plots) throws Exception {
        FeatureTable table = FeatureTableReader.metaphlan().read(dir.resolve("species_relab.tsv"));
        SampleMetadata metadata = MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO)
                .withGroupColumn("subcohort").read(dir.resolve("metadata.tsv"));
        Cohort joined = Cohort.join(table, metadata, JoinPolicy.LENIENT, "species_relab.tsv", "metadata.tsv");
        out.println("Join report: " + joined.joinReport());
        Cohort species = joined.labelled();
        CohortSummary.print("Lee 2022 (labelled)", species, out);

        SignallingProfile profile = SignallingProfiler.of(MoleculeCatalog.builtIn())
                .withTraits(TraitTable.builtInHmbpp()).profileSpecies(species.features());
        MoleculeCoverage cov = profile.coverage("HMBPP").orElseThrow();
        out.printf("%nHMBPP from species (built-in genus MEP table): %d of %d species have a known trait, "
                + "holding %.1f%% of the summed abundance; most abundant unknown: %s%n", cov.found(), cov.total(),
                100 * cov.fraction(), cov.missing().subList(0, Math.min(5, cov.missing().size())));
        FeatureTable hmbppTable = profile.capacities().selectFeatures(List.of("HMBPP"));
        Cohort hmbpp = species.withFeatures(hmbppTable);

        CrossValidation logo = CrossValidation.of(Splitters.leaveOneGroupOut()).withThreads(threads);
        CvResult<ResponseModel> speciesCv = logo.run(Trainers.species()::fit, species);
        CvResult<ResponseModel> hmbppCv = logo.run(Trainers.hmbpp()::fit, hmbpp);
        out.printf("%nLeave-one-subcohort-out AUROC (published cross-cohort range for orientation: 0.5–0.7)%n");
        printSubcohorts(species, speciesCv, hmbppCv, out);
        if (plots != null) {
            Path forest = plots.resolve("auroc_by_subcohort_species.png");
            Map<String, Auroc> bySubcohort = speciesCv.aurocByGroup();
            Plots.withDefaults().forest("Lee 2022: species model", bySubcohort,
                    speciesCv.pooledByGroup()).write(forest);
            out.println("  forest plot: " + forest.toAbsolutePath());
        }

        out.printf("%nUnivariate associations (two-sided Wilcoxon, BH q within each table; gFC = SIAMCAT generalised"
                + " fold change of log10, pseudo-count 1e-4 %%)%n");
        Associations assoc = Associations.withDefaults().withPseudoCount(1e-4);
        AssociationTable hmbppAssoc = assoc.test(hmbppTable, species.labels());
        AssociationTable speciesAssoc = assoc.test(species.features(), species.labels());
        List<FeatureAssociation> top = new ArrayList<>(speciesAssoc.rows());
        top.sort(Comparator.comparingDouble(FeatureAssociation::qValue).thenComparingDouble(FeatureAssociation::pValue));
        out.printf("  %-44s %7s %7s %6s %7s %10s %10s%n", "feature", "p", "q", "AUROC", "gFC", "prev R", "prev NR");
        printRow(hmbppAssoc.rows().get(0), out);
        for (FeatureAssociation a : top.subList(0, Math.min(10, top.size()))) {
            printRow(a, out);
        }
        out.printf("  (%d species tested; HMBPP tested alone, so its q equals its p)%n", speciesAssoc.rows().size());
    }

    static void printSubcohorts(Cohort cohort, CvResult<ResponseModel> species, CvResult<ResponseModel> hmbpp,
            PrintStream out) {
        Map<String, Auroc> s = species.aurocByGroup();
        Map<String, Auroc> h = hmbpp.aurocByGroup();
        List<String> groups = cohort.metadata().groups();
        out.printf("  %-10s %4s %5s   %-28s %-28s %7s %9s%n", "held out", "n", "resp", "species AUROC [95% CI]",
                "HMBPP AUROC [95% CI]", "Δ", "DeLong p");
        for (String g : s.keySet()) {
            Cohort c = cohort.group(g);
            Auroc.Comparison d = Scores.delong(hmbpp.meanOutOfFold(), species.meanOutOfFold(), cohort.labels(), groups, g);
            out.printf("  %-10s %4d %5d   %-28s %-28s %+7.3f %9s%n", g, c.sampleCount(), sum(c.labels()),
                    Print.auroc(s.get(g)), Print.auroc(h.get(g)), d.aurocA() - d.aurocB(), Print.p(d.pValue()));
        }
        Print.pools(26, species, "species", hmbpp, "HMBPP", out);
        Auroc.Comparison d = Scores.delong(hmbpp.meanOutOfFold(), species.meanOutOfFold(), cohort.labels(), groups, null);
        out.printf("  %-23s %-28s %-28s %+7.3f %9s%n", "concatenated (n=" + cohort.sampleCount() + ")",
                Print.auroc(species.aurocConcatenated()), Print.auroc(hmbpp.aurocConcatenated()), d.aurocA() - d.aurocB(),
                Print.p(d.pValue()));
        out.println("  Δ = HMBPP − species. Per-subcohort AUROCs are the result; the random-effects (REML) pool is their"
                + " summary,\n  its 95% PI where a new subcohort's AUROC would fall. 'concatenated' ranks all out-of-fold"
                + " scores together\n  although they come from fold models with different intercepts: not a cross-cohort"
                + " estimate.");
        out.print(Print.degenerateFolds("species", species) + Print.degenerateFolds("HMBPP", hmbpp));
    }

    private static void printRow(FeatureAssociation a, PrintStream out) {
        out.printf("  %-44s %7.4f %7.3f %6.3f %+7.3f %9.0f%% %9.0f%%%n", a.feature(), a.pValue(), a.qValue(), a.auroc(),
                a.generalisedFoldChange(), 100 * a.prevalenceResponders(), 100 * a.prevalenceNonResponders());
    }

    private static int sum(int[] labels) {
        int s = 0;
        for (int y : labels) {
            s += y;
        }
        return s;
    }
}
