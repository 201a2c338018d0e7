package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.synth.SyntheticCohort;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.FittedStep;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.StepKind;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;

/**
 * The scoring plan's fast paths against the plain arithmetic they replaced ({@link #reference}):
 * the standardisation folded into the coefficients, then for each sample {@code b0 + Σ_k β_k x_k}
 * (or {@code Σ_k β_k log(x_k + c)}) added term by term in model-feature order, an absent feature read
 * as 0. Checked on the synthetic KO table (1,000 KOs, 0.7 % zeros) and on the real Lee 2022 species
 * table (83 % zeros), with random coefficients (some 0), absent features, and a table much wider
 * than the model.
 * <ul>
 * <li>The logarithm and general paths give the same numbers, bit for bit.</li>
 * <li>The select-only path adds the same products in another order ({@link FeatureTable#weightedSums}:
 * eight partial sums, unless it sums fewer than eight terms): each linear predictor is within the
 * rounding bound
 * {@code 2 (m + 1) u (|b0| + Σ_k |β_k x_k|)} of the reference ({@code m} terms, {@code u} = 2⁻⁵³), and
 * every probability within {@link #MAX_PROBABILITY_DIFFERENCE} of the reference's.</li>
 * </ul>
 */
class ScoringPlanExactnessTest {

    /** The largest difference in a probability allowed between the select-only path and the reference. */
    static final double MAX_PROBABILITY_DIFFERENCE = 1e-12;
    private static final double U = 0x1p-53;

    private static final Path LEE = Path.of(System.getProperty("gutsignal.testdata", "../testdata"), "lee2022");

    /** 203 patients (not a multiple of 4), 1,000 KOs. */
    private static FeatureTable syntheticKo() {
        return SyntheticCohort.withDefaults().withKoCount(1000).withPatients(203).withValidationSize(0).generate().ko();
    }

    private static FeatureTable leeSpecies() throws Exception {
        return FeatureTableReader.metaphlan().read(LEE.resolve("species_relab.tsv"));
    }

    private static List<Preprocessing> preprocessings() {
        return List.of(Preprocessing.of(Transform.log10(1.0), Transform.standardize()),
                Preprocessing.of(Transform.ln(1.0), Transform.standardize()),
                Preprocessing.of(Transform.log10HalfMinPositive(), Transform.standardize()),
                Preprocessing.of(Transform.ln(0.5)),
                Preprocessing.of(Transform.standardize()), // seed 5: a dense model
                Preprocessing.of(Transform.standardize()), // seed 6: a sparse model
                Preprocessing.none(),
                Preprocessing.of(Transform.prevalenceFilter(0, 0.5), Transform.standardize()),
                Preprocessing.of(Transform.clr(1.0), Transform.standardize()));
    }

