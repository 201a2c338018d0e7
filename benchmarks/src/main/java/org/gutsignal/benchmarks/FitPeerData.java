package org.gutsignal.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.io.AtomicFiles;

/**
 * Writes the preprocessed training matrices that {@link FitBenchmark} fits, so that a peer outside
 * the JVM (R glmnet, {@code peers/glmnet_timing.R}) can time the same fits on the same numbers:
 * {@code <dir>/fit-MOLECULE.tsv} and {@code <dir>/fit-KO.tsv}, one labelled sample per row, first
 * column the sample id, then {@code response} (1 = responder, 0 = non-responder), then the
 * features. Values are written with Java's shortest round-trip decimal form, so R reads back the
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
        for (Level level : new Level[] {Level.MOLECULE, Level.KO}) {
            Cohort prepared = FitBenchmark.preparedTrainingCohort(level).labelled();
            Path out = dir.resolve("fit-" + level + ".tsv");
            StringBuilder sb = new StringBuilder("sample\tresponse");
            for (String f : prepared.features().featureNames()) {
                sb.append('\t').append(f);
            }
            sb.append('\n');
            double[][] x = prepared.features().toRows();
            int[] y = prepared.labels();
            List<String> ids = prepared.sampleIds();
            for (int i = 0; i < y.length; i++) {
                sb.append(ids.get(i)).append('\t').append(y[i]);
                for (double v : x[i]) {
                    sb.append('\t').append(v);
                }
                sb.append('\n');
            }
            AtomicFiles.write(out, w -> w.write(sb.toString()));
            System.out.println("wrote " + out + " (" + y.length + " samples x " + x[0].length + " features)");
        }
    }
}
