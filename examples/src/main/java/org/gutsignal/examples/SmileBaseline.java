package org.gutsignal.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.LongStream;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.Learner;
import org.gutsignal.model.Predictor;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.model.ResponseModel;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * An outside baseline: Smile's random forest on species abundances, cross-validated by
 * gutsignal on exactly the same stratified 10-fold splits (same seed, same samples) as the
 * molecule elastic net, and compared with it by a paired DeLong test.
 *
 * <p>The forest is plugged in as a {@link Learner} returning a {@link Predictor} lambda whose
 * score is the forest's posterior probability of class 1 (responder). It grows 500 trees,
 * √p features per split, Gini splits, depth ≤ 20, leaves of ≥ 5 samples, on raw species
 * percentages (trees need no transformation). The species elastic net of
 * {@link FunctionVersusSpecies} is run on the same folds for reference.
 *
 * <p><b>Determinism.</b> Smile grows the trees in parallel on the common fork-join pool (its own
 * threads; gutsignal's folds run one at a time here), but every tree gets its own seed
 * ({@code LongStream.range(seed, seed + 500)}) that Smile sets in the growing thread
 * ({@code MathEx.setSeed}), so the forest, and every score printed, is the same from run to run
 * whatever the thread scheduling; {@code SmileBaselineTest} checks this bit for bit.
 *
 * <p>Run from the repository root (about half a minute):
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.gutsignal.examples.SmileBaseline
 * </pre>
 */
public final class SmileBaseline {

    /** Trees per forest. */
    static final int TREES = 500;

    private SmileBaseline() {
    }

    /** A seeded random-forest learner on a cohort's raw features. */
    static Learner<Predictor> randomForest(int trees, long seed) {
        return train -> {
            List<String> names = train.features().featureNames();
            DataFrame data = frame(train.features(), names, train.labels());
            RandomForest forest = RandomForest.fit(Formula.lhs("y"), data, trees, 0, SplitRule.GINI, 20,
                    Math.max(2, train.sampleCount() / 5), 5, 1.0, null, LongStream.range(seed, seed + trees));
            return test -> {
                DataFrame x = frame(test.features(), names, new int[test.sampleCount()]);
                double[] scores = new double[test.sampleCount()];
                double[] posterior = new double[2];
                for (int i = 0; i < scores.length; i++) {
                    forest.predict(x.get(i), posterior);
                    scores[i] = posterior[1];
                }
                return scores;
            };
        };
    }

    /** A Smile data frame of the named features plus an integer column {@code y}. */
    private static DataFrame frame(FeatureTable table, List<String> names, int[] y) {
        double[][] rows = table.selectFeatures(names).toRows();
        return DataFrame.of(rows, names.toArray(new String[0])).merge(IntVector.of("y", y));
    }

    /**
     * The three cross-validations on the same folds.
     *
     * @param forest    Smile's random forest on species
     * @param molecules the molecule elastic net
     * @param species   the species elastic net
     */
    record Result(CvResult<Predictor> forest, CvResult<ResponseModel> molecules, CvResult<ResponseModel> species) {
    }

    static Result run(SyntheticData data, int folds, int trees, boolean withSpecies) {
        CrossValidation cv = CrossValidation.of(Splitters.stratifiedKFold(folds, Trainers.SEED));
        CvResult<Predictor> forest = cv.run(randomForest(trees, Trainers.SEED), data.species());
        CvResult<ResponseModel> molecules = cv.withThreads(2).run(Trainers.molecules()::fit,
                data.molecules());
        CvResult<ResponseModel> species = withSpecies
                ? cv.withThreads(2).run(Trainers.species()::fit, data.species()) : null;
        if (!forest.splits().equals(molecules.splits())) {
            throw new IllegalStateException("the two cross-validations used different folds");
        }
        return new Result(forest, molecules, species);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        SyntheticData data = SyntheticData.load();
        long start = System.nanoTime();
        Result r = run(data, 10, TREES, true);
        Cohort cohort = data.molecules();
        out.printf("Stratified 10-fold CV on the synthetic training cohort (%d samples), identical folds for every model%n",
                cohort.sampleCount());
        out.printf("  %-36s %-24s%n", "model", "AUROC [95% CI]");
        out.printf("  %-36s %-24s%n", "molecule elastic net (6 capacities)", Print.auroc(r.molecules().auroc()));
        out.printf("  %-36s %-24s%n", "Smile random forest (160 species)", Print.auroc(r.forest().auroc()));
        out.printf("  %-36s %-24s%n", "species elastic net (160 species)", Print.auroc(r.species().auroc()));
        Auroc.Comparison d = Auroc.delongTest(r.molecules().meanOutOfFold(), r.forest().meanOutOfFold(), cohort.labels());
        out.printf("  paired DeLong test, molecules − forest: Δ = %+.3f, z = %.2f, p = %s%n", d.aurocA() - d.aurocB(),
                d.z(), Print.p(d.pValue()));
        out.printf("  (%.0f s; the forest's trees are grown on Smile's fork-join threads, each from its own seed:"
                + " deterministic)%n", (System.nanoTime() - start) / 1e9);
    }
}
