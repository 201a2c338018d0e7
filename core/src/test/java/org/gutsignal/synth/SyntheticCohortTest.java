package org.gutsignal.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCohortTest {

    private static final List<String> FILES = List.of("species.tsv", "ko.tsv", "metadata.tsv", "capacities.tsv",
            "traits.tsv", "truth.tsv");

    private static SyntheticCohort.Result cohort;

    @BeforeAll
    static void generateDefault() {
        cohort = SyntheticCohort.withDefaults().generate();
    }

    private static Path testdata() {
        return Path.of(System.getProperty("gutsignal.testdata", "../testdata"), "synthetic");
    }

    /** All records of a tab-separated file, header included. */
    private static List<CSVRecord> readTsv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file);
                CSVParser p = CSVFormat.DEFAULT.builder().setDelimiter('\t').get().parse(r)) {
            return p.getRecords();
        }
    }

    @Test
    void sameSeedGivesIdenticalTables() {
        SyntheticCohort.Result again = SyntheticCohort.withDefaults().generate();
        assertEquals(cohort.species(), again.species());
        assertEquals(cohort.ko(), again.ko());
        assertEquals(cohort.capacities(), again.capacities());
        assertEquals(cohort.traits(), again.traits());
        assertEquals(cohort.metadata(), again.metadata());
        assertEquals(cohort.truth(), again.truth());
    }

    @Test
    void differentSeedGivesDifferentCohort() {
        SyntheticCohort.Result other = SyntheticCohort.withDefaults().withSeed(7).generate();
        assertNotEquals(cohort.species(), other.species());
        assertNotEquals(cohort.ko(), other.ko());
        assertNotEquals(cohort.metadata().responses(), other.metadata().responses());
    }

    @Test
    void writingTwiceGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        cohort.writeTo(a);
        SyntheticCohort.withDefaults().generate().writeTo(b);
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void checkedInFilesEqualAFreshDefaultGeneration(@TempDir Path dir) throws IOException {
        cohort.writeTo(dir);
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(testdata().resolve(f)),
                    f + " differs from a fresh generation; regenerate as testdata/synthetic/README.md says");
        }
    }

    @Test
    void sitesHaveTheConfiguredSizesAndAboutFortyPercentRespond() {
        SampleMetadata m = cohort.metadata();
        Map<String, Integer> perSite = new HashMap<>();
        for (String g : m.groups()) {
            perSite.merge(g, 1, Integer::sum);
        }
        assertEquals(Map.of("site1", 220, "site2", 180, "site3", 160, "site4", 140, "site5", 100, "validation", 147),
                perSite);
        int responders = m.count(Response.RESPONDER);
        int labelled = responders + m.count(Response.NON_RESPONDER);
        double rate = (double) responders / labelled;
        assertTrue(rate >= 0.35 && rate <= 0.45, "responder rate " + rate);
        int unknown = m.count(Response.UNKNOWN);
        assertTrue(unknown >= 10 && unknown <= 50, unknown + " unknown labels, expected about 3% of 947");
        assertEquals(List.of("age", "cancer_type"), m.covariateNames());
        assertTrue(Set.of("melanoma", "NSCLC", "RCC", "other").containsAll(new HashSet<>(m.covariate("cancer_type"))));
    }

    @Test
    void speciesArePercentagesOfOneHundredWithZeros() {
        FeatureTable s = cohort.species();
        assertEquals(AbundanceUnit.PERCENT, s.unit());
        assertEquals(160, s.featureCount());
        int zeros = 0;
        for (int i = 0; i < s.sampleCount(); i++) {
            double sum = 0;
            for (double v : s.row(i)) {
                sum += v;
                zeros += v == 0 ? 1 : 0;
            }
            assertEquals(100, sum, 1e-3, s.sampleIds().get(i));
        }
        assertTrue(zeros > s.sampleCount() * 30, "expected sparse compositions, found " + zeros + " zeros");
    }

    @Test
    void atLeastThreeSitesHaveDifferentDominantSpecies() {
        FeatureTable s = cohort.species();
        SampleMetadata m = cohort.metadata();
        Set<String> dominants = new HashSet<>();
        for (String site : List.of("site1", "site2", "site3", "site4", "site5", "validation")) {
            double[] mean = new double[s.featureCount()];
            for (int i = 0; i < s.sampleCount(); i++) {
                if (m.group(i).equals(site)) {
                    for (int j = 0; j < mean.length; j++) {
                        mean[j] += s.get(i, j);
                    }
                }
            }
            int top = 0;
            for (int j = 1; j < mean.length; j++) {
                top = mean[j] > mean[top] ? j : top;
            }
            dominants.add(s.featureNames().get(top));
        }
        assertTrue(dominants.size() >= 3, "dominant species per site: " + dominants);
    }

    @Test
    void capacitiesInTheFilesAreSpeciesPercentTimesTraits() throws IOException {
        Path dir = testdata();
        List<CSVRecord> species = readTsv(dir.resolve("species.tsv"));
        List<CSVRecord> traits = readTsv(dir.resolve("traits.tsv"));
        List<CSVRecord> capacities = readTsv(dir.resolve("capacities.tsv"));
        assertEquals("clade_name", species.get(0).get(0));
        assertEquals("taxon", traits.get(0).get(0));
        List<String> molecules = List.of("HMBPP", "LPS", "BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA");
        assertEquals(molecules, capacities.get(0).toList().subList(1, 7));
        assertEquals(molecules, traits.get(0).toList().subList(1, 7));
        Map<String, double[]> trait = new HashMap<>();
        for (CSVRecord r : traits.subList(1, traits.size())) {
            double[] t = new double[molecules.size()];
            for (int m = 0; m < t.length; m++) {
                t[m] = Double.parseDouble(r.get(m + 1));
            }
            trait.put(r.get(0), t);
        }
        int samples = species.get(0).size() - 1;
        double[][] expected = new double[samples][molecules.size()];
        for (CSVRecord r : species.subList(1, species.size())) {
            double[] t = trait.get(r.get(0));
            for (int i = 0; i < samples; i++) {
                double a = Double.parseDouble(r.get(i + 1));
                for (int m = 0; m < t.length; m++) {
                    expected[i][m] += a * t[m];
                }
            }
        }
        assertEquals(samples + 1, capacities.size());
        for (int i = 0; i < samples; i++) {
            CSVRecord r = capacities.get(i + 1);
            assertEquals(species.get(0).get(i + 1), r.get(0));
            for (int m = 0; m < molecules.size(); m++) {
                assertEquals(expected[i][m], Double.parseDouble(r.get(m + 1)), 1e-9, r.get(0) + " " + molecules.get(m));
            }
        }
    }

    @Test
    void respondersHaveMoreHmbppCapacity() {
        FeatureTable cap = cohort.capacities();
        int h = cap.indexOfFeature("HMBPP");
        List<Double> responders = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        for (int i = 0; i < cap.sampleCount(); i++) {
            Response r = cohort.metadata().response(i);
            if (r != Response.UNKNOWN) {
                (r == Response.RESPONDER ? responders : others).add(cap.get(i, h));
            }
        }
        double[] x = responders.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = others.stream().mapToDouble(Double::doubleValue).toArray();
        double meanX = java.util.Arrays.stream(x).average().orElseThrow();
        double meanY = java.util.Arrays.stream(y).average().orElseThrow();
        assertTrue(meanX > meanY + 2, "mean HMBPP capacity responders " + meanX + " vs " + meanY);
        double p = new MannWhitneyUTest().mannWhitneyUTest(x, y);
        assertTrue(p < 1e-3, "Mann-Whitney p = " + p);
    }

    @Test
    void mepPathwayMinimumOverKosTracksHmbppCapacity() {
        FeatureTable ko = cohort.ko();
        assertEquals(AbundanceUnit.CPM, ko.unit());
        assertEquals(400, ko.featureCount());
        for (String name : ko.featureNames()) {
            assertTrue(name.matches("K\\d{5}"), name);
        }
        String[][] steps = {{"K01662"}, {"K00099"}, {"K00991", "K12506"}, {"K00919"}, {"K01770", "K12506"},
                {"K03526"}, {"K03527"}};
        FeatureTable cap = cohort.capacities();
        int h = cap.indexOfFeature("HMBPP");
        double[] ratio = new double[ko.sampleCount()];
        for (int i = 0; i < ko.sampleCount(); i++) {
            double min = Double.POSITIVE_INFINITY;
            for (String[] step : steps) {
                double s = 0;
                for (String k : step) {
                    s += ko.get(i, ko.indexOfFeature(k));
                }
                min = Math.min(min, s);
            }
            ratio[i] = min / (SpeciesPool.KO_SCALE * cap.get(i, h));
        }
        java.util.Arrays.sort(ratio);
        // min over 7 steps with lognormal noise (sd 0.15) is biased low; the median ratio is ~0.83
        assertTrue(ratio[ratio.length / 2] > 0.75 && ratio[ratio.length / 2] < 0.95, "median " + ratio[ratio.length / 2]);
        assertTrue(ratio[ratio.length / 100] > 0.5 && ratio[ratio.length * 99 / 100] < 1.2);
    }

    @Test
    void traitsFollowBiology() {
        FeatureTable t = cohort.traits();
        assertEquals(AbundanceUnit.COUNTS, t.unit());
        for (int j = 0; j < t.sampleCount(); j++) {
            String name = t.sampleIds().get(j);
            String genus = name.substring(3, name.indexOf('_', 3));
            boolean mevalonate = Set.of("Lactobacillus", "Streptococcus", "Enterococcus", "Lactococcus",
                    "Staphylococcus").contains(genus);
            assertEquals(mevalonate ? 0 : 1, t.get(j, t.indexOfFeature("HMBPP")), name);
            if (Set.of("Bacteroides", "Prevotella", "Escherichia", "Akkermansia", "Veillonella").contains(genus)) {
                assertEquals(1, t.get(j, t.indexOfFeature("LPS")), name);
            }
            if (Set.of("Faecalibacterium", "Bifidobacterium", "Lactobacillus", "Blautia").contains(genus)) {
                assertEquals(0, t.get(j, t.indexOfFeature("LPS")), name);
            }
        }
        assertEquals(1, t.get(t.indexOfSample("s__Faecalibacterium_prausnitzii"), t.indexOfFeature("BUTYRATE")));
        assertEquals(1, t.get(t.indexOfSample("s__Clostridium_scindens"), t.indexOfFeature("SECONDARY_BILE_ACIDS")));
        assertEquals(1, t.get(t.indexOfSample("s__Escherichia_coli"), t.indexOfFeature("INDOLE")));
        assertEquals(1, t.get(t.indexOfSample("s__Escherichia_coli"), t.indexOfFeature("TMA")));
    }

    @Test
    void truthHasTheDocumentedCoefficients() {
        SyntheticCohort.Truth truth = cohort.truth();
        assertEquals(Map.of("HMBPP", 1.2, "LPS", -0.8, "BUTYRATE", 0.0, "SECONDARY_BILE_ACIDS", -0.5, "INDOLE", 0.0,
                "TMA", 0.3), truth.coefficients());
        assertEquals(List.of("site1", "site2", "site3", "site4", "site5", "validation"),
                List.copyOf(truth.siteEffects().keySet()));
        assertEquals(1.0, truth.pseudocount());
        assertEquals(0.5, truth.noiseSd());
    }

    @Test
    void configurationIsValidatedAndCopied() {
        SyntheticCohort d = SyntheticCohort.withDefaults();
        assertArrayEquals(new int[] {22000, 18000, 16000, 14000, 10000}, d.withPatients(80_000).siteSizes());
        assertEquals(801, java.util.Arrays.stream(d.withPatients(801).siteSizes()).sum());
        assertEquals(SyntheticCohort.DEFAULT_SEED, d.withPatients(100).seed());
        assertEquals(d, SyntheticCohort.withDefaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withSpeciesCount(10));
        assertEquals("species count must be >= 35 (one per genus) but is 10", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withSiteSizes());
        assertThrows(IllegalArgumentException.class, () -> d.withSiteSizes(10, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withKoCount(54));
        assertThrows(IllegalArgumentException.class, () -> d.withResponderRate(1.0));
        assertThrows(IllegalArgumentException.class, () -> d.withValidationSize(-1));
    }

    @Test
    void resizingOneSiteLeavesOtherSitesCompositionsUnchanged() {
        SyntheticCohort.Result small = SyntheticCohort.withDefaults().withSiteSizes(220, 20, 160, 140, 100)
                .withSpeciesCount(200).withKoCount(100).generate();
        SyntheticCohort.Result big = SyntheticCohort.withDefaults().withSiteSizes(220, 50, 160, 140, 100)
                .withSpeciesCount(200).withKoCount(100).generate();
        assertEquals(200, small.species().featureCount());
        assertEquals(100, small.ko().featureCount());
        assertTrue(small.species().featureNames().contains("s__Bacteroides_synth01"));
        // site1 comes first in both
        for (int i = 0; i < 220; i++) {
            assertArrayEquals(small.species().row(i), big.species().row(i));
        }
    }

    @Test
    void decimalsRoundToSignificantDigits() {
        assertEquals(1234.57, Decimals.round(1234.5678, 6));
        assertEquals(1.23457e-4, Decimals.round(1.23456789e-4, 6));
        assertEquals(123457000.0, Decimals.round(123456789, 6));
        assertEquals(-0.5, Decimals.round(-0.5, 6));
        assertEquals(0.0, Decimals.round(0.0, 6));
        assertEquals("95.1234567891", Double.toString(Decimals.round(95.12345678912345, 12)));
    }
}
