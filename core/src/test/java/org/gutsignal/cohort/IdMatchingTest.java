package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdMatchingTest {

    private static Optional<String> hint(List<String> featureIds, List<String> metadataIds) {
        return IdMatching.hint(featureIds, metadataIds, "t.tsv", "m.tsv");
    }

    @Test
    void aKnownToolSuffixOnTheFeatureSideNamesTheReader() {
        assertEquals(Optional.of("the ids of t.tsv end in '_Abundance-RPKs' where those of m.tsv do not "
                + "('S1_Abundance-RPKs' vs 'S1'; 2 of the 3 unmatched ids of t.tsv): strip the suffix "
                + "(FeatureTableReader strips known HUMAnN/MetaPhlAn suffixes by default) or rename the ids"),
                hint(List.of("S1_Abundance-RPKs", "S2_Abundance-RPKs", "S9_Abundance-RPKs"), List.of("S1", "S2")));
    }

    @Test
    void aKnownToolSuffixWithItsFileExtensionOnTheMetadataSideNamesSampleIds() {
        assertEquals(Optional.of("the ids of m.tsv end in '_profile.txt' where those of t.tsv do not "
                + "('S1_profile.txt' vs 'S1'; 1 of the 1 unmatched ids of m.tsv): strip the suffix "
                + "(SampleIds.stripToolSuffix strips known HUMAnN/MetaPhlAn suffixes) or rename the ids"),
                hint(List.of("S1"), List.of("S1_profile.txt")));
    }

    @Test
    void anUnknownSuffixIsNamedWithoutTheReader() {
        assertEquals(Optional.of("the ids of t.tsv end in '_R1.fastq' where those of m.tsv do not "
                + "('A_R1.fastq' vs 'A'; 2 of the 2 unmatched ids of t.tsv): strip the suffix or rename the ids"),
                hint(List.of("A_R1.fastq", "B_R1.fastq"), List.of("A", "B")));
    }

    @Test
    void theSuffixMostIdsShareWinsAndTiesGoToTheLongerOne() {
        assertEquals(Optional.of("the ids of t.tsv end in '_x' where those of m.tsv do not "
                + "('B_x' vs 'B'; 2 of the 3 unmatched ids of t.tsv): strip the suffix or rename the ids"),
                hint(List.of("A_y", "B_x", "C_x"), List.of("A", "B", "C")));
        assertEquals(Optional.of("the ids of t.tsv end in '_Abundance-RPKs' where those of m.tsv do not "
                + "('S1_Abundance-RPKs' vs 'S1'; 1 of the 1 unmatched ids of t.tsv): strip the suffix "
                + "(FeatureTableReader strips known HUMAnN/MetaPhlAn suffixes by default) or rename the ids"),
                hint(List.of("S1_Abundance-RPKs"), List.of("S1_Abundance", "S1")));
    }

    @Test
    void aPrefixOnOneSide() {
        assertEquals(Optional.of("the ids of m.tsv start with 'HMP_' where those of t.tsv do not "
                + "('HMP_S1' vs 'S1'; 2 of the 2 unmatched ids of m.tsv): strip the prefix or rename the ids"),
                hint(List.of("S1", "S2"), List.of("HMP_S1", "HMP_S2")));
        assertEquals(Optional.of("the ids of t.tsv start with 'run1-' where those of m.tsv do not "
                + "('run1-A' vs 'A'; 1 of the 1 unmatched ids of t.tsv): strip the prefix or rename the ids"),
                hint(List.of("run1-A"), List.of("A")));
    }

    @Test
    void anAffixNeverCutsANumberOrAWord() {
        assertEquals(Optional.empty(), hint(List.of("S10", "S11"), List.of("S1")));
        assertEquals(Optional.empty(), hint(List.of("Sample"), List.of("Samples", "ample")));
    }

    @Test
    void letterCase() {
        assertEquals(Optional.of("the ids of t.tsv and m.tsv differ only in letter case ('s1' vs 'S1'; 2 of the 4 "
                + "unmatched ids of t.tsv): ids are compared exactly, so rename the ids of one side"),
                hint(List.of("s1", "s2", "s3", "s4"), List.of("S1", "S2")));
    }

    @Test
    void separators() {
        assertEquals(Optional.of("the ids of t.tsv and m.tsv differ only in the separators '-', '_' and '.' "
                + "('P-01.a' vs 'P_01_a'; 2 of the 2 unmatched ids of t.tsv): ids are compared exactly, so rename "
                + "the ids of one side"), hint(List.of("P-01.a", "P-02.a"), List.of("P_01_a", "P.02-a")));
    }

    @Test
    void leadingZeros() {
        assertEquals(Optional.of("the ids of t.tsv and m.tsv differ only in leading zeros ('S001' vs 'S1'; 2 of the "
                + "2 unmatched ids of t.tsv): ids are compared exactly, so rename the ids of one side"),
                hint(List.of("S001", "S010"), List.of("S1", "S10", "S0")));
        assertEquals(Optional.of("the ids of t.tsv and m.tsv differ only in leading zeros ('P00' vs 'P0'; 1 of the "
                + "1 unmatched ids of t.tsv): ids are compared exactly, so rename the ids of one side"),
                hint(List.of("P00"), List.of("P0")));
    }

    @Test
    void theRuleThatPairsMostIdsWinsAndTiesGoToTheEarlierRule() {
        // case pairs 2 (s1, s2), the suffix pairs 1 (S3_R1)
        assertEquals(Optional.of("the ids of t.tsv and m.tsv differ only in letter case ('s1' vs 'S1'; 2 of the 3 "
                + "unmatched ids of t.tsv): ids are compared exactly, so rename the ids of one side"),
                hint(List.of("s1", "s2", "S3_R1"), List.of("S1", "S2", "S3")));
        // one each: the suffix rule comes first
        assertEquals(Optional.of("the ids of t.tsv end in '_R1' where those of m.tsv do not ('S3_R1' vs 'S3'; 1 of "
                + "the 2 unmatched ids of t.tsv): strip the suffix or rename the ids"),
                hint(List.of("s1", "S3_R1"), List.of("S1", "S3")));
    }

    @Test
    void noHintWhenNothingPairsOrOneSideIsEmpty() {
        assertEquals(Optional.empty(), hint(List.of("A", "B"), List.of("C", "D")));
        assertEquals(Optional.empty(), hint(List.of("A"), List.of()));
        assertEquals(Optional.empty(), hint(List.of(), List.of("A")));
    }
}
