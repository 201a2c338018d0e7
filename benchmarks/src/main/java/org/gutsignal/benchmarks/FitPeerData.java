package org.gutsignal.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.AtomicFiles;

/**
 * Writes the preprocessed training matrices that {@link FitBenchmark} fits, with its fold ids, so
 * that peers outside the JVM (R glmnet, {@code peers/glmnet_timing.R}; scikit-learn,
 * {@code peers/sklearn_timing.py}) time the same fits on the same numbers and folds:
 * <ul>
 *   <li>{@code <dir>/fit-MOLECULE.tsv} and {@code <dir>/fit-KO.tsv}: one labelled sample per row,
 *       columns {@code sample}, {@code response} (1 = responder, 0 = non-responder), {@code fold}
 *       (1..10, {@link FitBenchmark#stratifiedFolds} + 1), then the features;</li>
 *   <li>{@code <dir>/fit-GENES.tsv} (the same first three columns, no features) and
 *       {@code <dir>/fit-GENES.mtx}: the 780 × 20,000 ln(1 + x) gene-family matrix in Matrix Market
 *       coordinate format (1-based row, column, value; zeros omitted), which R's
 *       {@code Matrix::readMM} and scipy's {@code mmread} read as a sparse matrix.</li>
 * </ul>
 * Values are written with Java's shortest round-trip decimal form, so R and Python read back the
 * same doubles.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.FitPeerData target/peers
 * Rscript benchmarks/peers/glmnet_timing.R target/peers
 * }</pre>
 */
public final class FitPeerData {

    private FitPeerData() {
    }

    /** @param args one argument: the output directory (created if absent) */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FitPeerData <output directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (Level level : new Level[] {Level.MOLECULE, Level.KO, Level.GENES}) {
            Cohort prepared = FitBenchmark.preparedTrainingCohort(level).labelled();
            boolean sparse = level == Level.GENES;
            FeatureTable x = prepared.features();
            int[] y = prepared.labels();
            int[] fold = FitBenchmark.stratifiedFolds(y);
            List<String> ids = prepared.sampleIds();
            Path out = dir.resolve("fit-" + level + ".tsv");
            AtomicFiles.write(out, w -> {
                w.write("sample\tresponse\tfold");
                if (!sparse) {
                    for (String f : x.featureNames()) {
                        w.write('\t');
                        w.write(f);
                    }
                }
                w.write('\n');
                for (int i = 0; i < y.length; i++) {
                    w.write(ids.get(i) + '\t' + y[i] + '\t' + (fold[i] + 1));
                    if (!sparse) {
                        for (int j = 0; j < x.featureCount(); j++) {
                            w.write('\t');
                            w.write(Double.toString(x.get(i, j)));
                        }
                    }
                    w.write('\n');
                }
            });
            if (sparse) {
                long nnz = 0;
                for (int j = 0; j < x.featureCount(); j++) {
                    for (double v : x.column(j)) {
                        nnz += v != 0 ? 1 : 0;
                    }
                }
                long cells = nnz;
                AtomicFiles.write(dir.resolve("fit-" + level + ".mtx"), w -> {
                    w.write("%%MatrixMarket matrix coordinate real general\n");
                    w.write(y.length + " " + x.featureCount() + " " + cells + "\n");
                    for (int j = 0; j < x.featureCount(); j++) {
                        double[] c = x.column(j);
                        for (int i = 0; i < c.length; i++) {
                            if (c[i] != 0) {
                                w.write((i + 1) + " " + (j + 1) + " " + c[i] + "\n");
                            }
                        }
                    }
                });
            }
            System.out.println("wrote " + out + " (" + y.length + " samples x " + x.featureCount() + " features)");
        }
    }
}
