package org.gutsignal.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.model.Explanation;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.model.Scores;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.MoleculeCoverage;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.transform.MissingFeaturePolicy;

/**
 * From HUMAnN output to a response score: the path a new patient's stool metagenome takes.
 *
 * <ol>
 * <li>Reads a HUMAnN 3 KEGG-ortholog table ({@code testdata/formats/humann_ko_rpk.tsv}, RPK, three
 * samples) and a MetaCyc pathway table ({@code humann_pathways.tsv}), community totals only.</li>
 * <li>Profiles molecule capacities from the genes ({@code profileGenes}: markers summed, HMBPP the
 * minimum over the MEP steps) and from the pathways ({@code profilePathways}: the largest of each
 * molecule's pathways), and prints both with their coverage, i.e. which markers or pathways were
 * missing.</li>
 * <li>Trains the molecule model (ln(x + 1), standardise, elastic net α = 0.5) on the synthetic
 * cohort's 800 training patients, whose capacities come from a KO table in copies per million
 * (CPM), writes it to {@code out/humann-import/model.json} and reads it back.</li>
 * <li>Renormalises the HUMAnN KO table to CPM as {@code humann_renorm_table --units cpm} does
 * (each sample's community rows, UNMAPPED and UNGROUPED included, sum to 10⁶), profiles it,
 * scores the three samples with the model read from disk ({@link MissingFeaturePolicy#fillZero
 * fillZero(0.2)} and {@code scoreWithCoverage}: a molecule column the table lacks would count as 0 if
 * it carried at most 0.2 of the model's linear-predictor variance, and the coverage is printed), once
 * as profiled and once
 * with molecules none of whose markers are in the table set to the training cohort's median
 * (at 0 they would lie far outside the training data), and explains the first sample's score.</li>
 * </ol>
 * The HUMAnN numbers are hand-made format samples, not measurements: the scores show the
 * mechanics, not a prediction.
 *
 * <p>Run from the repository root (a few seconds):
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.gutsignal.examples.HumannImport
 * </pre>
 */
public final class HumannImport {

    static final Path FORMATS = Path.of("testdata", "formats");
    static final Path OUT = Path.of("out", "humann-import");

    private HumannImport() {
    }

    /**
     * What the run produced.
     *
     * @param genes     molecule profile from the KO table (RPK)
     * @param pathways  molecule profile from the pathway table
     * @param cpm       molecule profile from the KO table renormalised to CPM (what was scored)
     * @param model     the model trained on the synthetic cohort
     * @param reread    the same model read back from its file
     * @param scores    probability of response of each HUMAnN sample, absent molecules at 0
     * @param neutral   the same with absent molecules at the training cohort's median
     * @param explained the explanation of the first sample's (median-imputed) score
     */
    record Result(SignallingProfile genes, SignallingProfile pathways, SignallingProfile cpm, ResponseModel model,
            ResponseModel reread, double[] scores, double[] neutral, Explanation explained) {
    }

    public static void main(String[] args) throws Exception {
        run(FORMATS, SyntheticData.DIR, OUT, System.out);
        System.out.println();
        System.out.println("Model file: " + OUT.resolve("model.json").toAbsolutePath());
    }

