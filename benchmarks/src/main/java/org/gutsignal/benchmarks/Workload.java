package org.gutsignal.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.io.ResponseMapping;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.synth.SyntheticCohort;
import org.gutsignal.transform.FittedPreprocessing;
import org.gutsignal.transform.FittedStep;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.StepKind;
import org.gutsignal.transform.Transform;

/**
 * The data every benchmark shares, built from seeded synthetic cohorts: the 800 training
 * patients of {@link SyntheticCohort#withDefaults()} (labelled, validation site left out; with
 * {@link #KO_FEATURES} KO rows at the KO level) and fresh patients to score, at a {@link Level}.
 * At {@link Level#LEE2022}, the real cohort's 164 patients, and those repeated to score.
 */
final class Workload {

    /** Training patients of the default synthetic cohort. */
    static final int TRAINING_PATIENTS = 800;
    /**
     * KO rows of the synthetic cohort at {@link Level#KO}: the size of a KO table after the usual
     * prevalence filter (the checked-in cohort has 400; the molecule level uses it unchanged).
     */
    static final int KO_FEATURES = 1000;
    /** Gene families at {@link Level#GENES}. */
    static final int GENE_FAMILIES = 20_000;
    /** Seed of {@link GeneFamilies#derive} at {@link Level#GENES}. */
    static final long GENE_SEED = 16L;

    private Workload() {
    }

    /**
     * The preprocessing a model at this level uses: ln(1 + x), log10(1 + x) or (Lee 2022)
     * log10(x + half the smallest positive value), then standardise; at the gene level ln(1 + x)
     * alone (the solver standardises internally; zeros stay zeros).
     */
    static Preprocessing preprocessing(Level level) {
        if (level == Level.GENES) {
            return Preprocessing.of(Transform.ln(1.0));
        }
        Transform log = switch (level) {
            case MOLECULE -> Transform.ln(1.0);
            case KO -> Transform.log10(1.0);
            case LEE2022 -> Transform.log10HalfMinPositive();
            case GENES -> throw new AssertionError(level);
        };
        return Preprocessing.of(log, Transform.standardize());
    }

    /**
     * The labelled training patients with raw features at this level: the 800 synthetic ones
     * (capacities or KO CPM), or the 164 of Lee 2022 (species percent).
     */
    static Cohort trainingCohort(Level level) {
        if (level == Level.LEE2022) {
            return lee2022();
        }
        SyntheticCohort.Result r = generator(level).withValidationSize(0).generate();
        return Cohort.of(rawFeatures(r, level), r.metadata()).labelled();
    }

    /**
     * Raw features of {@code patients} patients of the default synthetic cohort (same seed, so the
     * same species pool and KOs as the training patients; at 800 they are the training patients), or
     * the Lee 2022 patients repeated in order to {@code patients} rows (ids {@code ERR…#r}).
     */
    static FeatureTable scoringTable(Level level, int patients) {
        if (level == Level.LEE2022) {
            return repeated(lee2022().features(), patients);
        }
        SyntheticCohort.Result r = generator(level).withPatients(patients).withValidationSize(0).generate();
        return rawFeatures(r, level);
    }

    /** The Lee 2022 species table joined (leniently: one metadata row has no profile) with its metadata, labelled. */
    private static Cohort lee2022() {
        Path dir = Testdata.lee2022();
        try {
            FeatureTable species = FeatureTableReader.metaphlan().read(dir.resolve(Testdata.LEE_SPECIES));
            SampleMetadata meta = MetadataReader.of("NCBI_accession", "ORR", ResponseMapping.YES_NO)
                    .withGroupColumn("subcohort").read(dir.resolve("metadata.tsv"));
            return Cohort.join(species, meta, JoinPolicy.LENIENT, Testdata.LEE_SPECIES, "metadata.tsv").labelled();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code patients} rows: the table's samples over and over, in order. */
    private static FeatureTable repeated(FeatureTable t, int patients) {
        int p = t.featureCount();
        double[] values = new double[Math.multiplyExact(patients, p)];
        List<String> ids = new ArrayList<>(patients);
        for (int i = 0; i < patients; i++) {
            int from = i % t.sampleCount();
            t.copyRow(from, values, i * p);
            ids.add(t.sampleIds().get(from) + "#" + i / t.sampleCount());
        }
        return FeatureTable.ofRowMajor(ids, t.featureNames(), values, t.unit());
    }

    /** The default synthetic cohort, with {@link #KO_FEATURES} KO rows at the KO level. */
    private static SyntheticCohort generator(Level level) {
        SyntheticCohort c = SyntheticCohort.withDefaults();
        return level == Level.KO ? c.withKoCount(KO_FEATURES) : c;
    }

    private static FeatureTable rawFeatures(SyntheticCohort.Result r, Level level) {
        return switch (level) {
            case MOLECULE -> SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(r.ko()).capacities();
            case GENES -> GeneFamilies.derive(r.species(), GENE_FAMILIES, GENE_SEED);
            default -> r.ko();
        };
    }

    /**
     * Folds a log-then-standardise preprocessing into a linear model on {@code ln(x + c)}:
     * {@code b0 + Σ β_j (log_k(x_j + c) − μ_j)/σ_j = b0' + Σ β'_j ln(x_j + c)}.
     *
     * @param beta      coefficients on the standardised scale, in {@code fitted.outputFeatures()} order
     * @param intercept intercept on that scale
     * @return {@code [b0', c, β'_1 .. β'_p]}
     */
    static double[] foldIntoLn(FittedPreprocessing fitted, double[] beta, double intercept) {
        List<FittedStep> steps = fitted.steps();
        FittedStep log = steps.get(0);
        FittedStep std = steps.get(1);
        if (steps.size() != 2 || std.kind() != StepKind.STANDARDIZE
                || (log.kind() != StepKind.LN && log.kind() != StepKind.LOG10)) {
            throw new IllegalStateException("expected log then standardise but found " + steps);
        }
        double k = log.kind() == StepKind.LOG10 ? Math.log(10) : 1.0;
        double c = log.parameters()[0];
        double[] ms = std.parameters();
        int p = beta.length;
        double[] folded = new double[p + 2];
        double b0 = intercept;
        for (int j = 0; j < p; j++) {
            double mu = ms[j];
            double sd = ms[p + j];
            folded[j + 2] = beta[j] / (sd * k);
            b0 -= beta[j] * mu / sd;
        }
        folded[0] = b0;
        folded[1] = c;
        return folded;
    }
}
