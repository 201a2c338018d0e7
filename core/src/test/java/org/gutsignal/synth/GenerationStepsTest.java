package org.gutsignal.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each step of {@link SyntheticCohort#generate()} has the property its documentation states,
 * checked from the public tables against a derivation (the class Javadoc and
 * testdata/synthetic/README.md), not against the generator's own code.
 */
class GenerationStepsTest {

    /** A cheap configuration: the smallest pool (one species per genus) and KO universe. */
    private static SyntheticCohort small() {
        return SyntheticCohort.withDefaults().withSpeciesCount(35).withKoCount(55);
    }

    @Test
    void sitesComeInOrderWithTheirSizesAndIdsHaveAtLeastFourDigits() {
        SyntheticCohort.Result r = small().withSiteSizes(30, 20, 10).withValidationSize(5).generate();
        SampleMetadata m = r.metadata();
        List<String> expected = new ArrayList<>();
        expected.addAll(Collections.nCopies(30, "site1"));
        expected.addAll(Collections.nCopies(20, "site2"));
        expected.addAll(Collections.nCopies(10, "site3"));
        expected.addAll(Collections.nCopies(5, SyntheticCohort.VALIDATION_GROUP));
        assertEquals(expected, m.groups());
        assertEquals("P0001", m.sampleIds().get(0));
        assertEquals("P0065", m.sampleIds().get(64));
        assertEquals(List.of("site1", "site2", "site3", "validation"), List.copyOf(r.truth().siteEffects().keySet()));
        assertEquals(m.sampleIds(), r.species().sampleIds());
        assertEquals(m.sampleIds(), r.ko().sampleIds());
        assertEquals(m.sampleIds(), r.capacities().sampleIds());

        SyntheticCohort.Result large = small().withSiteSizes(9_999, 1).withValidationSize(0).generate();
        assertEquals("P00001", large.metadata().sampleIds().get(0));
        assertEquals("P10000", large.metadata().sampleIds().get(9_999));
        assertFalse(large.metadata().groups().contains(SyntheticCohort.VALIDATION_GROUP));
        assertEquals(Set.of("site1", "site2"), large.truth().siteEffects().keySet());
    }

    /**
     * The intercept makes the expected responder rate over the training patients the target, and the
     * labels are then hidden independently of the response, so the rate among labelled training
     * patients is within 4 binomial standard deviations of the target (a Poisson-binomial count varies
     * less than a binomial one with the same mean); about 3% of labels are NA.
     */
    @ParameterizedTest(name = "seed {0}, rate {1}")
    @CsvSource({"1, 0.2", "2, 0.4", "3, 0.6", "4, 0.8"})
    void theResponderRateIsTheTargetWithinBinomialBounds(long seed, double target) {
        SyntheticCohort.Result r = small().withSeed(seed).withSiteSizes(800, 700, 500).withValidationSize(300)
                .withResponderRate(target).generate();
        SampleMetadata m = r.metadata();
        int responders = 0;
        int labelled = 0;
        int unknown = 0;
        for (int i = 0; i < 2000; i++) {
            Response y = m.response(i);
            responders += y == Response.RESPONDER ? 1 : 0;
            labelled += y == Response.UNKNOWN ? 0 : 1;
            unknown += y == Response.UNKNOWN ? 1 : 0;
        }
        double rate = (double) responders / labelled;
        double sd = Math.sqrt(target * (1 - target) / labelled);
        assertTrue(Math.abs(rate - target) < 4 * sd, "seed " + seed + ": rate " + rate + ", target " + target);
        assertTrue(Math.abs(unknown - 60) < 4 * Math.sqrt(2000 * 0.03 * 0.97), unknown + " NA labels of 2000");
    }

    /** Centres and scales: mean and population sd of ln(1 + capacity) over the training patients, to 6 digits. */
    @Test
    void theStandardisationIsThatOfTheTrainingCapacities() {
        SyntheticCohort.Result r = small().withSeed(5).withSiteSizes(120, 80).withValidationSize(50).generate();
        FeatureTable c = r.capacities();
        for (int m = 0; m < c.featureCount(); m++) {
            double[] logs = new double[200];
            for (int i = 0; i < logs.length; i++) {
                logs[i] = Math.log1p(c.get(i, m));
            }
            double mean = Arrays.stream(logs).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(logs).map(v -> (v - mean) * (v - mean)).sum() / logs.length);
            String id = c.featureNames().get(m);
            assertEquals(sixDigits(mean), r.truth().centres().get(id), 1e-15 + 1e-12 * Math.abs(mean), id);
            assertEquals(sixDigits(sd), r.truth().scales().get(id), 1e-15 + 1e-12 * sd, id);
        }
    }

    private static double sixDigits(double v) {
        return new BigDecimal(v).round(new MathContext(6)).doubleValue();
    }

    /**
     * Traits follow the genus as README "How the numbers were made" lists them: LPS exactly in the
     * Gram-negative genera; butyrate, bai, tnaA and cutC/D only in the genera named there, and in
     * every species of the genera that always carry them.
     */
    @Test
    void everySpeciesTraitsAreThoseOfItsGenus() {
        Set<String> gramNegative = Set.of("Bacteroides", "Prevotella", "Alistipes", "Parabacteroides", "Odoribacter",
                "Barnesiella", "Escherichia", "Klebsiella", "Enterobacter", "Citrobacter", "Proteus", "Desulfovibrio",
                "Bilophila", "Sutterella", "Haemophilus", "Akkermansia", "Veillonella");
        Map<String, Set<String>> onlyIn = Map.of(
                "BUTYRATE", Set.of("Faecalibacterium", "Roseburia", "Anaerostipes", "Odoribacter", "Eubacterium",
                        "Coprococcus", "Clostridium"),
                "SECONDARY_BILE_ACIDS", Set.of("Clostridium"),
                "INDOLE", Set.of("Escherichia", "Bacteroides", "Alistipes", "Klebsiella", "Citrobacter", "Clostridium"),
                "TMA", Set.of("Escherichia", "Klebsiella", "Citrobacter", "Proteus", "Desulfovibrio", "Clostridium"));
        Map<String, Set<String>> always = Map.of(
                "BUTYRATE", Set.of("Faecalibacterium", "Roseburia", "Anaerostipes", "Odoribacter"),
                "TMA", Set.of("Escherichia", "Klebsiella", "Citrobacter", "Proteus", "Desulfovibrio"));
        for (long seed : new long[] {SyntheticCohort.DEFAULT_SEED, 9}) {
            FeatureTable t = SyntheticCohort.withDefaults().withSeed(seed).withSiteSizes(1).withValidationSize(0)
                    .generate().traits();
            for (int j = 0; j < t.sampleCount(); j++) {
                String name = t.sampleIds().get(j);
                String genus = name.substring(3, name.indexOf('_', 3));
                assertEquals(gramNegative.contains(genus) ? 1 : 0, t.get(j, t.indexOfFeature("LPS")), name);
                for (String molecule : onlyIn.keySet()) {
                    double v = t.get(j, t.indexOfFeature(molecule));
                    assertTrue(v == 0 || v == 1, name);
                    if (!onlyIn.get(molecule).contains(genus)) {
                        assertEquals(0, v, name + " " + molecule);
                    }
                    if (always.getOrDefault(molecule, Set.of()).contains(genus)) {
                        assertEquals(1, v, name + " " + molecule);
                    }
                }
            }
            assertEquals(1, t.get(t.indexOfSample("s__Clostridium_hylemonae"), t.indexOfFeature("SECONDARY_BILE_ACIDS")));
            assertEquals(0, t.get(t.indexOfSample("s__Klebsiella_pneumoniae"), t.indexOfFeature("INDOLE")));
        }
    }

    /**
     * KO totals. A marker KO that exactly the carriers of one molecule carry, once (ispG for HMBPP, lpxC
     * for LPS, baiB for bile acids, tnaA for indole, cutC for TMA), has
     * {@code ko = round6(50 × capacity × exp(0.15 Z))}: zero exactly where the capacity is, and
     * {@code ln(ko / (50 × capacity)) ~ N(0, 0.15²)}. Every species carries each housekeeping KO once,
     * so for those the total is {@code 50 × Σ percent ≈ 5000} times the same noise.
     */
    @Test
    void koTotalsAreCarriersPercentTimesFiftyWithLogNormalNoise() {
        SyntheticCohort.Result r = SyntheticCohort.withDefaults().generate();
        FeatureTable ko = r.ko();
        FeatureTable cap = r.capacities();
        Map<String, String> markers = Map.of("K03526", "HMBPP", "K02535", "LPS", "K15868", "SECONDARY_BILE_ACIDS",
                "K01667", "INDOLE", "K20038", "TMA", "K02469", "", "K03043", "");
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (Map.Entry<String, String> e : markers.entrySet()) {
            int k = ko.indexOfFeature(e.getKey());
            for (int i = 0; i < ko.sampleCount(); i++) {
                double carried = e.getValue().isEmpty() ? Arrays.stream(r.species().row(i)).sum()
                        : cap.get(i, cap.indexOfFeature(e.getValue()));
                double v = ko.get(i, k);
                assertEquals(carried == 0, v == 0, e.getKey() + " in " + ko.sampleIds().get(i));
                if (carried > 0) {
                    double z = Math.log(v / (SpeciesPool.KO_SCALE * carried)) / 0.15;
                    assertTrue(Math.abs(z) < 6, e.getKey() + " in " + ko.sampleIds().get(i) + ": z = " + z);
                    sum += z;
                    sumSq += z * z;
                    n++;
                }
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertTrue(n > 4000, n + " cells");
        assertTrue(Math.abs(mean) < 4 / Math.sqrt(n), "mean z " + mean);
        assertTrue(Math.abs(sd - 1) < 0.05, "sd of z " + sd);
    }

    @Test
    void anotherSeedChangesEveryFileAndTheSameSeedNone(@TempDir Path a, @TempDir Path b, @TempDir Path c)
            throws IOException {
        small().withSeed(3).generate().writeTo(a);
        small().withSeed(3).generate().writeTo(b);
        small().withSeed(4).generate().writeTo(c);
        for (String f : List.of(SyntheticCohort.SPECIES_FILE, SyntheticCohort.KO_FILE, SyntheticCohort.METADATA_FILE,
                SyntheticCohort.CAPACITIES_FILE, SyntheticCohort.TRAITS_FILE, SyntheticCohort.TRUTH_FILE)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
            assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(c.resolve(f))), f);
        }
    }
}
