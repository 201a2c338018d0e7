package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.model.LambdaRule;
import org.gutsignal.model.LogisticFit;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {

    @TempDir
    Path tmp;

    /** The trainer the command's defaults describe, built through the API. */
    static LogisticTrainer defaults() {
        return LogisticTrainer.withDefaults().withAlpha(0.5).withLambdaRule(LambdaRule.MIN).withFolds(10).withSeed(42)
                .withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize()));
    }

    @Test
    void writesTheModelTheApiTrains() throws Exception {
        Path model = tmp.resolve("out/model.json");
        CliRun r = CliRun.of(CliRun.cohortArgs("fit", "-o", model.toString()));
        assertEquals(0, r.exitCode(), r.err());
        LogisticFit fit = defaults().train(CliRun.cohort());
        assertEquals(fit.model(), ModelFiles.read(model));
        Path api = tmp.resolve("api.json");
        ModelFiles.write(fit.model(), api);
        assertArrayEquals(Files.readAllBytes(api), Files.readAllBytes(model));

        List<String> coef = Files.readAllLines(tmp.resolve("out/coefficients.tsv"));
        assertEquals("feature\tcoefficient\texpected_direction\tselected", coef.get(0));
        assertEquals("HMBPP\t" + org.gutsignal.io.DelimitedText.format(fit.model().coefficient("HMBPP"))
                + "\tstimulatory\tTRUE", coef.get(2));
        assertEquals(fit.model().featureNames().size() + 2, coef.size());
        List<String> curve = Files.readAllLines(tmp.resolve("out/cv_curve.tsv"));
        assertEquals("lambda\tmean_deviance\tse\tnonzero\tchosen", curve.get(0));
        assertEquals(fit.path().size() + 1, curve.size());
        assertTrue(curve.get(fit.lambdaIndex() + 1).endsWith("\tTRUE"));
        assertEquals(1, curve.stream().filter(l -> l.endsWith("\tTRUE")).count());
        assertEquals("lambda\tnonzero\tdeviance_ratio\tconverged",
                Files.readAllLines(tmp.resolve("out/lambda_path.tsv")).get(0));
        assertTrue(r.err().contains("6 of 6 features selected"), r.err());
    }

    @Test
    void signLimitsFollowTheCatalogAndThreadsChangeNothing() throws Exception {
        Path model = tmp.resolve("model.json");
        CliRun r = CliRun.of(CliRun.cohortArgs("fit", "-o", model.toString(), "--sign-limits", "--alpha", "1",
                "--lambda-rule", "1se", "--folds", "5", "--seed", "3", "--threads", "2", "--preprocess",
                "log10:1e-5,standardize", "--class-balancing", "-q"));
        assertEquals(0, r.exitCode(), r.err());
        Cohort c = CliRun.cohort();
        // the built-in catalog: HMBPP and TMA stimulatory, LPS and secondary bile acids inhibitory
        ResponseModel expected = LogisticTrainer.withDefaults().withAlpha(1).withLambdaRule(LambdaRule.ONE_SE)
                .withFolds(5).withSeed(3).withClassBalancing(true)
                .withPreprocessing(Preprocessing.of(Transform.log10(1e-5), Transform.standardize()))
                .withLowerLimit("HMBPP", 0).withLowerLimit("TMA", 0).withUpperLimit("LPS", 0)
                .withUpperLimit("SECONDARY_BILE_ACIDS", 0).fit(c);
        assertEquals(expected, ModelFiles.read(model));
    }

    @Test
    void explicitLambdasAndUnpenalizedFeatures() throws Exception {
        Path model = tmp.resolve("model.json");
        CliRun r = CliRun.of(CliRun.cohortArgs("fit", "-o", model.toString(), "--lambdas", "0.05",
                "--unpenalized", "HMBPP", "--preprocess", "none"));
        assertEquals(0, r.exitCode(), r.err());
        ResponseModel expected = LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(42)
                .withLambdas(new double[] {0.05}).withUnpenalized(java.util.Set.of("HMBPP")).fit(CliRun.cohort());
        assertEquals(expected, ModelFiles.read(model));
        assertEquals(List.of("lambda\tmean_deviance\tse\tnonzero\tchosen"),
                Files.readAllLines(tmp.resolve("cv_curve.tsv")));
    }

    @Test
    void refusesToWriteOverAnInput() throws Exception {
        Path meta = tmp.resolve("metadata.tsv");
        Files.copy(CliRun.METADATA, meta);
        byte[] before = Files.readAllBytes(meta);
        CliRun r = CliRun.of("fit", CliRun.CAPACITIES.toString(), "--format", "samples", "--unit", "CAPACITY", "-m",
                meta.toString(), "-o", meta.toString());
        assertEquals(3, r.exitCode());
        assertEquals("gutsignal fit: -o " + meta + " is the input file " + meta
                + ": choose another output, gutsignal never writes over its inputs" + System.lineSeparator(), r.err());
        assertArrayEquals(before, Files.readAllBytes(meta));
    }

    @Test
    void malformedMetadataIsExit3WithOneLine() throws Exception {
        Path meta = tmp.resolve("metadata.tsv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(CliRun.METADATA));
        lines.set(3, lines.get(3).replace("responder", "maybe"));
        Files.write(meta, lines);
        CliRun r = CliRun.of("fit", CliRun.CAPACITIES.toString(), "--format", "samples", "--unit", "CAPACITY", "-m",
                meta.toString(), "-o", tmp.resolve("model.json").toString());
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("gutsignal fit: ") && r.err().contains("metadata.tsv"), r.err());
        assertTrue(r.err().contains("line 4"), r.err());
        assertTrue(Files.notExists(tmp.resolve("model.json")));
    }

    @Test
    void siamcatNormalisationsAreStepsOfTheCommandLine() throws Exception {
        assertEquals("Preprocessing[siamcatLogStd(1.0E-6, 0.1), siamcatLogStd(1.0E-6, 0.1), siamcatLogUnit(1.0E-6, 2, 1),"
                + " siamcatLogUnit(1.0E-6, 1, 3), siamcatRankUnit(), siamcatRankStd(0.1), siamcatStd(0.1)]",
                TrainerOptions.preprocessing("siamcat, siamcat:log.std, siamcat:log.unit, SIAMCAT:log.unit:1:3,"
                        + " siamcat:rank.unit, siamcat:rank.std, siamcat:std").toString());
        Path model = tmp.resolve("model.json");
        CliRun r = CliRun.of(CliRun.cohortArgs("fit", "-o", model.toString(), "--folds", "5", "--preprocess",
                "siamcat:rank.std", "-q"));
        assertEquals(0, r.exitCode(), r.err());
        ResponseModel expected = LogisticTrainer.withDefaults().withAlpha(0.5).withFolds(5).withSeed(42)
                .withPreprocessing(Preprocessing.of(Transform.siamcatRankStd(0.1))).fit(CliRun.cohort());
        assertEquals(expected, ModelFiles.read(model));
    }

    @Test
    void badSiamcatStepsAreNamed() {
        assertEquals("--preprocess: unknown SIAMCAT method 'clr' in 'siamcat:clr'; known: log.std, log.unit,"
                + " log.unit:NP:MARGIN, rank.unit, rank.std, std", assertThrows(IllegalArgumentException.class,
                        () -> TrainerOptions.preprocessing("siamcat:clr")).getMessage());
        assertEquals("--preprocess: step 'siamcat:rank.std' takes no value", assertThrows(IllegalArgumentException.class,
                () -> TrainerOptions.preprocessing("siamcat:rank.std:0.2")).getMessage());
        assertEquals("--preprocess: step 'siamcat:log.unit:2' needs n.p and norm.margin as"
                + " siamcat:log.unit:NP:MARGIN (e.g. siamcat:log.unit:2:1), or neither",
                assertThrows(IllegalArgumentException.class,
                        () -> TrainerOptions.preprocessing("siamcat:log.unit:2")).getMessage());
        assertEquals("--preprocess: step 'siamcat:log.unit:2:x' needs whole numbers for n.p and norm.margin but has"
                + " 'x'", assertThrows(IllegalArgumentException.class,
                        () -> TrainerOptions.preprocessing("siamcat:log.unit:2:x")).getMessage());
        assertEquals("--preprocess: step 'siamcat:log.unit:2:4': norm.margin must be 1 (features), 2 (samples) or 3"
                + " (global) but is 4", assertThrows(IllegalArgumentException.class,
                        () -> TrainerOptions.preprocessing("siamcat:log.unit:2:4")).getMessage());
    }

    @Test
    void unknownPreprocessingStepIsExit3() {
        CliRun r = CliRun.of(CliRun.cohortArgs("fit", "-o", tmp.resolve("m.json").toString(), "--preprocess",
                "ln1,zscore"));
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("unknown step 'zscore'"), r.err());
    }
}
