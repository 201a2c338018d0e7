package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

    private final FeatureTable table = FeatureTable.of(List.of("s1", "s2", "s3"), List.of("a", "b"),
            new double[][] {{1, 2}, {3, 4}, {5, 6}}, AbundanceUnit.COUNTS);

    @Test
    void selectsSamplesAndFeaturesInTheGivenOrder() {
        FeatureTable sub = table.selectSamples(List.of("s3", "s1")).selectFeatures(List.of("b"));
        assertEquals(List.of("s3", "s1"), sub.sampleIds());
        assertArrayEquals(new double[] {6, 2}, sub.column(0));
        assertEquals(AbundanceUnit.COUNTS, sub.unit());
    }

    @Test
    void rowsAndColumnsAreCopies() {
        double[] row = table.row(1);
        row[0] = 99;
        assertEquals(3, table.get(1, 0));
        assertArrayEquals(new double[] {2, 4, 6}, table.column(1));
    }

    @Test
    void rejectsDuplicateIdsNonFiniteAndNegativeAbundances() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
                List.of("s1", "s1"), List.of("a"), new double[][] {{1}, {2}}, AbundanceUnit.COUNTS));
        assertTrue(dup.getMessage().contains("duplicate sample id 's1'"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(List.of("s1"), List.of("a"),
                new double[][] {{Double.NaN}}, AbundanceUnit.TRANSFORMED));
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
                List.of("s1"), List.of("a"), new double[][] {{-1}}, AbundanceUnit.PERCENT));
        assertTrue(neg.getMessage().contains("negative"), neg.getMessage());
        assertEquals(-1, FeatureTable.of(List.of("s1"), List.of("a"), new double[][] {{-1}},
                AbundanceUnit.TRANSFORMED).get(0, 0));
    }

    @Test
    void unknownSelectionIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.selectFeatures(List.of("zzz")));
        assertEquals("no feature 'zzz' in this table", e.getMessage());
    }

    private static IllegalArgumentException rejected(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e);
    }

    @Test
    void ofAndOfRowMajorCopyTheirInputs() {
        List<String> ids = new ArrayList<>(List.of("s1", "s2"));
        double[][] rows = {{1, 2}, {3, 4}};
        FeatureTable t = FeatureTable.of(ids, List.of("a", "b"), rows, AbundanceUnit.RPK);
        rows[1][0] = 99;
        ids.set(0, "changed");
        assertEquals(3, t.get(1, 0));
        assertEquals(List.of("s1", "s2"), t.sampleIds());

        double[] flat = {1, 2, 3, 4};
        FeatureTable u = FeatureTable.ofRowMajor(List.of("s1", "s2"), List.of("a", "b"), flat, AbundanceUnit.RPK);
        flat[3] = 99;
        assertEquals(4, u.get(1, 1));
        assertEquals(t, u);
        assertEquals(t.hashCode(), u.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> t.sampleIds().add("s3"));
        assertThrows(UnsupportedOperationException.class, () -> t.featureNames().add("c"));
    }

    @Test
    void rowMajorArrayIsSampleMajorAndACopy() {
        // values[i * p + j]: s1 = (1, 2), s2 = (3, 4), s3 = (5, 6)
        double[] flat = table.toRowMajorArray();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, flat);
        flat[0] = 99;
        assertEquals(1, table.get(0, 0));
        double[][] rows = table.toRows();
        rows[2][1] = 99;
        assertArrayEquals(new double[] {5, 6}, table.row(2));
        double[] dest = {-1, -1, -1, -1};
        table.copyRow(1, dest, 1);
        assertArrayEquals(new double[] {-1, 3, 4, -1}, dest);
    }

    @Test
    void weightedSumsOfTheExample() {
        double[] eta = new double[4];
        table.weightedSums(new int[] {1, 0, 9}, new double[] {0.5, -2, 7}, 2, 0.1, eta);
        // fewer than eight terms: added one at a time after the constant
        assertArrayEquals(new double[] {0.1 + 0.5 * 2 - 2 * 1, 0.1 + 0.5 * 4 - 2 * 3, 0.1 + 0.5 * 6 - 2 * 5, 0}, eta);
        table.weightedSums(new int[0], new double[0], 0, -3, eta);
        assertArrayEquals(new double[] {-3, -3, -3, 0}, eta);
    }

    /**
     * The order of the additions is the documented one, bit for bit, for consecutive columns (read
     * in memory order) and for any other columns alike, for every count from 0 to 40: values and
     * weights of mixed magnitudes make any other order round differently.
     */
    @Test
    void weightedSumsAddInTheDocumentedOrder() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int n = 5;
        int p = 50;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("s" + i);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("f" + j);
        }
        double[] values = new double[n * p];
        for (int k = 0; k < values.length; k++) {
            values[k] = r.nextDouble() * Math.pow(10, r.nextInt(-8, 9));
        }
        FeatureTable t = FeatureTable.ofRowMajor(ids, names, values, AbundanceUnit.TRANSFORMED);
        double[] weights = new double[p];
        for (int k = 0; k < p; k++) {
            weights[k] = r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-4, 5));
        }
        for (int count = 0; count <= 40; count++) {
            int[] consecutive = new int[count];
            int[] scattered = new int[count];
            for (int k = 0; k < count; k++) {
                consecutive[k] = 7 + k;
                scattered[k] = r.nextInt(p);
            }
            for (int[] columns : new int[][] {consecutive, scattered}) {
                double[] out = new double[n];
                t.weightedSums(columns, weights, count, 0.3, out);
                for (int i = 0; i < n; i++) {
                    double[] s = new double[8];
                    int g = count / 8 * 8;
                    for (int k = 0; k < g; k++) {
                        s[k % 8] += weights[k] * t.get(i, columns[k]);
                    }
                    double expected = 0.3 + (((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7])));
                    for (int k = g; k < count; k++) {
                        expected += weights[k] * t.get(i, columns[k]);
                    }
                    assertEquals(expected, out[i], 0.0, "count " + count + ", sample " + i);
                }
            }
        }
    }

    @Test
    void weightedSumsOverARangeWriteOnlyThoseSamplesTheSameNumbers() {
        int[] columns = {1, 0};
        double[] weights = {0.5, -2};
        double[] whole = new double[3];
        table.weightedSums(columns, weights, 2, 0.1, whole);
        double[] part = {-7, -7, -7};
        table.weightedSums(columns, weights, 2, 0.1, 0, 2, part);
        assertArrayEquals(new double[] {whole[0], whole[1], -7}, part);
        part = new double[] {-7, -7, -7};
        table.weightedSums(columns, weights, 2, 0.1, 1, 2, part);
        assertArrayEquals(new double[] {-7, whole[1], -7}, part);
        table.weightedSums(columns, weights, 2, 0.1, 2, 2, part); // an empty range writes nothing
        assertArrayEquals(new double[] {-7, whole[1], -7}, part);
        double[] out = part;
        assertEquals("samples 2 to 4 (exclusive) but the table has 3 samples", assertThrows(
                IllegalArgumentException.class, () -> table.weightedSums(columns, weights, 2, 0, 2, 4, out)).getMessage());
        assertEquals("samples 2 to 1 (exclusive) but the table has 3 samples", assertThrows(
                IllegalArgumentException.class, () -> table.weightedSums(columns, weights, 2, 0, 2, 1, out)).getMessage());
        assertEquals("output array holds 2 values but samples 1 to 3 (exclusive) need 3",
                assertThrows(IllegalArgumentException.class,
                        () -> table.weightedSums(columns, weights, 2, 0, 1, 3, new double[2])).getMessage());
        assertEquals("count 3 but 2 columns and 2 weights", assertThrows(IllegalArgumentException.class,
                () -> table.weightedSums(columns, weights, 3, 0, 0, 1, out)).getMessage());
    }

    @Test
    void weightedSumsRefuseWrongArguments() {
        double[] out = new double[3];
        assertEquals("count 3 but 2 columns and 3 weights", assertThrows(IllegalArgumentException.class,
                () -> table.weightedSums(new int[2], new double[3], 3, 0, out)).getMessage());
        assertEquals("count -1 but 2 columns and 3 weights", assertThrows(IllegalArgumentException.class,
                () -> table.weightedSums(new int[2], new double[3], -1, 0, out)).getMessage());
        assertEquals("output array holds 2 values but the table has 3 samples",
                assertThrows(IllegalArgumentException.class,
                        () -> table.weightedSums(new int[1], new double[1], 1, 0, new double[2])).getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> table.weightedSums(new int[] {0, 2}, new double[2], 2, 0, out));
        assertThrows(IndexOutOfBoundsException.class,
                () -> table.weightedSums(new int[] {-1}, new double[1], 1, 0, out));
    }

    @Test
    void indexOfFeatureAndSampleGiveThePositionOrMinusOne() {
        assertEquals(1, table.indexOfFeature("b"));
        assertEquals(-1, table.indexOfFeature("B"));
        assertEquals(2, table.indexOfSample("s3"));
        assertEquals(-1, table.indexOfSample("s4"));
        FeatureTable reordered = table.selectFeatures(List.of("b", "a"));
        assertEquals(0, reordered.indexOfFeature("b"));
        assertArrayEquals(new double[] {4, 3}, reordered.row(1));
    }

    @Test
    void selectionsByIndexKeepTheGivenOrderAndRejectRepeats() {
        FeatureTable sub = table.selectSampleIndices(new int[] {2, 0});
        assertEquals(List.of("s3", "s1"), sub.sampleIds());
        assertArrayEquals(new double[] {5, 6, 1, 2}, sub.toRowMajorArray());
        assertEquals("duplicate sample id 's1' at positions 0 and 1",
                rejected(() -> table.selectSamples(List.of("s1", "s1"))).getMessage());
        assertEquals("duplicate feature name 'a' at positions 0 and 1",
                rejected(() -> table.selectFeatures(List.of("a", "a"))).getMessage());
        assertEquals("no sample 's9' in this table", rejected(() -> table.selectSamples(List.of("s9"))).getMessage());
        assertEquals(0, table.selectFeatures(List.of()).featureCount());
        assertEquals(3, table.selectFeatures(List.of()).sampleCount());
    }

    @Test
    void shapeErrorsSayWhatDoesNotFit() {
        assertEquals("2 sample ids but 3 rows", rejected(() -> FeatureTable.of(List.of("s1", "s2"), List.of("a"),
                new double[][] {{1}, {2}, {3}}, AbundanceUnit.COUNTS)).getMessage());
        assertEquals("row 1 (sample 's2') has 1 values but there are 2 features", rejected(() -> FeatureTable.of(
                List.of("s1", "s2"), List.of("a", "b"), new double[][] {{1, 2}, {3}}, AbundanceUnit.COUNTS))
                .getMessage());
        assertEquals("5 values for 2 samples × 2 features", rejected(() -> FeatureTable.ofRowMajor(
                List.of("s1", "s2"), List.of("a", "b"), new double[5], AbundanceUnit.COUNTS)).getMessage());
        assertEquals("empty feature name at position 1", rejected(() -> FeatureTable.of(List.of("s1"),
                List.of("a", ""), new double[][] {{1, 2}}, AbundanceUnit.COUNTS)).getMessage());
        assertEquals("empty sample id at position 0", rejected(() -> FeatureTable.of(List.of(""),
                List.of("a"), new double[][] {{1}}, AbundanceUnit.COUNTS)).getMessage());
        assertEquals("duplicate feature name 'a' at positions 0 and 2", rejected(() -> FeatureTable.of(
                List.of("s1"), List.of("a", "b", "a"), new double[][] {{1, 2, 3}}, AbundanceUnit.COUNTS))
                .getMessage());
    }

    @Test
    void everyValueMustBeFiniteWhateverTheUnitButOnlyTransformedMayBeNegative() {
        List<String> ids = List.of("s1", "s2");
        List<String> names = List.of("a", "b");
        assertEquals("value of sample 's2', feature 'a' is not finite: NaN", rejected(() -> FeatureTable.of(ids,
                names, new double[][] {{0, 0}, {Double.NaN, 0}}, AbundanceUnit.TRANSFORMED)).getMessage());
        assertEquals("value of sample 's1', feature 'b' is not finite: Infinity", rejected(() -> FeatureTable.of(ids,
                names, new double[][] {{0, Double.POSITIVE_INFINITY}, {0, 0}}, AbundanceUnit.FRACTION)).getMessage());
        assertEquals("value of sample 's2', feature 'b' is not finite: -Infinity", rejected(() -> FeatureTable.of(
                ids, names, new double[][] {{0, 0}, {0, Double.NEGATIVE_INFINITY}}, AbundanceUnit.TRANSFORMED))
                .getMessage());
        for (AbundanceUnit unit : AbundanceUnit.values()) {
            double[][] rows = {{0, 0}, {0, -0.5}};
            if (unit == AbundanceUnit.TRANSFORMED) {
                assertEquals(-0.5, FeatureTable.of(ids, names, rows, unit).get(1, 1));
            } else {
                assertEquals("value of sample 's2', feature 'b' is negative (-0.5) but unit " + unit
                        + " is an abundance", rejected(() -> FeatureTable.of(ids, names, rows, unit)).getMessage());
            }
        }
    }

    @Test
    void withUnitKeepsValuesAndRevalidatesThem() {
        FeatureTable t = table.withUnit(AbundanceUnit.FRACTION);
        assertEquals(AbundanceUnit.FRACTION, t.unit());
        assertArrayEquals(table.toRowMajorArray(), t.toRowMajorArray());
        assertNotEquals(table, t);
        assertTrue(table == table.withUnit(AbundanceUnit.COUNTS));
        FeatureTable negative = FeatureTable.of(List.of("s1"), List.of("a"), new double[][] {{-2}},
                AbundanceUnit.TRANSFORMED);
        assertEquals("value of sample 's1', feature 'a' is negative (-2.0) but unit CPM is an abundance",
                rejected(() -> negative.withUnit(AbundanceUnit.CPM)).getMessage());
    }

    @Test
    void equalityIsBitForBitAndToStringGivesTheShape() {
        FeatureTable zero = FeatureTable.of(List.of("s1"), List.of("a"), new double[][] {{0.0}},
                AbundanceUnit.TRANSFORMED);
        FeatureTable minusZero = FeatureTable.of(List.of("s1"), List.of("a"), new double[][] {{-0.0}},
                AbundanceUnit.TRANSFORMED);
        assertNotEquals(zero, minusZero);
        assertEquals("FeatureTable[3 samples × 2 features, COUNTS]", table.toString());
    }

    @Test
    void indexChecksRejectFeaturesOutsideTheTable() {
        assertThrows(IndexOutOfBoundsException.class, () -> table.get(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> table.get(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> table.row(3));
        assertThrows(IndexOutOfBoundsException.class, () -> table.column(2));
    }

    private static FeatureTable rpk(List<String> ids, List<String> names, double[][] rows) {
        return FeatureTable.of(ids, names, rows, AbundanceUnit.RPK);
    }

    @Test
    void mergeStacksSamplesOverTheUnionOfFeaturesAndReportsEveryZeroItFilled() {
        FeatureTable a = rpk(List.of("S1", "S2"), List.of("K1", "K2"), new double[][] {{1, 2}, {3, 4}});
        FeatureTable b = rpk(List.of("S3"), List.of("K3", "K1"), new double[][] {{5, 6}});
        FeatureTable c = rpk(List.of("S4"), List.of("K2", "K3", "K1"), new double[][] {{7, 8, 9}});
        FeatureTable.Merged m = FeatureTable.merge(List.of(a, b, c));
        assertEquals(rpk(List.of("S1", "S2", "S3", "S4"), List.of("K1", "K2", "K3"),
                new double[][] {{1, 2, 0}, {3, 4, 0}, {6, 0, 5}, {9, 7, 8}}), m.table());
        assertEquals(java.util.Map.of("S1", List.of("K3"), "S2", List.of("K3"), "S3", List.of("K2")),
                m.filledFeaturesBySample());
        assertEquals(List.of("S1", "S2", "S3"), List.copyOf(m.filledFeaturesBySample().keySet()));
        assertEquals(3, m.filledValueCount());
    }

    @Test
    void mergeOfTablesWithTheSameFeaturesFillsNothing() {
        FeatureTable.Merged one = FeatureTable.merge(List.of(table));
        assertEquals(table, one.table());
        assertEquals(java.util.Map.of(), one.filledFeaturesBySample());
        assertEquals(0, one.filledValueCount());
        FeatureTable reordered = FeatureTable.of(List.of("s4"), List.of("b", "a"), new double[][] {{8, 7}},
                AbundanceUnit.COUNTS);
        FeatureTable.Merged two = FeatureTable.merge(List.of(table, reordered));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, two.table().toRowMajorArray());
        assertEquals(List.of("s1", "s2", "s3", "s4"), two.table().sampleIds());
        assertEquals(0, two.filledValueCount());
    }

    @Test
    void mergeRefusesWhatItCannotFillWithZero() {
        FeatureTable cpm = FeatureTable.of(List.of("x"), List.of("a"), new double[][] {{1}}, AbundanceUnit.CPM);
        FeatureTable clr = FeatureTable.of(List.of("y"), List.of("a"), new double[][] {{-1}}, AbundanceUnit.TRANSFORMED);
        FeatureTable again = FeatureTable.of(List.of("z", "s2"), List.of("a"), new double[][] {{1}, {2}},
                AbundanceUnit.COUNTS);
        assertEquals("no tables to merge", rejected(() -> FeatureTable.merge(List.of())).getMessage());
        assertEquals("table 0 is in COUNTS but table 1 is in CPM: convert them to one unit before merging",
                rejected(() -> FeatureTable.merge(List.of(table, cpm))).getMessage());
        assertEquals("table 2 is TRANSFORMED: after a log, CLR or standardisation 0 does not mean absent, so absent "
                + "features cannot be filled; merge the abundances, then transform",
                rejected(() -> FeatureTable.merge(List.of(table, table.selectSamples(List.of()), clr))).getMessage());
        assertEquals("table 0 is TRANSFORMED: after a log, CLR or standardisation 0 does not mean absent, so absent "
                + "features cannot be filled; merge the abundances, then transform",
                rejected(() -> FeatureTable.merge(List.of(clr))).getMessage());
        assertEquals("sample id 's2' is in table 0 and table 2: sample ids must be unique across the merged tables",
                rejected(() -> FeatureTable.merge(List.of(table, table.selectSamples(List.of()), again)))
                        .getMessage());
        assertEquals("table 1", assertThrows(NullPointerException.class,
                () -> FeatureTable.merge(java.util.Arrays.asList(table, null))).getMessage());
    }

    @Test
    void mergedCopiesItsMap() {
        java.util.Map<String, List<String>> filled = new java.util.LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("a"));
        filled.put("s1", names);
        FeatureTable.Merged m = new FeatureTable.Merged(table, filled);
        filled.put("s2", List.of("b"));
        names.add("b");
        assertEquals(java.util.Map.of("s1", List.of("a")), m.filledFeaturesBySample());
        assertThrows(UnsupportedOperationException.class, () -> m.filledFeaturesBySample().put("s3", List.of()));
    }
}