    /**
     * Seeded coefficients in [-1, 1]: for an odd seed about one in five is exactly 0 (a dense model:
     * the select-only path sums every feature), for an even seed four in five (a sparse model: it
     * sums only the others).
     */
    private static double[] coefficients(int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int zeroIn5 = seed % 2 == 1 ? 1 : 4;
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = r.nextInt(5) < zeroIn5 ? 0.0 : r.nextDouble(-1, 1);
        }
        return beta;
    }

    /**
     * The arithmetic before the fast paths, written out: {@code [0]} the linear predictors; {@code [1]}
     * for the select-only path, the rounding bound {@code 2 (m + 1) u (|b0| + Σ_k |β_k x_k|)} of each
     * (null on the other paths, which must match exactly).
     */
    private static double[][] reference(FittedPreprocessing preprocessing, double[] coefficients, double intercept,
            FeatureTable table) {
        List<FittedStep> steps = preprocessing.steps();
        double[] beta = coefficients.clone();
        double b0 = intercept;
        List<FittedStep> kept = steps;
        if (!steps.isEmpty() && steps.get(steps.size() - 1).kind() == StepKind.STANDARDIZE) {
            FittedStep last = steps.get(steps.size() - 1);
            double[] centres = last.centres();
            double[] scales = last.scales();
            for (int j = 0; j < beta.length; j++) {
                beta[j] = coefficients[j] / scales[j];
                b0 -= beta[j] * centres[j];
            }
            kept = steps.subList(0, steps.size() - 1);
        }
        FittedPreprocessing prefix = FittedPreprocessing.of(preprocessing.inputFeatures(), kept);
        boolean selectOnly = kept.stream().noneMatch(s -> s.kind().changesValues());
        List<String> raw = selectOnly ? prefix.outputFeatures() : prefix.inputFeatures();
        int[] cols = raw.stream().mapToInt(table::indexOfFeature).toArray();
        double[] eta = new double[table.sampleCount()];
        double[] bound = selectOnly ? new double[eta.length] : null;
        for (int i = 0; i < eta.length; i++) {
            double e = b0;
            if (selectOnly) {
                double magnitude = Math.abs(b0);
                for (int k = 0; k < cols.length; k++) {
                    if (cols[k] >= 0) {
                        e += beta[k] * table.get(i, cols[k]);
                        magnitude += Math.abs(beta[k] * table.get(i, cols[k]));
                    }
                }
                bound[i] = 2 * (cols.length + 1) * U * magnitude;
            } else if (kept.size() == 1 && (kept.get(0).kind() == StepKind.LN || kept.get(0).kind() == StepKind.LOG10)) {
                double c = kept.get(0).pseudocount();
                for (int k = 0; k < cols.length; k++) {
                    double x = (cols[k] < 0 ? 0.0 : table.get(i, cols[k])) + c;
                    e += beta[k] * (kept.get(0).kind() == StepKind.LOG10 ? Math.log10(x) : Math.log(x));
                }
            } else {
                double[] in = new double[cols.length];
                for (int k = 0; k < cols.length; k++) {
                    in[k] = cols[k] < 0 ? 0.0 : table.get(i, cols[k]);
                }
                double[] z = new double[beta.length];
                prefix.applyRow(in, z);
                for (int j = 0; j < beta.length; j++) {
                    e += beta[j] * z[j];
                }
            }
            eta[i] = e;
        }
        return new double[][] {eta, bound};
    }

    /**
     * Scores {@code table} with every preprocessing fitted on {@code train} and checks each against
     * {@link #reference}; returns the largest probability difference on the select-only path.
     */
    private static double assertAgreesWithReference(String what, FeatureTable train, FeatureTable table) {
        double maxDp = 0;
        long seed = 1;
        for (Preprocessing prep : preprocessings()) {
            FittedPreprocessing fitted = prep.fit(train);
            double[] beta = coefficients(fitted.outputFeatures().size(), seed++);
            double b0 = -0.25;
            double[][] ref = reference(fitted, beta, b0, table);
            double[] expected = ref[0];
            double[] actual = new double[table.sampleCount()];
            new ScoringPlan(fitted, beta, b0).linearPredictors(table, 0, table.sampleCount(), actual);
            for (int i = 0; i < expected.length; i++) {
                String where = what + ", " + prep + ", sample " + i;
                if (ref[1] == null) {
                    assertEquals(expected[i], actual[i], 0.0, where); // equal bits (or -0 against +0)
                } else {
                    assertTrue(Math.abs(expected[i] - actual[i]) <= ref[1][i], where + ": " + actual[i] + " but "
                            + expected[i] + ", more than the rounding bound " + ref[1][i] + " apart");
                    maxDp = Math.max(maxDp, Math.abs(ResponseModel.sigmoid(expected[i])
                            - ResponseModel.sigmoid(actual[i])));
                }
            }
        }
        assertTrue(maxDp <= MAX_PROBABILITY_DIFFERENCE, what + ": probabilities differ by up to " + maxDp);
        return maxDp;
    }

    @Test
    void syntheticKoTable() {
        FeatureTable ko = syntheticKo();
        assertAgreesWithReference("synthetic KO", ko, ko);
    }

    @Test
    void leeSpeciesTable() throws Exception {
        FeatureTable species = leeSpecies();
        assertAgreesWithReference("Lee 2022", species, species);
    }

    /** A tenth of the features absent: they read the zero slot (whole rows) or 0 (values read one by one). */
    @Test
    void absentFeatures() throws Exception {
        for (FeatureTable t : List.of(syntheticKo(), leeSpecies())) {
            List<String> kept = new ArrayList<>();
            for (int j = 0; j < t.featureCount(); j++) {
                if (j % 10 != 3) {
                    kept.add(t.featureNames().get(j));
                }
            }
            assertAgreesWithReference("absent features", t, t.selectFeatures(kept));
        }
    }

    /** A model of 40 features scoring the 1,000-KO table: only the values read are fetched. */
    @Test
    void tableMuchWiderThanTheModel() {
        FeatureTable ko = syntheticKo();
        List<String> model = new ArrayList<>();
        for (int j = 0; j < ko.featureCount(); j += 25) {
            model.add(ko.featureNames().get(j));
        }
        assertTrue(model.size() * 8 < ko.featureCount());
        assertAgreesWithReference("wide table", ko.selectFeatures(model), ko);
    }

    /** A model of fewer than eight features: the select-only path adds its terms one at a time too. */
    @Test
    void fewerThanEightFeaturesMatchBitForBit() {
        FeatureTable ko = syntheticKo();
        FeatureTable six = ko.selectFeatures(ko.featureNames().subList(100, 106));
        for (Preprocessing prep : List.of(Preprocessing.of(Transform.standardize()), Preprocessing.none())) {
            FittedPreprocessing fitted = prep.fit(six);
            double[] beta = coefficients(6, 5);
            double[] expected = reference(fitted, beta, -0.25, ko)[0];
            double[] actual = new double[ko.sampleCount()];
            new ScoringPlan(fitted, beta, -0.25).linearPredictors(ko, 0, ko.sampleCount(), actual);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 0.0, prep + ", sample " + i);
            }
        }
    }

    /**
     * The share of cells that are 0, which the logarithm path scores without a logarithm: 0.7 % of
     * the synthetic KO table (its KOs are carried by most species), 83 % of the Lee 2022 species table.
     */
    @Test
    void zeroShares() throws Exception {
        assertEquals(0.0069, zeroShare(syntheticKo()), 0.0005);
        assertEquals(0.832, zeroShare(leeSpecies()), 0.001);
    }

    private static double zeroShare(FeatureTable t) {
        double[] v = t.toRowMajorArray();
        long zeros = 0;
        for (double x : v) {
            zeros += x == 0 ? 1 : 0;
        }
        return zeros / (double) v.length;
    }
}
