package org.gutsignal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.eval.PooledAuroc.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * PooledAuroc against R metafor 3.8-1 ({@code rma} and {@code predict}, values written by
 * src/test/resources/eval/make_meta_reference.R from meta_fixtures.csv).
 */
class PooledAurocTest {

    /** Absolute tolerance on the logit scale and for τ², Q, I², H²; AUROC-scale values are in (0, 1). */
    private static final double TOL = 1e-8;

    record Input(List<String> names, double[] auroc, double[] variance) {
    }

    static Input input(String fixture) {
        List<String> names = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (CSVRecord r : Reference.csv("meta_fixtures.csv")) {
            if (r.get("fixture").equals(fixture)) {
                names.add(r.get("group"));
                a.add(Double.parseDouble(r.get("auroc")));
                v.add(Double.parseDouble(r.get("variance")));
            }
        }
        return new Input(names, a.stream().mapToDouble(Double::doubleValue).toArray(),
                v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Map<String, Double> reference(String fixture, String method) {
        Map<String, Double> out = new HashMap<>();
        for (CSVRecord r : Reference.csv("meta_reference.csv")) {
            if (r.get("fixture").equals(fixture) && r.get("method").equals(method)) {
                out.put(r.get("name"), Double.parseDouble(r.get("value")));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"heterogeneous,DL", "heterogeneous,REML", "homogeneous,DL", "homogeneous,REML", "two,DL", "two,REML"})
    void matchesMetafor(String fixture, String method) {
        Input in = input(fixture);
        Map<String, Double> ref = reference(fixture, method);
        PooledAuroc p = PooledAuroc.ofValues(in.names(), in.auroc(), in.variance(),
                method.equals("DL") ? Method.DERSIMONIAN_LAIRD : Method.REML);
        String where = fixture + " " + method;
        assertEquals(ref.get("k"), p.k(), 0.0, where);
        assertEquals(ref.get("tau2"), p.tau2(), TOL, where + " tau2");
        assertEquals(ref.get("Q"), p.q(), TOL, where + " Q");
        assertEquals(ref.get("Q_p"), p.qPValue(), TOL, where + " Q p");
        assertEquals(ref.get("I2"), p.i2(), TOL, where + " I2");
        assertEquals(ref.get("H2"), p.h2(), TOL, where + " H2");
        assertEquals(ref.get("mu_logit"), p.logitEstimate(), TOL, where + " mu");
        assertEquals(ref.get("se_logit"), p.logitStandardError(), TOL, where + " se");
        assertEquals(ref.get("ci_lower_logit"), p.logitCi95().lower(), TOL, where);
        assertEquals(ref.get("ci_upper_logit"), p.logitCi95().upper(), TOL, where);
        assertEquals(ref.get("pi_lower_logit"), p.logitPredictionInterval95().lower(), TOL, where);
        assertEquals(ref.get("pi_upper_logit"), p.logitPredictionInterval95().upper(), TOL, where);
        assertEquals(ref.get("mu"), p.estimate(), TOL, where + " AUROC");
        assertEquals(ref.get("ci_lower"), p.ci95().lower(), TOL, where);
        assertEquals(ref.get("ci_upper"), p.ci95().upper(), TOL, where);
        assertEquals(ref.get("pi_lower"), p.predictionInterval95().lower(), TOL, where);
        assertEquals(ref.get("pi_upper"), p.predictionInterval95().upper(), TOL, where);
    }

    @Test
    void nearHomogeneousGroupsGiveTauSquaredZeroAndAPredictionIntervalEqualToTheCi() {
        Input in = input("homogeneous");
        PooledAuroc p = PooledAuroc.ofValues(in.names(), in.auroc(), in.variance(), Method.DERSIMONIAN_LAIRD);
        assertEquals(0.0, p.tau2(), 0.0);
        assertEquals(p.ci95(), p.predictionInterval95());
        assertEquals(1.0, p.h2(), 0.0);
    }

    @Test
    void dersimonianLairdIsquaredIsTheQBasedShare() {
        Input in = input("heterogeneous");
        PooledAuroc p = PooledAuroc.ofValues(in.names(), in.auroc(), in.variance(), Method.DERSIMONIAN_LAIRD);
        assertEquals(Math.max(0, (p.q() - (p.k() - 1)) / p.q()), p.i2(), 1e-14);
    }

    /** Scores with the given AUROC (value) among 3 positives and 3 negatives: positives at ranks chosen by hand. */
    static Auroc auroc(double... scoresPositivesThenNegatives) {
        return Auroc.of(scoresPositivesThenNegatives, new int[] {1, 1, 1, 0, 0, 0});
    }

    @Test
    void ofAurocsUsesTheirValuesAndDelongVariancesWithRemlByDefault() {
        Map<String, Auroc> groups = new LinkedHashMap<>();
        groups.put("A", auroc(3, 5, 2, 1, 4, 0));
        groups.put("B", auroc(6, 2, 4, 3, 1, 5));
        groups.put("C", auroc(2, 4, 5, 3, 1, 0));
        PooledAuroc p = PooledAuroc.of(groups);
        assertEquals(Method.REML, p.method());
        double[] a = groups.values().stream().mapToDouble(Auroc::value).toArray();
        double[] v = groups.values().stream().mapToDouble(Auroc::delongVariance).toArray();
        PooledAuroc byValues = PooledAuroc.ofValues(List.of("A", "B", "C"), a, v, Method.REML);
        assertEquals(byValues.logitEstimate(), p.logitEstimate(), 0.0);
        assertEquals(byValues.tau2(), p.tau2(), 0.0);
        assertEquals(List.of("A", "B", "C"), p.included());
        assertTrue(p.excluded().isEmpty());
        PooledAuroc dl = p.withMethod(Method.DERSIMONIAN_LAIRD);
        assertEquals(Method.DERSIMONIAN_LAIRD, dl.method());
        assertEquals(PooledAuroc.ofValues(List.of("A", "B", "C"), a, v, Method.DERSIMONIAN_LAIRD).tau2(), dl.tau2(),
                0.0);
        assertSame(p, p.withMethod(Method.REML));
    }

    @Test
    void groupsThatCannotEnterTheLogitModelAreListedWithTheReason() {
        Map<String, Auroc> groups = new LinkedHashMap<>();
        groups.put("A", auroc(3, 5, 2, 1, 4, 0));
        groups.put("constant", auroc(1, 1, 1, 1, 1, 1));
        groups.put("perfect", auroc(4, 5, 6, 1, 2, 3));
        groups.put("B", auroc(6, 2, 4, 3, 1, 5));
        groups.put("one responder", Auroc.of(new double[] {0.9, 0.1, 0.95}, new int[] {1, 0, 0}));
        PooledAuroc p = PooledAuroc.of(groups);
        assertEquals(List.of("A", "B"), p.included());
        assertEquals(List.of("constant", "perfect", "one responder"), List.copyOf(p.excluded().keySet()));
        assertEquals("degenerate (constant scores)", p.excluded().get("constant"));
        assertEquals("AUROC 1 (its logit is infinite)", p.excluded().get("perfect"));
        assertEquals("DeLong variance undefined (a class with a single sample)", p.excluded().get("one responder"));
        assertTrue(p.summary().contains("excluded: {constant=degenerate (constant scores)"), p.summary());
    }

    @Test
    void fewerThanTwoUsableGroupsAreRefusedWithTheExcludedOnesNamed() {
        Map<String, Auroc> groups = new LinkedHashMap<>();
        groups.put("A", auroc(3, 5, 2, 1, 4, 0));
        groups.put("constant", auroc(1, 1, 1, 1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PooledAuroc.of(groups));
        assertEquals("a random-effects pool needs at least 2 groups with a usable AUROC but has 1 [A];"
                + " excluded: {constant=degenerate (constant scores)}", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PooledAuroc.of(Map.of()));
    }

    @Test
    void summaryStatesMethodIntervalsAndHeterogeneity() {
        Input in = input("heterogeneous");
        PooledAuroc p = PooledAuroc.ofValues(in.names(), in.auroc(), in.variance(), Method.REML);
        assertEquals("0.696 (95% CI 0.595\u20130.782; 95% PI 0.467\u20130.857), random effects (REML), k = 5,"
                + " \u03c4\u00b2 = 0.189, I\u00b2 = 74%", p.summary());
    }
}
