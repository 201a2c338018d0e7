package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writer → reader gives an equal object (FeatureTable.equals is bit-exact). */
class RoundTripTest {

    // the smallest normal double, not a subnormal such as Double.MIN_VALUE: the readers refuse subnormals (issue 15)
    private static final double[] AWKWARD = {1e-300, 0.1 + 0.2, 123456789.123, 0, Double.MIN_NORMAL, 1e300,
        Double.MAX_VALUE, 1e15, 123456789012345.0, 1.0 / 3, 2.5e-7, 100};

    @TempDir
    Path dir;

    private static FeatureTable awkwardTable(List<String> samples, List<String> features, AbundanceUnit unit) {
        double[] v = new double[samples.size() * features.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = AWKWARD[k % AWKWARD.length];
        }
        return FeatureTable.ofRowMajor(samples, features, v, unit);
    }

    private static final List<String> ODD_SAMPLES = List.of("s1", "id,with,commas", "say \"hi\"", "tab-free 'quote'",
            "ünïcödé", "#not-a-comment");

    @ParameterizedTest
    @ValueSource(strings = {"t.csv", "t.tsv"})
    void samplesAsRows(String name) throws Exception {
        FeatureTable t = awkwardTable(ODD_SAMPLES, List.of("K00001", "feature, with comma", "\"quoted\""),
                AbundanceUnit.CAPACITY);
        Path f = dir.resolve(name);
        FeatureTableWriter.samplesAsRows().write(t, f);
        assertEquals(t, FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CAPACITY).read(f));
    }

    @Test
    void samplesAsRowsTransformedWithNegatives() throws Exception {
        FeatureTable t = FeatureTable.of(List.of("a", "b"), List.of("x", "y"),
                new double[][] {{-1e-300, -(0.1 + 0.2)}, {-123456789.123, 7}}, AbundanceUnit.TRANSFORMED);
        Path f = dir.resolve("z.csv");
        FeatureTableWriter.samplesAsRows().write(t, f);
        assertEquals(t, FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.TRANSFORMED).read(f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko.tsv", "ko.csv"})
    void humann(String name) throws Exception {
        // RPK: the awkward values do not sum to a million as CPM columns must
        FeatureTable t = awkwardTable(ODD_SAMPLES, List.of("K01662", "K00099", "K03526", "K03527"), AbundanceUnit.RPK);
        Path f = dir.resolve(name);
        FeatureTableWriter.featuresAsRows("# Gene Family").write(t, f);
        assertEquals(t, FeatureTableReader.humann().withSampleIdSuffixes(false).read(f));
    }

    @Test
    void metaphlan() throws Exception {
        // counts: the awkward values are no percentages
        FeatureTable t = awkwardTable(ODD_SAMPLES, List.of("s__Bacteroides_uniformis", "s__Escherichia_coli"),
                AbundanceUnit.COUNTS);
        Path f = dir.resolve("species.tsv");
        FeatureTableWriter.featuresAsRows("clade_name").write(t, f);
        assertEquals(t, FeatureTableReader.metaphlan().withUnit(AbundanceUnit.COUNTS).withSampleIdSuffixes(false).read(f));
    }

    @Test
    void randomValuesRoundTripBitExactly() throws Exception {
        long seed = 20240611L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 40;
        int p = 25;
        double[] v = new double[n * p];
        for (int k = 0; k < v.length; k++) {
            v[k] = rng.nextDouble() * Math.pow(10, rng.nextInt(-12, 12));
        }
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add("S" + i);
        }
        List<String> kos = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            kos.add(String.format("K%05d", j + 1));
        }
        FeatureTable t = FeatureTable.ofRowMajor(samples, kos, v, AbundanceUnit.RPK);
        Path f = dir.resolve("r.tsv");
        FeatureTableWriter.featuresAsRows("# Gene Family").write(t, f);
        assertEquals(t, FeatureTableReader.humann().read(f), "seed " + seed);
    }

    @Test
    void aSubnormalValueIsRefusedBeforeWritingBecauseItWouldNotReadBack() throws Exception {
        FeatureTable t = FeatureTable.of(List.of("S1", "S2"), List.of("K00001"), new double[][] {{1}, {4.9e-324}},
                AbundanceUnit.RPK);
        Path f = dir.resolve("tiny.tsv");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FeatureTableWriter.samplesAsRows().write(t, f));
        assertEquals(f + ": the value of sample 'S2', feature 'K00001' is 4.9E-324, below the smallest positive normal"
                + " double 2.2250738585072014E-308, which gutsignal's readers refuse; round such values to 0 before"
                + " writing", e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(f));
        // the smallest normal double itself writes and reads back exactly
        FeatureTable min = FeatureTable.of(List.of("S1"), List.of("K00001"), new double[][] {{Double.MIN_NORMAL}},
                AbundanceUnit.RPK);
        FeatureTableWriter.samplesAsRows().write(min, f);
        assertEquals(min, FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.RPK).read(f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"metadata.csv", "metadata.tsv"})
    void metadata(String name) throws Exception {
        SampleMetadata m = SampleMetadata.builder()
                .add("s1", Response.RESPONDER, "site1", cov("61", "melanoma, stage IV"))
                .add("id,with \"quotes\"", Response.NON_RESPONDER, "", cov("NA", ""))
                .add("s3", Response.UNKNOWN, "validation", cov("", "two\nlines"))
                .build();
        Path f = dir.resolve(name);
        MetadataWriter.write(m, f);
        assertEquals(m, MetadataReader.gutsignal().read(f));
    }

    @Test
    void metadataWithoutCovariates() throws Exception {
        SampleMetadata m = SampleMetadata.builder().add("a", Response.RESPONDER, "g").add("b", Response.UNKNOWN, "g")
                .build();
        Path f = dir.resolve("m.csv");
        MetadataWriter.write(m, f);
        assertEquals(m, MetadataReader.gutsignal().read(f));
    }

    private static Map<String, String> cov(String age, String cancer) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("age", age);
        c.put("cancer_type", cancer);
        return c;
    }
}
