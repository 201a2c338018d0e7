package org.gutsignal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;

/** The prepared training data: weights, penalties, limits, subsets and the checksum, derived by hand. */
class TrainingDataTest {

    private static final FeatureTable X = FeatureTable.of(List.of("a", "b", "c", "d", "e"), List.of("HMBPP", "LPS"),
            new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}}, AbundanceUnit.TRANSFORMED);
    private static final int[] Y = {1, 0, 0, 1, 0};

    @Test
    void unitWeightsPenaltiesAndLimitsByName() {
        TrainingData d = TrainingData.of(X, Y, null, false, Set.of("LPS"), Map.of("HMBPP", 0.0), Map.of("LPS", 0.0));
        assertSame(X, d.x, "the preprocessed table is used as is, not copied");
        assertArrayEquals(new double[] {1, 0, 0, 1, 0}, d.y);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, d.w);
        assertArrayEquals(new double[] {1, 0}, d.penalty);
        assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY}, d.lower);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0}, d.upper);
        assertEquals(2, d.positives);
    }

    @Test
    void classBalancingMultipliesTheGivenWeights() {
        // n = 5, 2 responders: responders × 5/4, non-responders × 5/6
        Map<String, Double> w = Map.of("a", 2.0, "b", 1.0, "c", 3.0, "d", 1.0, "e", 0.5, "extra", 9.0);
        TrainingData d = TrainingData.of(X, Y, w, true, Set.of(), Map.of(), Map.of());
        assertArrayEquals(new double[] {2 * 1.25, 5.0 / 6, 3 * (5.0 / 6), 1.25, 0.5 * (5.0 / 6)}, d.w, 1e-15);
    }

    @Test
    void aSubsetKeepsTheRowsAndTheirLabelsAndWeights() {
        TrainingData d = TrainingData.of(X, Y, Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0, "e", 5.0), false,
                Set.of(), Map.of(), Map.of());
        TrainingData s = d.subset(new int[] {0, 3, 4});
        assertEquals(List.of("a", "d", "e"), s.sampleIds());
        double[] row = new double[2];
        s.copyRow(1, row);
        assertArrayEquals(new double[] {7, 8}, row);
        assertArrayEquals(new double[][] {{X.get(0, 0), X.get(3, 0), X.get(4, 0)}}, s.columns(0, 1));
        TrainingData ss = s.subset(new int[] {1, 2});
        assertEquals(List.of("d", "e"), ss.sampleIds(), "a subset of a subset");
        assertArrayEquals(new double[] {1, 1, 0}, s.y);
        assertArrayEquals(new double[] {1, 4, 5}, s.w);
        assertEquals(2, s.positives);
    }

    @Test
    void theChecksumIsSha256OfNamesValuesAndLabels() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String name : List.of("HMBPP", "LPS")) {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        ByteBuffer b = ByteBuffer.allocate(8 * 15);
        for (double v = 1; v <= 10; v++) {
            b.putDouble(v);
        }
        for (int y : Y) {
            b.putDouble(y);
        }
        md.update(b.array());
        String expected = "sha256:" + HexFormat.of().formatHex(md.digest());
        assertEquals(expected, TrainingData.of(X, Y, null, false, Set.of(), Map.of(), Map.of()).checksum());
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertEquals("training needs both classes but there are 0 responders and 5 non-responders",
                assertThrows(IllegalArgumentException.class,
                        () -> TrainingData.of(X, new int[5], null, false, Set.of(), Map.of(), Map.of())).getMessage());
        assertEquals("unpenalised features [TMA, bile] are not in the training table",
                assertThrows(IllegalArgumentException.class,
                        () -> TrainingData.of(X, Y, null, false, Set.of("bile", "TMA"), Map.of(), Map.of()))
                        .getMessage());
        assertEquals("every feature is unpenalised; at least one must be penalised",
                assertThrows(IllegalArgumentException.class,
                        () -> TrainingData.of(X, Y, null, false, Set.of("HMBPP", "LPS"), Map.of(), Map.of()))
                        .getMessage());
        assertEquals("no weight for sample 'c'", assertThrows(IllegalArgumentException.class,
                () -> TrainingData.of(X, Y, Map.of("a", 1.0, "b", 1.0), false, Set.of(), Map.of(), Map.of()))
                .getMessage());
        assertEquals("the weights leave one class with zero total weight (responders 0.0 of 3.0)",
                assertThrows(IllegalArgumentException.class, () -> TrainingData.of(X, Y,
                        Map.of("a", 0.0, "b", 1.0, "c", 1.0, "d", 0.0, "e", 1.0), false, Set.of(), Map.of(),
                        Map.of())).getMessage());
    }
}
