package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
