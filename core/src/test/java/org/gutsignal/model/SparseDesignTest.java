package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;

/**
 * The solver's two speed-ups for wide, mostly-zero designs (issue 16) against the plain solver:
 * sparse column storage gives the same fits up to rounding (and glmnet's to 1e-12 at its tight
 * threshold), and the float pass of the KKT check changes nothing at all, bit for bit.
 */
class SparseDesignTest {

    private static final double TIGHT = 1e-14;

    private static TrainingData data(Cohort c) {
        Cohort l = c.labelled();
        return TrainingData.of(l.features(), l.labels(), null, false, Set.of(), Map.of(), Map.of());
    }

    private static PathSolver.Result run(TrainingData d, PathSolver.Storage storage, boolean floatPass,
            double thresh, double alpha) {
        PathSolver s = new PathSolver(d, alpha, storage, floatPass);
        double ratio = d.sampleCount() < d.featureCount() ? 1e-2 : 1e-4;
        return s.run(null, 100, ratio, thresh, 100_000, true);
    }

    /**
     * A gene-family-like design: {@code n × p} values {@code ln(1 + count)}, a share {@code density}
     * of them non-zero, the response driven by the first three columns.
     */
    static Cohort geneLike(int n, int p, double density, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] values = new double[n * p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (rng.nextDouble() < density) {
                    values[i * p + j] = Math.log1p(1 + rng.nextInt(200));
                }
            }
            double eta = 0.8 * values[i * p] - 0.8 * values[i * p + 1] + 0.5 * values[i * p + 2];
            y[i] = rng.nextDouble() < ResponseModel.sigmoid(eta - 0.2) ? 1 : 0;
        }
        Cohort base = Fixtures.cohort(Fixtures.names(1), new double[n][1], y);
        return base.withFeatures(FeatureTable.ofRowMajor(base.sampleIds(), Fixtures.names(p), values,
                AbundanceUnit.TRANSFORMED));
    }

    /** {@code b0 + x_i · b} of fit {@code k} for every training sample (original scale). */
    private static double[] linearPredictors(TrainingData td, PathSolver.Result r, int k) {
        double[] eta = new double[td.sampleCount()];
        double[] row = new double[td.featureCount()];
        for (int i = 0; i < eta.length; i++) {
            td.copyRow(i, row);
            double e = r.intercepts[k];
            for (int j = 0; j < row.length; j++) {
                e += r.betas[k][j] * row[j];
            }
            eta[i] = e;
        }
        return eta;
    }

    private static double worstDifference(PathSolver.Result a, PathSolver.Result b) {
        assertEquals(a.lambdas.length, b.lambdas.length, "path length");
        double worst = 0;
        for (int k = 0; k < a.lambdas.length; k++) {
            worst = Math.max(worst, Math.abs(a.lambdas[k] - b.lambdas[k]) / a.lambdas[k]);
            worst = Math.max(worst, Math.abs(a.intercepts[k] - b.intercepts[k]));
            for (int j = 0; j < a.betas[k].length; j++) {
                worst = Math.max(worst, Math.abs(a.betas[k][j] - b.betas[k][j]));
            }
        }
        return worst;
    }

    @Test
    void storageIsSparseOnlyForLargeDesignsOfMostlyBaselineColumns() {
        // 800 × 1,400 = 1.12 M cells ≥ 2^20, 80 % zeros: sparse; 700 × 1,400 = 0.98 M cells: dense
        assertTrue(new PathSolver(data(geneLike(800, 1400, 0.2, 1)), 1).isSparse());
        assertFalse(new PathSolver(data(geneLike(700, 1400, 0.2, 1)), 1).isSparse());
        // large but dense: 70 % of the values off the baseline
        assertFalse(new PathSolver(data(geneLike(800, 1400, 0.7, 1)), 1).isSparse());
    }

    @Test
    void sparseStorageMatchesGlmnetOnTheWideFixture() throws IOException {
        // wide.data.csv: 80 × 300, 71 % zeros; every column is stored sparse when forced
        Fixtures.Data d = new Fixtures.Data("wide.data.csv", List.of());
        TrainingData td = data(d.cohort);
        assertTrue(new PathSolver(td, 1, PathSolver.Storage.SPARSE, true).isSparse());
        PathSolver.Result r = run(td, PathSolver.Storage.SPARSE, true, TIGHT, 1);
        Fixtures.Csv ref = Fixtures.csv("wide_a1_path.ref.csv");
        double[] lam = ref.doubles("lambda");
        double[] a0 = ref.doubles("intercept");
        assertEquals(lam.length, r.lambdas.length, "path length (glmnet's stopping rules)");
        double worst = 0;
        for (int k = 0; k < lam.length; k++) {
            worst = Math.max(worst, Math.abs(lam[k] - r.lambdas[k]) / lam[k]);
            worst = Math.max(worst, Math.abs(a0[k] - r.intercepts[k]));
            for (int j = 0; j < d.features.size(); j++) {
                worst = Math.max(worst, Math.abs(ref.doubles(d.features.get(j))[k] - r.betas[k][j]));
            }
        }
        System.out.printf("sparse storage vs glmnet, wide fixture: %d λ, max difference %.3g%n", lam.length, worst);
        assertTrue(worst < 1e-12, "worst " + worst);
        // and the same fits as the dense storage, up to rounding
        double dense = worstDifference(run(td, PathSolver.Storage.DENSE, true, TIGHT, 1), r);
        assertTrue(dense < 1e-12, "sparse vs dense " + dense);
    }

    @Test
    void sparseStorageSolvesTheSameProblemAsDenseAtTheDefaultThreshold() {
        TrainingData td = data(geneLike(400, 3000, 0.15, 7));
        for (double alpha : new double[] {1, 0.5}) {
            PathSolver.Result dense = run(td, PathSolver.Storage.DENSE, true, 1e-7, alpha);
            PathSolver.Result sparse = run(td, PathSolver.Storage.SPARSE, true, 1e-7, alpha);
            double worst = worstDifference(dense, sparse);
            System.out.printf("sparse vs dense storage, 400 × 3000, α %.1f, thresh 1e-7: %d λ, max difference %.3g%n",
                    alpha, dense.lambdas.length, worst);
            // the same convergence decisions, the arithmetic reordered: differences far below the
            // threshold's own effect on the coefficients (thresh 1e-7 allows changes of ~3e-4)
            assertTrue(worst < 1e-9, "α " + alpha + ": " + worst);
            assertArrayEquals(dense.passes, sparse.passes, "the same coordinate passes");
        }
    }

    @Test
    void theKktFloatPassChangesNothing() throws IOException {
        List<TrainingData> designs = new ArrayList<>();
        designs.add(data(new Fixtures.Data("mol.data.csv", List.of("fold")).cohort));
        designs.add(data(new Fixtures.Data("wide.data.csv", List.of()).cohort));
        designs.add(data(geneLike(400, 3000, 0.15, 7)));
        for (TrainingData td : designs) {
            for (PathSolver.Storage storage : new PathSolver.Storage[] {PathSolver.Storage.DENSE,
                    PathSolver.Storage.SPARSE}) {
                for (double alpha : new double[] {1, 0.5}) {
                    for (double thresh : new double[] {1e-7, TIGHT}) {
                        PathSolver.Result exact = run(td, storage, false, thresh, alpha);
                        PathSolver.Result bounded = run(td, storage, true, thresh, alpha);
                        String what = td.sampleCount() + " × " + td.featureCount() + " " + storage + " α " + alpha
                                + " thresh " + thresh;
                        assertArrayEquals(exact.lambdas, bounded.lambdas, what);
                        assertArrayEquals(exact.intercepts, bounded.intercepts, what);
                        assertArrayEquals(exact.passes, bounded.passes, what);
                        assertArrayEquals(exact.outer, bounded.outer, what);
                        for (int k = 0; k < exact.lambdas.length; k++) {
                            assertArrayEquals(exact.betas[k], bounded.betas[k], what + " λ[" + k + "]");
                        }
                    }
                }
            }
        }
    }

    @Test
    void weightsLimitsAndUnpenalisedFeaturesGiveTheSameFitsInEitherStorage() {
        // zero and uneven weights, a lower and an upper limit, an unpenalised column, α 0.7
        Cohort c = geneLike(300, 800, 0.2, 11).labelled();
        java.util.Map<String, Double> w = new java.util.HashMap<>();
        for (int i = 0; i < c.sampleCount(); i++) {
            w.put(c.sampleIds().get(i), i % 17 == 0 ? 0.0 : 0.5 + (i % 5) * 0.25);
        }
        List<String> f = c.features().featureNames();
        TrainingData td = TrainingData.of(c.features(), c.labels(), w, false, Set.of(f.get(3)),
                Map.of(f.get(0), 0.0), Map.of(f.get(1), 0.0));
        PathSolver.Result dense = run(td, PathSolver.Storage.DENSE, false, TIGHT, 0.7);
        PathSolver.Result sparse = run(td, PathSolver.Storage.SPARSE, true, TIGHT, 0.7);
        double worst = worstDifference(dense, sparse);
        System.out.printf("sparse vs dense, weights + limits + unpenalised, thresh 1e-14: %d λ, max difference %.3g%n",
                dense.lambdas.length, worst);
        assertTrue(worst < 1e-12, "worst " + worst);
        for (double[] b : sparse.betas) {
            assertTrue(b[0] >= 0 && b[1] <= 0, "limits hold");
        }
        PathSolver.Result exactKkt = run(td, PathSolver.Storage.SPARSE, false, TIGHT, 0.7);
        for (int k = 0; k < sparse.lambdas.length; k++) {
            assertArrayEquals(exactKkt.betas[k], sparse.betas[k], "float pass, weights, λ[" + k + "]");
        }
    }

    @Test
    void theRealLee2022SpeciesTableGivesTheSameFitsInEitherStorage() throws IOException {
        // the published MetaPhlAn table of Lee et al. 2022 (164 labelled patients × 601 species, 83 % zeros):
        // log10(x + half the smallest positive value), as the benchmarks' LEE2022 level; below 2^20 cells, so
        // dense by default; forced sparse here, every species column with at least half its values at the minimum
        java.nio.file.Path lee = java.nio.file.Path.of(System.getProperty("gutsignal.testdata", "../testdata"),
                "lee2022");
        FeatureTable species = org.gutsignal.io.FeatureTableReader.metaphlan().read(lee.resolve("species_relab.tsv"));
        org.gutsignal.cohort.SampleMetadata meta = org.gutsignal.io.MetadataReader.of("NCBI_accession", "ORR",
                org.gutsignal.io.ResponseMapping.YES_NO).read(lee.resolve("metadata.tsv"));
        Cohort c = Cohort.join(species, meta, org.gutsignal.cohort.JoinPolicy.LENIENT, "species_relab.tsv",
                "metadata.tsv").labelled();
        FeatureTable logged = org.gutsignal.transform.Preprocessing.of(
                org.gutsignal.transform.Transform.log10HalfMinPositive()).fitTransform(c.features()).table();
        TrainingData td = data(Cohort.of(logged, c.metadata()));
        assertEquals(164, td.sampleCount());
        assertFalse(new PathSolver(td, 1).isSparse(), "dense by default below 2^20 cells");
        assertTrue(new PathSolver(td, 1, PathSolver.Storage.SPARSE, true).isSparse());
        // 123 species are seen in one patient only: columns that are equal after standardising make the
        // lasso's coefficients not unique (how they share a weight depends on the arithmetic: up to 0.16
        // apart here), but the fit is, so its linear predictors, λ and deviance ratios are compared. Those
        // columns also slow coordinate descent down (over 1,000 passes per λ at the end of the path): at
        // thresh 1e-14 the dense fit's linear predictors are still 8.9e-7 from its own at 1e-18, so the
        // storages are compared at 1e-18, where they are 4.5e-9 apart
        for (double alpha : new double[] {1, 0.5}) {
            PathSolver.Result dense = run(td, PathSolver.Storage.DENSE, false, 1e-18, alpha);
            PathSolver.Result sparse = run(td, PathSolver.Storage.SPARSE, true, 1e-18, alpha);
            assertEquals(dense.lambdas.length, sparse.lambdas.length, "path length");
            double eta = 0;
            double dev = 0;
            double lambda = 0;
            for (int k = 0; k < dense.lambdas.length; k++) {
                lambda = Math.max(lambda, Math.abs(dense.lambdas[k] - sparse.lambdas[k]) / dense.lambdas[k]);
                dev = Math.max(dev, Math.abs(dense.devRatio[k] - sparse.devRatio[k]));
                double[] a = linearPredictors(td, dense, k);
                double[] b = linearPredictors(td, sparse, k);
                for (int i = 0; i < a.length; i++) {
                    eta = Math.max(eta, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i])));
                }
            }
            System.out.printf("Lee 2022 species, sparse vs dense, α %.1f, thresh 1e-18: %d λ, max difference of"
                    + " linear predictors %.3g, deviance ratios %.3g, λ %.3g%n", alpha, dense.lambdas.length, eta, dev,
                    lambda);
            assertTrue(eta < 1e-8, "α " + alpha + ": linear predictors " + eta);
            assertTrue(dev < 1e-10, "α " + alpha + ": deviance ratios " + dev);
            assertTrue(lambda < 1e-12, "α " + alpha + ": λ " + lambda);
            PathSolver.Result denseFloat = run(td, PathSolver.Storage.DENSE, true, 1e-18, alpha);
            for (int k = 0; k < dense.lambdas.length; k++) {
                assertArrayEquals(dense.betas[k], denseFloat.betas[k], "float pass, λ[" + k + "]");
            }
        }
    }

    @Test
    void aLargeGeneLikeProblemSatisfiesTheKktConditions() {
        // 800 × 20,000 with 5 % non-zero values: stored sparse by size; the path's fits satisfy the
        // KKT conditions to the bound stated in KktConditionsTest at the default threshold
        Cohort c = geneLike(800, 20_000, 0.05, 77);
        assertTrue(new PathSolver(data(c), 1).isSparse());
        LogisticPath path = LogisticTrainer.withDefaults().path(c);
        double worst = KktConditionsTest.worstViolation(c.labelled(), path, 1, 7); // 15 of the 100 fits
        System.out.printf("KKT 800 × 20000 sparse (thresh 1e-7): %d λ, every 7th and the last: worst violation %.3g λ%n",
                path.size(), worst);
        assertTrue(worst < KktConditionsTest.DEFAULT_BOUND, "worst " + worst);
    }
}
