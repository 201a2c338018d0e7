package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.synth.SyntheticCohort;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden outputs, pinned before the architecture pass of issue 11 (commit 44a4987) so that no
 * refactoring can change a number a user sees: every hash is SHA-256 over the IEEE-754 bits of
 * the values (or over a file's bytes), computed by this test on the code of that commit. A
 * change of any coefficient, probability, CV score, λ or synthetic-cohort byte fails here.
 */
class GoldenOutputsTest {

    private static final Path SYNTHETIC = Path.of(System.getProperty("gutsignal.testdata", "../testdata"),
            "synthetic");
    private static final long SEED = 20250101L;
    /**
     * SHA-256 of the QuickStart model's JSON file (the same bytes QuickStart writes to out/quickstart),
     * model file format 4 (issue 13: each feature records its {@code "trainingVariance"}).
     */
    private static final String MODEL_FILE = "74c9078d73d250fbb546c99c6a84a96642af08a6c245f0291837b00787b96899";
    /**
     * SHA-256 of the same model's format-3 file (issue 12: the file records {@code "inputUnit" : "CPM"});
     * the format-4 file without its {@code trainingVariance} fields and with version 3 must still hash
     * to it.
     */
    private static final String MODEL_FILE_V3 = "8cb68d0380aee7e2f318e0c1a7cd7709e3e6b81be6236c8dcb526981c1c3530f";
    /**
     * SHA-256 of the same model's format-2 file, pinned before issue 11; the format-3 file minus its
     * {@code inputUnit} line and with version 2 must still hash to it.
     */
    private static final String MODEL_FILE_V2 = "9c29d0ef7cf1b485579b33936044635a47eff59912444ba08a6e07b4d0ee8cc7";

    @TempDir
    Path tmp;

    /** SHA-256 of a double sequence's bits, as hex. */
    static final class Digest {
        private final MessageDigest md;

        Digest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Digest add(double... values) {
            ByteBuffer b = ByteBuffer.allocate(8 * values.length);
            for (double v : values) {
                b.putLong(Double.doubleToRawLongBits(v));
            }
            md.update(b.array());
            return this;
        }

        Digest add(int... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length);
            for (int v : values) {
                b.putInt(v);
            }
            md.update(b.array());
            return this;
        }

        Digest add(byte[] bytes) {
            md.update(bytes);
            return this;
        }

        String hex() {
            StringBuilder sb = new StringBuilder();
            for (byte x : md.digest()) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        }
    }

    static Digest add(Digest d, LogisticPath path) {
        d.add(path.lambdas());
        for (int k = 0; k < path.size(); k++) {
            d.add(path.intercept(k)).add(path.coefficients(k));
        }
        return d;
    }

    static Digest add(Digest d, ResponseModel m) {
        return d.add(m.intercept(), m.lambda(), m.alpha()).add(m.coefficients());
    }

    /** The 800 training patients' molecule capacities and the 147-patient validation site. */
    static Cohort[] syntheticMolecules() throws Exception {
        FeatureTable ko = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(SYNTHETIC.resolve("ko.tsv"));
        FeatureTable capacities = SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(ko).capacities();
        Cohort all = Cohort.join(capacities, MetadataReader.gutsignal().read(SYNTHETIC.resolve("metadata.tsv")),
                JoinPolicy.STRICT, "ko.tsv", "metadata.tsv");
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < all.sampleCount(); i++) {
            (all.metadata().group(i).equals(SyntheticCohort.VALIDATION_GROUP) ? validation : train).add(i);
        }
        return new Cohort[] {all.selectSamples(train.stream().mapToInt(Integer::intValue).toArray()).labelled(),
            all.selectSamples(validation.stream().mapToInt(Integer::intValue).toArray()).labelled()};
    }

    static LogisticTrainer quickStartTrainer() {
        return LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(SEED)
                .withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize()));
    }

    @Test
    void glmnetFixturePathsAreUnchanged() throws IOException {
        Digest d = new Digest();
        Fixtures.Data mol = new Fixtures.Data("mol.data.csv", List.of("fold"));
        for (double alpha : new double[] {1.0, 0.5}) {
            LogisticTrainer t = LogisticTrainer.withDefaults().withAlpha(alpha).withTolerance(1e-14);
            add(d, t.path(mol.cohort));
            add(d, t.withLambdas(new double[] {0.2, 0.08, 0.03, 0.01, 0.003, 0.001}).path(mol.cohort));
            LogisticFit fit = t.withSeed(3).train(mol.cohort);
            CvCurve cv = fit.cvCurve().orElseThrow();
            d.add(cv.mean()).add(cv.standardError()).add(fit.lambdaIndex());
            add(d, fit.model());
        }
        Fixtures.Data wide = new Fixtures.Data("wide.data.csv", List.of());
        LogisticTrainer w = LogisticTrainer.withDefaults().withTolerance(1e-14);
        add(d, w.path(wide.cohort));
        add(d, w.withLambdas(new double[] {0.15, 0.1, 0.07, 0.05}).path(wide.cohort));
        Fixtures.Data con = new Fixtures.Data("constrained.data.csv", List.of("weight"));
        double[] wt = con.csv.doubles("weight");
        Map<String, Double> weights = new HashMap<>();
        for (int i = 0; i < wt.length; i++) {
            weights.put(con.cohort.sampleIds().get(i), wt[i]);
        }
        LogisticTrainer c = LogisticTrainer.withDefaults().withAlpha(0.7).withTolerance(1e-14).withWeights(weights)
                .withUnpenalized(Set.of("site2")).withLowerLimit("HMBPP", 0).withLowerLimit("INDOLE", 0)
                .withUpperLimit("LPS", 0);
        add(d, c.path(con.cohort));
        add(d, c.withLambdas(new double[] {0.2, 0.08, 0.03, 0.01, 0.003, 0.001}).path(con.cohort));
        add(d, c.withClassBalancing(true).withFolds(5).train(con.cohort).model());
        assertEquals("c4e56461f4304507dbd06cb1417023d427edd70e515cb8770c253a9c5d03b7e2", d.hex());
    }

    @Test
    void quickStartModelFileAndScoresAreUnchanged() throws Exception {
        Cohort[] c = syntheticMolecules();
        LogisticTrainer trainer = quickStartTrainer();
        LogisticFit fit = trainer.train(c[0]);
        Path file = tmp.resolve("model.json");
        ModelFiles.write(fit.model(), file);
        assertEquals(MODEL_FILE, new Digest().add(Files.readAllBytes(file)).hex());
        // format 4 adds the training variances and nothing else: without them and at version 3 the
        // bytes are those pinned in issue 12; format 3 added the input unit and nothing else: without
        // that line too and at version 2 the bytes are those pinned before issue 11. The file reads
        // back as the fitted model.
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String v3 = text.replaceAll(",\n +\"trainingVariance\" : [^\n]*", "")
                .replace("\"formatVersion\" : 4,", "\"formatVersion\" : 3,");
        assertEquals(MODEL_FILE_V3, new Digest().add(v3.getBytes(StandardCharsets.UTF_8)).hex());
        String v2 = v3.replace("  \"inputUnit\" : \"CPM\",\n", "")
                .replace("\"formatVersion\" : 3,", "\"formatVersion\" : 2,");
        assertEquals(MODEL_FILE_V2, new Digest().add(v2.getBytes(StandardCharsets.UTF_8)).hex());
        assertEquals(java.util.Optional.of(AbundanceUnit.CPM), fit.model().inputUnit());
        assertEquals(fit.model(), ModelFiles.read(file));
        Digest d = new Digest();
        add(d, fit.path());
        d.add(fit.cvCurve().orElseThrow().mean()).add(fit.cvCurve().orElseThrow().standardError());
        d.add(fit.model().score(c[1].features()));
        for (int i = 0; i < 5; i++) {
            Explanation e = fit.model().explain(c[1].features(), i);
            d.add(e.probability(), e.linearPredictor());
            e.contributions().forEach(x -> d.add(x.value(), x.coefficient(), x.contribution()));
        }
        assertEquals("0a5aadbe733c718c9426da3997b36080e6a3c7cebe8e66d178372d89fe850617", d.hex());
        // the inner folds on three threads give the same model, byte for byte
        Path threaded = tmp.resolve("model3.json");
        ModelFiles.write(trainer.withThreads(3).fit(c[0]), threaded);
        assertEquals(MODEL_FILE, new Digest().add(Files.readAllBytes(threaded)).hex());
    }

    @Test
    void crossValidatedOutOfFoldScoresAreUnchanged() throws Exception {
        Cohort train = syntheticMolecules()[0];
        CvResult<ResponseModel> cv = CrossValidation.of(Splitters.repeatedStratifiedKFold(10, 5, SEED))
                .withThreads(2).run(quickStartTrainer()::fit, train);
        Digest d = new Digest();
        for (int r = 0; r < cv.repeatCount(); r++) {
            d.add(cv.outOfFold(r));
        }
        assertEquals("6a858364136d929aeee114ce0da10e2c71f880b44e78b4ac3259c19b954cf246", d.hex());
        CvResult<ResponseModel> logo = CrossValidation.of(Splitters.leaveOneGroupOut())
                .run(quickStartTrainer().withLambdaCount(30)::fit, train);
        assertEquals("25109ce7d43f85c73bc6389991b937973f2c3ac527c3e2aae594a495e68f9828", new Digest().add(logo.outOfFold(0)).hex());
    }

    @Test
    void syntheticCohortFilesAreUnchanged() throws IOException {
        SyntheticCohort.withDefaults().generate().writeTo(tmp);
        List<String> hashes = new ArrayList<>();
        for (String f : List.of(SyntheticCohort.SPECIES_FILE, SyntheticCohort.KO_FILE, SyntheticCohort.METADATA_FILE,
                SyntheticCohort.CAPACITIES_FILE, SyntheticCohort.TRAITS_FILE, SyntheticCohort.TRUTH_FILE)) {
            hashes.add(f + " " + new Digest().add(Files.readAllBytes(tmp.resolve(f))).hex());
        }
        assertEquals(List.of(
                "species.tsv 1effb57da782b6afedcb2602100c70d60575f428530db5fd72415350960dd5f4",
                "ko.tsv b7362980e2c4e07f20ddeb390d2e0ef82401aed8c04f547bdfbdcbade0dc063d",
                "metadata.tsv 0253d46882b82f819caf70003f4f467ae8d1f410762943751aaaa808a9d002a7",
                "capacities.tsv adc879210e826831156b5e3a18c8c0f91f77a64231cb0084ed8c5bdf669af021",
                "traits.tsv 62fb9ebbb628374cd581a90160400524598afdbb634c7d7556b8546956454a2b",
                "truth.tsv 14c57230fd024aaacdc701c2f4fedacd522a2e0a08f0c2d8e83b11bef34baf4b"), hashes);
    }
}
