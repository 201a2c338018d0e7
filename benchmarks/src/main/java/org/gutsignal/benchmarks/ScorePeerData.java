package org.gutsignal.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.AtomicFiles;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.FittedStep;

/**
 * Writes what {@link ScoreBenchmark} scores at {@link Level#KO}, so that peers outside the JVM
 * ({@code peers/glmnet_scoring.R}, {@code peers/sklearn_scoring.py}) score the same patients with
 * the same model and check that they get the same probabilities:
 * <ul>
 *   <li>{@code <dir>/score-KO-raw.f64}: the raw KO abundances of the patients to score
 *       ({@code patients} rows × 1,000 KOs, row-major little-endian doubles, in model order);</li>
 *   <li>{@code <dir>/score-KO-model.tsv}: per KO its standardisation centre and scale (of
 *       {@code log10(x + 1)} over the 800 training patients) and its ridge coefficient (glmnet
 *       scale, α = 0, λ = {@link ScoreBenchmark#LAMBDA}), and a first line with the intercept, the
 *       pseudocount, the patient count and the KO count;</li>
 *   <li>{@code <dir>/score-KO-train.tsv}: the 800 training patients' preprocessed values and
 *       labels, for glmnet to fit the same model itself;</li>
 *   <li>{@code <dir>/score-KO-expected.f64}: gutsignal's probabilities ({@code ResponseModel.score}
 *       from the raw table), little-endian doubles.</li>
 * </ul>
 *
 * <pre>{@code
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.ScorePeerData target/peers 80000
 * /usr/bin/python3 benchmarks/peers/sklearn_scoring.py target/peers
 * Rscript benchmarks/peers/glmnet_scoring.R target/peers
 * }</pre>
 */
public final class ScorePeerData {

    private ScorePeerData() {
    }

    /** @param args the output directory (created if absent) and the number of patients to score */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScorePeerData <output directory> <patients>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        Cohort train = Workload.trainingCohort(Level.KO);
        LogisticTrainer ridge = LogisticTrainer.withDefaults().withAlpha(0)
                .withLambdas(new double[] {ScoreBenchmark.LAMBDA});
        ResponseModel rawModel = ridge.withPreprocessing(Workload.preprocessing(Level.KO)).fit(train);
        FittedPreprocessing fitted = rawModel.preprocessing(); // the model's own: log10(x + 1), standardise
        Cohort trainPrepared = train.withFeatures(fitted.apply(train.features()));
        FeatureTable raw = Workload.scoringTable(Level.KO, patients).selectFeatures(fitted.inputFeatures());
        double[] probabilities = rawModel.score(raw);

        List<FittedStep> steps = fitted.steps();
        double pseudocount = steps.get(0).pseudocount();
        double[] centres = steps.get(1).centres();
        double[] scales = steps.get(1).scales();
        double[] beta = rawModel.coefficients();
        List<String> names = fitted.inputFeatures();
        AtomicFiles.write(dir.resolve("score-KO-model.tsv"), w -> {
            w.write("intercept\t" + rawModel.intercept() + "\tpseudocount\t" + pseudocount + "\tpatients\t"
                    + raw.sampleCount() + "\tfeatures\t" + names.size() + "\n");
            w.write("feature\tcentre\tscale\tcoefficient\n");
            for (int j = 0; j < names.size(); j++) {
                w.write(names.get(j) + "\t" + centres[j] + "\t" + scales[j] + "\t" + beta[j] + "\n");
            }
        });
        FeatureTable x = trainPrepared.features();
        int[] y = trainPrepared.labels();
        AtomicFiles.write(dir.resolve("score-KO-train.tsv"), w -> {
            w.write("response");
            for (String f : x.featureNames()) {
                w.write("\t" + f);
            }
            w.write('\n');
            for (int i = 0; i < y.length; i++) {
                w.write(Integer.toString(y[i]));
                for (int j = 0; j < x.featureCount(); j++) {
                    w.write("\t" + x.get(i, j));
                }
                w.write('\n');
            }
        });
        writeDoubles(dir.resolve("score-KO-raw.f64"), raw.toRowMajorArray());
        // last, so that a run that dies part-way leaves no expected file matching another run's data
        // unnoticed (the peer scripts also check the sizes against the model file's first line)
        writeDoubles(dir.resolve("score-KO-expected.f64"), probabilities);
        System.out.println("wrote " + dir + ": " + raw.sampleCount() + " patients x " + names.size() + " KOs");
    }

    /** Little-endian doubles, written atomically ({@link AtomicFiles#writeBytes}). */
    private static void writeDoubles(Path file, double[] values) throws IOException {
        AtomicFiles.writeBytes(file, out -> {
            ByteBuffer b = ByteBuffer.allocate(8 << 13).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                if (!b.hasRemaining()) {
                    out.write(b.array(), 0, b.position());
                    b.clear();
                }
                b.putDouble(v);
            }
            out.write(b.array(), 0, b.position());
        });
    }
}