    static Result run(Path formats, Path synthetic, Path outDir, PrintStream out) throws Exception {
        SignallingProfiler profiler = SignallingProfiler.of(MoleculeCatalog.builtIn());
        FeatureTable ko = FeatureTableReader.humann().read(formats.resolve("humann_ko_rpk.tsv"));
        FeatureTable pathways = FeatureTableReader.humann().read(formats.resolve("humann_pathways.tsv"));
        out.printf("HUMAnN KO table: %d samples %s × %d KOs (%s); pathway table: %d pathways%n", ko.sampleCount(),
                ko.sampleIds(), ko.featureCount(), ko.unit(), pathways.featureCount());

        SignallingProfile genes = profiler.profileGenes(ko);
        SignallingProfile byPathway = profiler.profilePathways(pathways);
        printProfile("Capacities from genes (RPK; HMBPP = min over MEP steps, others = sum of markers)", genes, out);
        printProfile("Capacities from pathways (largest of the molecule's MetaCyc pathways)", byPathway, out);

        FeatureTable trainingCapacities = SyntheticData.load(synthetic).molecules().features();
        ResponseModel model = Trainers.molecules().fit(SyntheticData.load(synthetic).molecules());
        Path file = outDir.resolve("model.json");
        ModelFiles.write(model, file);
        ResponseModel reread = ModelFiles.read(file).withMissingFeatures(MissingFeaturePolicy.fillZero(0.2));
        out.printf("%nTrained on the synthetic cohort (%d samples, λ = %.4g), written to %s and read back: %s%n",
                model.provenance().trainingSamples(), model.lambda(), file,
                reread.withMissingFeatures(MissingFeaturePolicy.ERROR).equals(model) ? "identical" : "DIFFERENT");
        out.printf("  coefficients (per standardised ln(1 + CPM)):");
        for (String f : model.featureNames()) {
            out.printf(" %s %+.3f", f, model.coefficient(f));
        }
        out.println();

        SignallingProfile cpm = profiler.profileGenes(toCpm(formats.resolve("humann_ko_rpk.tsv")));
        FeatureTable capacities = cpm.capacities();
        Scores scored = reread.scoreWithCoverage(capacities);
        Scores.Coverage coverage = scored.coverage();
        out.printf("%nScoring the HUMAnN samples (KO table renormalised to CPM, as the training capacities)%n");
        out.printf("  model inputs present: %d of %d; missing (filled with 0): %s, carrying %s of the model's"
                + " linear-predictor variance%n", coverage.presentFeatures().size(),
                coverage.presentFeatures().size() + coverage.absentFeatures().size(),
                coverage.absentFeatures().isEmpty() ? "none" : coverage.absentFeatures(),
                coverage.absentVarianceShare());
        out.printf("  unit: %s%n  samples with a zero total over the model's inputs: %d %s%n",
                coverage.unitCheck().note(), coverage.zeroTotalSamples(), coverage.zeroTotalSampleIds());
        out.printf("  molecules with no marker in the table (capacity 0 in every sample): %s%n",
                cpm.absentMolecules().isEmpty() ? "none" : cpm.absentMolecules());
        double[] scores = scored.probabilities();
        FeatureTable imputed = withTrainingMedians(capacities, cpm.absentMolecules(), trainingCapacities);
        double[] neutral = reread.score(imputed);
        out.printf("  %-20s %16s %20s   %s%n", "sample", "P (absent = 0)", "P (absent = median)", "capacities (CPM)");
        for (int i = 0; i < scores.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < capacities.featureCount(); j++) {
                sb.append(String.format(" %s=%.0f", capacities.featureNames().get(j), capacities.get(i, j)));
            }
            out.printf("  %-20s %16.3f %20.3f  %s%n", capacities.sampleIds().get(i), scores[i], neutral[i], sb);
        }
        out.println("  A molecule whose markers are all missing is unmeasured, not absent: at 0 it lies far below"
                + " every training sample\n  and dominates the score. The second column sets such molecules to the"
                + " training cohort's median instead.");

        Explanation e = reread.explain(imputed, 0);
        out.printf("%nWhy %s scores %.3f (absent molecules at the training median): log-odds %.3f = intercept %.3f"
                + " + contributions%n", e.sampleId(), e.probability(), e.linearPredictor(), e.intercept());
        out.printf("  %-22s %12s %12s %14s%n", "feature", "value (std)", "coefficient", "contribution");
        for (Explanation.Contribution c : e.contributions()) {
            out.printf("  %-22s %12.3f %12.3f %+14.3f%n", c.feature(), c.value(), c.coefficient(), c.contribution());
        }
        return new Result(genes, byPathway, cpm, model, reread, scores, neutral, e);
    }

    /**
     * The KO table in copies per million, as {@code humann_renorm_table --units cpm}: each sample
     * divided by the sum of its community rows (UNMAPPED and UNGROUPED included) times 10⁶; the
     * UNMAPPED-type rows are then dropped.
     */
    static FeatureTable toCpm(Path koFile) throws Exception {
        FeatureTable all = FeatureTableReader.humann().withUnmappedRows(true).read(koFile);
        FeatureTable kos = FeatureTableReader.humann().read(koFile);
        double[][] rows = kos.toRows();
        for (int i = 0; i < rows.length; i++) {
            double total = 0;
            for (double v : all.row(all.indexOfSample(kos.sampleIds().get(i)))) {
                total += v;
            }
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] *= 1e6 / total;
            }
        }
        return FeatureTable.of(kos.sampleIds(), kos.featureNames(), rows, AbundanceUnit.CPM);
    }

    /** {@code table} with the named columns set to their median in {@code training}. */
    static FeatureTable withTrainingMedians(FeatureTable table, List<String> columns, FeatureTable training) {
        double[][] rows = table.toRows();
        for (String name : columns) {
            double[] v = training.column(training.indexOfFeature(name));
            java.util.Arrays.sort(v);
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            int j = table.indexOfFeature(name);
            for (double[] row : rows) {
                row[j] = median;
            }
        }
        return FeatureTable.of(table.sampleIds(), table.featureNames(), rows, table.unit());
    }

    private static void printProfile(String title, SignallingProfile p, PrintStream out) {
        FeatureTable c = p.capacities();
        out.printf("%n%s%n  %-22s", title, "molecule");
        for (String s : c.sampleIds()) {
            out.printf(" %18s", s);
        }
        out.printf("  %-9s %s%n", "coverage", "missing");
        for (int j = 0; j < c.featureCount(); j++) {
            String id = c.featureNames().get(j);
            out.printf("  %-22s", id);
            for (int i = 0; i < c.sampleCount(); i++) {
                out.printf(" %18.2f", c.get(i, j));
            }
            MoleculeCoverage cov = p.coverage(id).orElseThrow();
            out.printf("  %-9s %s%n", cov.found() + "/" + cov.total(), cov.missing().isEmpty() ? "-" : cov.missing());
        }
    }
}
