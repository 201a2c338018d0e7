package org.gutsignal.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A random-effects meta-analysis of per-group AUROCs (for example each held-out cohort's AUROC
 * of a leave-one-group-out run, {@link CvResult#pooledByGroup()}): the cross-cohort summary a
 * reviewer expects next to the per-group values, with how much the groups disagree and where a
 * new cohort's AUROC is likely to fall.
 *
 * <pre>{@code
 * PooledAuroc pool = PooledAuroc.of(cv.aurocByGroup());          // REML, as metafor's rma()
 * double auroc = pool.estimate();                                 // back on the AUROC scale
 * ConfidenceInterval ci = pool.ci95();
 * ConfidenceInterval pi = pool.predictionInterval95();            // a new cohort's AUROC
 * double i2 = pool.i2();                                          // fraction, not percent
 * PooledAuroc dl = pool.withMethod(PooledAuroc.Method.DERSIMONIAN_LAIRD);
 * }</pre>
 *
 * <p><b>Model.</b> The analysis runs on the logit scale, where an AUROC's sampling distribution
 * is closer to normal and the interval cannot leave (0, 1): group {@code i} contributes
 * {@code yᵢ = logit(AUROCᵢ) = ln(AUROCᵢ / (1 − AUROCᵢ))} with the delta-method variance
 * {@code vᵢ = Var_DeLong(AUROCᵢ) / (AUROCᵢ (1 − AUROCᵢ))²}, and {@code yᵢ ~ N(μ, vᵢ + τ²)}. With
 * {@code wᵢ = 1 / (vᵢ + τ²)}: {@code μ̂ = Σ wᵢyᵢ / Σ wᵢ}, {@code SE(μ̂) = 1 / √(Σ wᵢ)}, the 95% CI
 * {@code μ̂ ± z₀.₉₇₅ SE} and the 95% prediction interval {@code μ̂ ± z₀.₉₇₅ √(τ² + SE²)}. The
 * prediction interval uses the normal quantile, as metafor's default {@code predict.rma} for
 * {@code rma.uni} (with {@code test="z"}); it is defined for every k ≥ 2. (Higgins, Thompson &amp;
 * Spiegelhalter 2009 use {@code t} with k − 2 degrees of freedom, which is wider for few groups.)
 * Estimate and interval bounds are reported on the logit scale ({@code logit…}) and, back-transformed
 * by the inverse logit {@code 1 / (1 + e^{−x})}, on the AUROC scale; τ² stays on the logit scale.
 *
 * <p><b>τ² estimators</b> ({@link Method}): DerSimonian–Laird,
 * {@code τ² = max(0, (Q − (k − 1)) / (Σ uᵢ − Σ uᵢ² / Σ uᵢ))} with {@code uᵢ = 1 / vᵢ}; and REML,
 * maximised by Fisher scoring as metafor's {@code rma(method="REML")} does (start at the Hedges
 * estimate {@code max(0, var(y) − mean(v))}, steps halved to stay ≥ 0, until τ² changes by less than
 * 1e-12, at most 1000 steps). REML is the default: it is metafor's default and, unlike
 * DerSimonian–Laird, not biased downwards when groups are few (Veroniki et al. 2016, Res. Synth.
 * Methods 7:55).
 *
 * <p><b>Heterogeneity.</b> {@code Q = Σ uᵢ (yᵢ − ȳ_u)²} (Cochran's Q, fixed-effect weights) with its
 * χ²(k − 1) p-value; {@code I² = τ² / (τ² + s²)} and {@code H² = (τ² + s²) / s²} with the typical
 * within-group variance {@code s² = (k − 1) Σ uᵢ / ((Σ uᵢ)² − Σ uᵢ²)}, as metafor computes them for
 * the chosen τ². For DerSimonian–Laird, I² equals {@code max(0, (Q − (k − 1)) / Q)}.
 *
 * <p><b>Excluded groups.</b> A group whose AUROC is {@linkplain Auroc#isDegenerate() degenerate}
 * (constant scores), 0 or 1 (infinite logit), or whose DeLong variance is 0 or NaN (a class with a
 * single sample) cannot enter the logit model. Such groups are left out of the pool and listed with
 * the reason in {@link #excluded()}; they are never dropped silently.
 *
 * <p>Reference values in the tests come from R metafor's {@code rma} and {@code predict}
 * ({@code src/test/resources/eval/make_meta_reference.R}). Immutable and thread-safe.
 */
public final class PooledAuroc {

    /** How τ², the between-group variance on the logit scale, is estimated. */
    public enum Method {
        /** DerSimonian &amp; Laird (1986) method of moments: metafor's {@code method="DL"}. */
        DERSIMONIAN_LAIRD("DL"),
        /** Restricted maximum likelihood by Fisher scoring: metafor's {@code method="REML"}, the default. */
        REML("REML");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** @return the short name, {@code "DL"} or {@code "REML"} (metafor's) */
        public String label() {
            return label;
        }
    }

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final double Z975 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_STEPS = 1000;

    // the inputs, in the caller's order
    private final List<String> names;
    private final double[] auc;
    private final double[] var;
    private final boolean[] degenerate;
    private final Method method;
    private final List<String> included;
    private final Map<String, String> excluded;
    private final double tau2;
    private final double mu;
    private final double se;
    private final double q;
    private final double s2;

    private PooledAuroc(Method method, List<String> names, double[] auc, double[] var, boolean[] degenerate) {
        this.method = method;
        this.names = names;
        this.auc = auc;
        this.var = var;
        this.degenerate = degenerate;
        List<String> in = new ArrayList<>();
        Map<String, String> out = new LinkedHashMap<>();
        List<double[]> usable = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String reason = exclusion(auc[i], var[i], degenerate[i]);
            if (reason == null) {
                in.add(names.get(i));
                double d = auc[i] * (1 - auc[i]);
                usable.add(new double[] {Math.log(auc[i] / (1 - auc[i])), var[i] / (d * d)});
            } else {
                out.put(names.get(i), reason);
            }
        }
        this.included = List.copyOf(in);
        this.excluded = Collections.unmodifiableMap(out);
        int k = usable.size();
        if (k < 2) {
            throw new IllegalArgumentException("a random-effects pool needs at least 2 groups with a usable AUROC but has "
                    + k + (in.isEmpty() ? "" : " " + in) + (out.isEmpty() ? "" : "; excluded: " + out));
        }
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = usable.get(i)[0];
            v[i] = usable.get(i)[1];
        }
        double sumU = 0;
        double sumU2 = 0;
        double sumUy = 0;
        for (int i = 0; i < k; i++) {
            double u = 1 / v[i];
            sumU += u;
            sumU2 += u * u;
            sumUy += u * y[i];
        }
        double fixed = sumUy / sumU;
        double qq = 0;
        for (int i = 0; i < k; i++) {
            qq += (y[i] - fixed) * (y[i] - fixed) / v[i];
        }
        this.q = qq;
        this.s2 = (k - 1) * sumU / (sumU * sumU - sumU2);
        this.tau2 = method == Method.DERSIMONIAN_LAIRD
                ? Math.max(0, (qq - (k - 1)) / (sumU - sumU2 / sumU))
                : reml(y, v);
        double sumW = 0;
        double sumWy = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (v[i] + tau2);
            sumW += w;
            sumWy += w * y[i];
        }
        this.mu = sumWy / sumW;
        this.se = Math.sqrt(1 / sumW);
    }

    /**
     * The REML random-effects pool of {@code byGroup}'s AUROCs.
     *
     * @param byGroup AUROCs by group name (e.g. {@link CvResult#aurocByGroup()}); its iteration order
     *                is kept in {@link #included()} and {@link #excluded()}
     * @return the pool
     * @throws NullPointerException     if {@code byGroup} or one of its AUROCs is null
     * @throws IllegalArgumentException if fewer than 2 groups can enter the pool (the message lists the
     *                                  excluded ones and why)
     * @throws IllegalStateException    if Fisher scoring does not converge in 1000 steps
     */
    public static PooledAuroc of(Map<String, Auroc> byGroup) {
        List<String> names = new ArrayList<>(byGroup.size());
        double[] auc = new double[byGroup.size()];
        double[] var = new double[byGroup.size()];
        boolean[] degenerate = new boolean[byGroup.size()];
        int i = 0;
        for (Map.Entry<String, Auroc> e : byGroup.entrySet()) {
            Auroc a = Objects.requireNonNull(e.getValue(), () -> "the AUROC of group '" + e.getKey() + "' is null");
            names.add(e.getKey());
            auc[i] = a.value();
            var[i] = a.delongVariance();
            degenerate[i] = a.isDegenerate();
            i++;
        }
        return new PooledAuroc(Method.REML, List.copyOf(names), auc, var, degenerate);
    }

    /**
     * This pool with τ² estimated by {@code method}: a new analysis of the same AUROCs.
     *
     * @throws NullPointerException  if {@code method} is null
     * @throws IllegalStateException as {@link #of}
     */
    public PooledAuroc withMethod(Method method) {
        Objects.requireNonNull(method, "method");
        return method == this.method ? this : new PooledAuroc(method, names, auc, var, degenerate);
    }

    /** A pool of plain AUROCs and DeLong variances (for the reference tests; none degenerate). */
    static PooledAuroc ofValues(List<String> names, double[] auroc, double[] variance, Method method) {
        return new PooledAuroc(method, List.copyOf(names), auroc.clone(), variance.clone(), new boolean[auroc.length]);
    }

    /** @return how τ² was estimated */
    public Method method() {
        return method;
    }

    /** @return the number of groups in the pool, k ≥ 2 */
    public int k() {
        return included.size();
    }

    /** @return the names of the pooled groups, in the input's order (unmodifiable) */
    public List<String> included() {
        return included;
    }

    /**
     * The groups left out of the pool, in the input's order, with why: {@value Auroc#DEGENERATE},
     * an AUROC of 0 or 1, or a DeLong variance of 0 or NaN.
     *
     * @return group → reason (unmodifiable; empty when every group entered the pool)
     */
    public Map<String, String> excluded() {
        return excluded;
    }

    /** @return τ̂², the between-group variance of the logit AUROCs (≥ 0; logit scale) */
    public double tau2() {
        return tau2;
    }

    /** @return μ̂, the pooled logit AUROC */
    public double logitEstimate() {
        return mu;
    }

    /** @return the standard error of {@link #logitEstimate()} */
    public double logitStandardError() {
        return se;
    }

    /** @return the 95% confidence interval of μ on the logit scale, {@code μ̂ ± z₀.₉₇₅ SE} */
    public ConfidenceInterval logitCi95() {
        return new ConfidenceInterval(mu - Z975 * se, mu + Z975 * se, 0.95);
    }

    /** @return the 95% prediction interval on the logit scale, {@code μ̂ ± z₀.₉₇₅ √(τ² + SE²)} */
    public ConfidenceInterval logitPredictionInterval95() {
        double h = Z975 * Math.sqrt(tau2 + se * se);
        return new ConfidenceInterval(mu - h, mu + h, 0.95);
    }

    /** @return the pooled AUROC, the inverse logit of μ̂ (a fraction in (0, 1)) */
    public double estimate() {
        return inverseLogit(mu);
    }

    /** @return the 95% confidence interval of the pooled AUROC (the logit interval back-transformed) */
    public ConfidenceInterval ci95() {
        return inverseLogit(logitCi95());
    }

    /**
     * Where the AUROC of a new group from the same population of groups falls with 95% probability:
     * the logit prediction interval back-transformed.
     *
     * @return the 95% prediction interval on the AUROC scale
     */
    public ConfidenceInterval predictionInterval95() {
        return inverseLogit(logitPredictionInterval95());
    }

    /** @return Cochran's Q of the logit AUROCs (fixed-effect weights {@code 1 / vᵢ}) */
    public double q() {
        return q;
    }

    /** @return the p-value of Q against χ² with k − 1 degrees of freedom (test of homogeneity) */
    public double qPValue() {
        return ChiSquaredDistribution.of(included.size() - 1).survivalProbability(q);
    }

    /** @return I², the share of the total variance due to between-group differences: a fraction in [0, 1], not percent */
    public double i2() {
        return tau2 / (tau2 + s2);
    }

    /** @return H², the total variance over the within-group variance (≥ 1) */
    public double h2() {
        return (tau2 + s2) / s2;
    }

    /**
     * A one-line summary, e.g.
     * {@code "0.712 (95% CI 0.650–0.767; 95% PI 0.552–0.836), random effects (REML), k = 5, τ² = 0.061, I² = 42%"}.
     */
    public String summary() {
        ConfidenceInterval ci = ci95();
        ConfidenceInterval pi = predictionInterval95();
        return String.format(Locale.ROOT, "%.3f (95%% CI %.3f\u2013%.3f; 95%% PI %.3f\u2013%.3f), random effects (%s),"
                + " k = %d, \u03c4\u00b2 = %.3f, I\u00b2 = %.0f%%", estimate(), ci.lower(), ci.upper(), pi.lower(),
                pi.upper(), method.label(), k(), tau2, 100 * i2())
                + (excluded.isEmpty() ? "" : ", excluded: " + excluded);
    }

    @Override
    public String toString() {
        return "PooledAuroc[" + summary() + "]";
    }

    private static String exclusion(double auc, double var, boolean degenerate) {
        if (degenerate) {
            return Auroc.DEGENERATE;
        }
        if (auc <= 0 || auc >= 1) {
            return "AUROC " + (auc <= 0 ? "0" : "1") + " (its logit is infinite)";
        }
        if (Double.isNaN(var)) {
            return "DeLong variance undefined (a class with a single sample)";
        }
        if (!(var > 0)) {
            return "DeLong variance 0";
        }
        return null;
    }

    /** REML τ² by Fisher scoring, as metafor's rma.uni (intercept-only model). */
    private static double reml(double[] y, double[] v) {
        int k = y.length;
        double mean = 0;
        double meanV = 0;
        for (int i = 0; i < k; i++) {
            mean += y[i] / k;
            meanV += v[i] / k;
        }
        double ss = 0;
        for (double yi : y) {
            ss += (yi - mean) * (yi - mean);
        }
        double tau2 = Math.max(0, ss / (k - 1) - meanV); // Hedges' estimator
        for (int step = 0; step < MAX_STEPS; step++) {
            double sumW = 0;
            double sumW2 = 0;
            double sumW3 = 0;
            double sumWy = 0;
            for (int i = 0; i < k; i++) {
                double w = 1 / (v[i] + tau2);
                sumW += w;
                sumW2 += w * w;
                sumW3 += w * w * w;
                sumWy += w * y[i];
            }
            double mu = sumWy / sumW;
            double yPPy = 0; // y'PPy with P = W − w wᵀ / Σw: Py = w ∘ (y − μ̂)
            for (int i = 0; i < k; i++) {
                double r = (y[i] - mu) / (v[i] + tau2);
                yPPy += r * r;
            }
            double traceP = sumW - sumW2 / sumW;
            double tracePP = sumW2 - 2 * sumW3 / sumW + sumW2 * sumW2 / (sumW * sumW);
            double adj = (yPPy - traceP) / tracePP;
            while (tau2 + adj < 0) {
                adj /= 2;
            }
            double next = tau2 + adj;
            if (Math.abs(next - tau2) < TOLERANCE) {
                return Math.max(0, next);
            }
            tau2 = next;
        }
        throw new IllegalStateException("REML Fisher scoring did not converge in " + MAX_STEPS + " steps");
    }

    private static double inverseLogit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static ConfidenceInterval inverseLogit(ConfidenceInterval ci) {
        return new ConfidenceInterval(inverseLogit(ci.lower()), inverseLogit(ci.upper()), ci.level());
    }
}
