package org.gutsignal.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;

/**
 * Reference values: src/test/resources/stats/make_reference.py (scipy 1.10.1 mannwhitneyu, numpy gFC as
 * SIAMCAT) and make_reference.R (R 4.2.2 p.adjust BH).
 */
class AssociationsTest {

    private static List<CSVRecord> csv(String name) throws IOException {
        try (InputStream in = AssociationsTest.class.getResourceAsStream("/stats/" + name)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        }
    }

    private static double[] parse(String joined) {
        return Arrays.stream(joined.split(";")).mapToDouble(s -> s.equals("NA") ? Double.NaN : Double.parseDouble(s))
                .toArray();
    }

    @Test
    void rankSumMatchesScipyExactAndAsymptotic() throws IOException {
        for (CSVRecord r : csv("mannwhitney_cases.csv")) {
            RankSumTest.Result res = RankSumTest.test(parse(r.get("x")), parse(r.get("y")));
            double expected = Double.parseDouble(r.get("p_value"));
            assertEquals(expected, res.pValue(), 1e-12 * Math.max(1, expected) + 1e-15, r.get("case"));
            assertEquals(r.get("method").equals("exact"), res.exact(), r.get("case"));
        }
    }

    @Test
    void benjaminiHochbergMatchesR() throws IOException {
        for (CSVRecord r : csv("bh_cases.csv")) {
            double[] q = BenjaminiHochberg.adjust(parse(r.get("p")));
            double[] expected = parse(r.get("q"));
            for (int i = 0; i < q.length; i++) {
                assertEquals(expected[i], q[i], 1e-15, r.get("case") + " " + i);
            }
        }
    }

    @Test
    void tableMatchesScipyNumpyAndR() throws IOException {
        List<CSVRecord> fixture = csv("associations_fixture.csv");
        List<String> features = List.of("HMBPP", "LPS", "BUTYRATE", "RARE", "CONSTANT");
        List<String> ids = new ArrayList<>();
        double[][] rows = new double[fixture.size()][features.size()];
        int[] labels = new int[fixture.size()];
        String[] groups = new String[fixture.size()];
        for (int i = 0; i < fixture.size(); i++) {
            CSVRecord r = fixture.get(i);
            ids.add(r.get("sample_id"));
            labels[i] = Integer.parseInt(r.get("label"));
            groups[i] = r.get("group");
            for (int j = 0; j < features.size(); j++) {
                rows[i][j] = Double.parseDouble(r.get(features.get(j)));
            }
        }
        FeatureTable table = FeatureTable.of(ids, features, rows, AbundanceUnit.FRACTION);
        AssociationTable result = Associations.withDefaults().withPrevalenceThreshold(0).byGroup(true)
                .test(table, labels, groups);
        assertEquals(15, result.rows().size());
        assertTrue(result.skippedGroups().isEmpty());
        List<CSVRecord> bh = csv("reference_bh.csv");
        List<CSVRecord> ref = csv("reference_scipy.csv");
        for (int k = 0; k < ref.size(); k++) {
            CSVRecord r = ref.get(k);
            String where = r.get("group") + "/" + r.get("feature");
            FeatureAssociation a = result.row(r.get("group"), r.get("feature")).orElseThrow();
            assertEquals(Integer.parseInt(r.get("n_responders")), a.responders(), where);
            assertEquals(Integer.parseInt(r.get("n_non_responders")), a.nonResponders(), where);
            assertEquals(Double.parseDouble(r.get("p_value")), a.pValue(), 1e-12, where);
            assertEquals(r.get("method").equals("exact"), a.exact(), where);
            assertEquals(Double.parseDouble(r.get("auroc")), a.auroc(), 1e-12, where);
            assertEquals(Double.parseDouble(r.get("gfc")), a.generalisedFoldChange(), 1e-12, where);
            assertEquals(Double.parseDouble(r.get("median_difference")), a.medianDifference(), 1e-15, where);
            assertEquals(Double.parseDouble(r.get("prevalence_responders")), a.prevalenceResponders(), 1e-15, where);
            assertEquals(Double.parseDouble(r.get("prevalence_non_responders")), a.prevalenceNonResponders(), 1e-15,
                    where);
            assertEquals(bh.get(k).get("group") + "/" + bh.get(k).get("feature"), where);
            assertEquals(Double.parseDouble(bh.get(k).get("q_value")), a.qValue(), 1e-12, where);
            FeatureAssociation.Direction expected = a.auroc() > 0.5 ? FeatureAssociation.Direction.HIGHER_IN_RESPONDERS
                    : a.auroc() < 0.5 ? FeatureAssociation.Direction.LOWER_IN_RESPONDERS
                    : FeatureAssociation.Direction.NONE;
            assertEquals(expected, a.direction(), where);
        }
    }

    @Test
    void generalisedFoldChangeByHand() {
        // responders all 0.01 (log10 -2), non-responders all 0.0001 (log10 -4); pseudo-count 0 -> gFC exactly 2
        FeatureTable t = FeatureTable.of(List.of("a", "b", "c", "d"), List.of("f"),
                new double[][] {{0.01}, {0.01}, {0.0001}, {0.0001}}, AbundanceUnit.FRACTION);
        FeatureAssociation a = Associations.withDefaults().withPseudoCount(1e-300).test(t, new int[] {1, 1, 0, 0})
                .rows().get(0);
        assertEquals(2.0, a.generalisedFoldChange(), 1e-12);
        assertEquals(1.0, a.auroc(), 0.0);
        // exact test, n = 2 + 2 with ties -> asymptotic (scipy's rule)
        assertEquals(false, a.exact());
    }

    @Test
    void groupsWithoutBothClassesAreSkippedAndReported() {
        FeatureTable t = FeatureTable.of(List.of("a", "b", "c", "d", "e"), List.of("f"),
                new double[][] {{1}, {2}, {3}, {4}, {5}}, AbundanceUnit.RPK);
        AssociationTable r = Associations.withDefaults().byGroup(true).test(t, new int[] {1, 0, 1, 1, 1},
                new String[] {"x", "x", "y", "y", "y"});
        assertEquals(List.of("y"), r.skippedGroups());
        assertEquals(1, r.rows("x").size());
        assertEquals(1, r.rows(AssociationTable.ALL).size());
    }

    @Test
    void clearErrors() {
        FeatureTable t = FeatureTable.of(List.of("a", "b"), List.of("f"), new double[][] {{1}, {2}}, AbundanceUnit.RPK);
        assertEquals("labels has 3 entries but the table has 2 samples", assertThrows(IllegalArgumentException.class,
                () -> Associations.withDefaults().test(t, new int[] {1, 0, 1})).getMessage());
        assertEquals("labels must contain responders and non-responders; found 2 responders among 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Associations.withDefaults().test(t, new int[] {1, 1})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Associations.withDefaults().byGroup(true)
                .test(t, new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> Associations.withDefaults().withPseudoCount(0));
        assertArrayEquals(new double[] {Double.NaN, 0.5}, BenjaminiHochberg.adjust(new double[] {Double.NaN, 0.5}));
    }
}
