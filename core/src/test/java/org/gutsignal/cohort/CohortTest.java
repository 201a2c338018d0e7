package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortTest {

    private final FeatureTable table = FeatureTable.of(List.of("s1", "s2", "s3", "s4"), List.of("a"),
            new double[][] {{1}, {2}, {3}, {4}}, AbundanceUnit.COUNTS);
    private final SampleMetadata metadata = SampleMetadata.builder()
            .add("s2", Response.RESPONDER, "A")
            .add("s1", Response.NON_RESPONDER, "A")
            .add("s3", Response.UNKNOWN, "B")
            .add("s9", Response.RESPONDER, "B")
            .build();

    @Test
    void lenientJoinDropsAndReports() throws Exception {
        Cohort c = Cohort.join(table, metadata, JoinPolicy.LENIENT, "t.csv", "m.csv");
        assertEquals(List.of("s1", "s2", "s3"), c.sampleIds());
        assertEquals(List.of("s4"), c.joinReport().missingFromMetadata());
        assertEquals(List.of("s9"), c.joinReport().missingFromFeatures());
        assertEquals(1, c.joinReport().unknownLabels());
        Cohort labelled = c.labelled();
        assertArrayEquals(new int[] {0, 1}, labelled.labels());
        assertArrayEquals(new double[] {1, 2}, labelled.features().column(0));
    }

    @Test
    void strictJoinListsUnmatchedIdsOfBothSides() {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> Cohort.join(table, metadata, JoinPolicy.STRICT, "t.csv", "m.csv"));
        assertEquals("m.csv: join mismatch: expected the same samples in t.csv and m.csv but 1 of t.csv have no "
                + "metadata row [s4] and 1 of m.csv have no column in t.csv [s9] (use JoinPolicy.LENIENT to drop them)",
                e.getMessage());
    }

    @Test
    void unknownLabelsHaveNoBinaryValue() throws Exception {
        Cohort c = Cohort.join(table, metadata, JoinPolicy.LENIENT, "t.csv", "m.csv");
        assertThrows(IllegalStateException.class, c::labels);
        assertTrue(c.group("B").sampleIds().contains("s3"));
    }

    private static FeatureTable features(List<String> ids) {
        double[][] rows = new double[ids.size()][1];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i + 1;
        }
        return FeatureTable.of(ids, List.of("a"), rows, AbundanceUnit.COUNTS);
    }

    private static SampleMetadata responders(List<String> ids) {
        SampleMetadata.Builder b = SampleMetadata.builder();
        ids.forEach(id -> b.add(id, Response.RESPONDER, "A"));
        return b.build();
    }

    @Test
    void strictJoinSucceedsInTheFeatureTablesOrderWhenBothSidesMatch() throws Exception {
        SampleMetadata sameSamples = SampleMetadata.builder()
                .add("s4", Response.NON_RESPONDER, "B")
                .add("s3", Response.UNKNOWN, "B")
                .add("s2", Response.RESPONDER, "A")
                .add("s1", Response.NON_RESPONDER, "A")
                .build();
        Cohort c = Cohort.join(table, sameSamples, JoinPolicy.STRICT, "t.csv", "m.csv");
        assertEquals(List.of("s1", "s2", "s3", "s4"), c.sampleIds());
        assertEquals(List.of("s1", "s2", "s3", "s4"), c.metadata().sampleIds());
        assertEquals(List.of(Response.NON_RESPONDER, Response.RESPONDER, Response.UNKNOWN, Response.NON_RESPONDER),
                c.metadata().responses());
        assertEquals(new Cohort.JoinReport(List.of(), List.of(), 1), c.joinReport());
        assertEquals(4, c.sampleCount());
        assertEquals(table, c.features());
    }

    @Test
    void strictJoinNamesOnlyTheSideThatHasUnmatchedSamples() {
        CohortFormatException extraFeatures = assertThrows(CohortFormatException.class, () -> Cohort.join(table,
                responders(List.of("s1", "s2", "s3")), JoinPolicy.STRICT, "t.csv", "m.csv"));
        assertEquals("m.csv: join mismatch: expected the same samples in t.csv and m.csv but 1 of t.csv have no "
                + "metadata row [s4] (use JoinPolicy.LENIENT to drop them)", extraFeatures.getMessage());
        assertEquals("m.csv", extraFeatures.file());
        assertEquals(0, extraFeatures.line());
        assertEquals(0, extraFeatures.column());
        CohortFormatException extraMetadata = assertThrows(CohortFormatException.class, () -> Cohort.join(table,
                responders(List.of("s1", "s2", "s3", "s4", "x", "y")), JoinPolicy.STRICT, "t.csv", "m.csv"));
        assertEquals("m.csv: join mismatch: expected the same samples in t.csv and m.csv but 2 of m.csv have no "
                + "column in t.csv [x, y] (use JoinPolicy.LENIENT to drop them)", extraMetadata.getMessage());
    }

    @Test
    void strictJoinListsAtMostTenIdsOfASide() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            ids.add("m" + i);
        }
        List<String> all = new ArrayList<>(ids);
        all.add("s1");
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> Cohort.join(
                features(List.of("s1")), responders(all), JoinPolicy.STRICT, "t.csv", "m.csv"));
        assertEquals("m.csv: join mismatch: expected the same samples in t.csv and m.csv but 12 of m.csv have no "
                + "column in t.csv [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, …] (use JoinPolicy.LENIENT to drop "
                + "them)", e.getMessage());
    }

    @Test
    void joinWithNoCommonSampleFailsEvenWhenLenient() {
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> Cohort.join(table,
                responders(List.of("S1", "S2")), JoinPolicy.LENIENT, "t.csv", "m.csv"));
        assertEquals("m.csv: join: no sample id of t.csv is in m.csv (first ids: [s1, s2, s3, s4] vs [S1, S2]); "
                + "is the join column right? Perhaps the ids of t.csv and m.csv differ only in letter case ('s1' vs 'S1'; "
                + "2 of the 4 unmatched ids of t.csv): ids are compared exactly, so rename the ids of one side",
                e.getMessage());
        assertEquals("m.csv: join: no sample id of t.csv is in m.csv (first ids: [s1, s2, s3, s4] vs [x, y]); "
                + "is the join column right?", assertThrows(CohortFormatException.class, () -> Cohort.join(table,
                        responders(List.of("x", "y")), JoinPolicy.LENIENT, "t.csv", "m.csv")).getMessage());
        assertEquals("policy", assertThrows(NullPointerException.class,
                () -> Cohort.join(table, metadata, null, "t.csv", "m.csv")).getMessage());
    }

    @Test
    void strictJoinSuggestsStrippingHumannSuffixes() {
        FeatureTable humann = features(List.of("S1_Abundance-RPKs", "S2_Abundance-RPKs", "S3"));
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> Cohort.join(humann,
                responders(List.of("S1", "S2", "S3")), JoinPolicy.STRICT, "genes.tsv", "meta.tsv"));
        assertEquals("meta.tsv: join mismatch: expected the same samples in genes.tsv and meta.tsv but 2 of "
                + "genes.tsv have no metadata row [S1_Abundance-RPKs, S2_Abundance-RPKs] and 2 of meta.tsv have no "
                + "column in genes.tsv [S1, S2] (use JoinPolicy.LENIENT to drop them); the ids of genes.tsv end in "
                + "'_Abundance-RPKs' where those of meta.tsv do not ('S1_Abundance-RPKs' vs 'S1'; 2 of the 2 "
                + "unmatched ids of genes.tsv): strip the suffix (FeatureTableReader strips known HUMAnN/MetaPhlAn "
                + "suffixes by default) or rename the ids", e.getMessage());
    }

    @Test
    void lenientJoinWithNoCommonSampleSuggestsStrippingTheMetadatasPrefix() {
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> Cohort.join(table,
                responders(List.of("HMP_s1", "HMP_s2")), JoinPolicy.LENIENT, "t.csv", "m.csv"));
        assertEquals("m.csv: join: no sample id of t.csv is in m.csv (first ids: [s1, s2, s3, s4] vs "
                + "[HMP_s1, HMP_s2]); is the join column right? Perhaps the ids of m.csv start with 'HMP_' where those of "
                + "t.csv do not ('HMP_s1' vs 's1'; 2 of the 2 unmatched ids of m.csv): strip the prefix or rename "
                + "the ids", e.getMessage());
    }

    @Test
    void joinReportCountsAndDescribesWhatWasDropped() throws Exception {
        Cohort.JoinReport r = Cohort.join(table, metadata, JoinPolicy.LENIENT, "t.csv", "m.csv").joinReport();
        assertEquals("1 samples dropped for lacking metadata, 1 metadata rows dropped for lacking features, "
                + "1 samples with unknown response", r.toString());
        List<String> missing = new ArrayList<>(List.of("a"));
        Cohort.JoinReport copy = new Cohort.JoinReport(missing, List.of(), 0);
        missing.add("b");
        assertEquals(List.of("a"), copy.missingFromMetadata());
    }

    @Test
    void labelledDropsUnknownResponsesButKeepsTheJoinReport() throws Exception {
        Cohort c = Cohort.join(table, metadata, JoinPolicy.LENIENT, "t.csv", "m.csv");
        Cohort labelled = c.labelled();
        assertEquals(List.of("s1", "s2"), labelled.sampleIds());
        assertEquals(List.of("s1", "s2"), labelled.metadata().sampleIds());
        assertEquals(c.joinReport(), labelled.joinReport());
        assertSame(labelled, labelled.labelled(), "nothing to drop returns the same cohort");
        assertEquals("an unknown response has no 0/1 value",
                assertThrows(IllegalStateException.class, c::labels).getMessage());
    }

    @Test
    void ofRequiresTheSameSamplesInTheSameOrder() {
        SampleMetadata reversed = responders(List.of("s4", "s3", "s2", "s1"));
        assertEquals("feature table and metadata hold different samples or orders",
                assertThrows(IllegalArgumentException.class, () -> Cohort.of(table, reversed)).getMessage());
        Cohort c = Cohort.of(table, SampleMetadata.builder().add("s1", Response.UNKNOWN, "A")
                .add("s2", Response.RESPONDER, "A").add("s3", Response.UNKNOWN, "B")
                .add("s4", Response.NON_RESPONDER, "B").build());
        assertEquals(new Cohort.JoinReport(List.of(), List.of(), 2), c.joinReport());
        assertArrayEquals(new int[] {1, 0}, c.labelled().labels());
    }

    @Test
    void selectSamplesAndGroupKeepFeaturesAndMetadataAligned() throws Exception {
        Cohort c = Cohort.join(table, metadata, JoinPolicy.LENIENT, "t.csv", "m.csv"); // s1 A, s2 A, s3 B
        Cohort picked = c.selectSamples(new int[] {2, 0});
        assertEquals(List.of("s3", "s1"), picked.sampleIds());
        assertEquals(List.of("s3", "s1"), picked.metadata().sampleIds());
        assertArrayEquals(new double[] {3, 1}, picked.features().column(0));
        assertEquals(List.of("B", "A"), picked.metadata().groups());
        Cohort a = c.group("A");
        assertEquals(List.of("s1", "s2"), a.sampleIds());
        assertArrayEquals(new int[] {0, 1}, a.labels());
        assertEquals(0, c.group("Z").sampleCount());
    }

    @Test
    void withFeaturesNeedsTheSameSampleOrder() throws Exception {
        Cohort c = Cohort.join(table, metadata, JoinPolicy.LENIENT, "t.csv", "m.csv");
        FeatureTable other = FeatureTable.of(List.of("s1", "s2", "s3"), List.of("x", "y"),
                new double[][] {{-1, 0}, {0, 1}, {2, 3}}, AbundanceUnit.TRANSFORMED);
        Cohort swapped = c.withFeatures(other);
        assertSame(other, swapped.features());
        assertSame(c.metadata(), swapped.metadata());
        assertEquals(c.joinReport(), swapped.joinReport());
        FeatureTable reordered = other.selectSamples(List.of("s2", "s1", "s3"));
        assertEquals("the new feature table holds different samples or orders",
                assertThrows(IllegalArgumentException.class, () -> c.withFeatures(reordered)).getMessage());
    }
}
