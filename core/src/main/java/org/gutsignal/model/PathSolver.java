package org.gutsignal.model;

import java.util.Arrays;

/**
 * Elastic-net penalised binomial regression along a λ path: a line-by-line port of the
 * algorithm of glmnet's {@code lognet2n} (Friedman, Hastie and Tibshirani 2010, J Stat Softw
 * 33(1)), for the two-class case with an intercept and internal standardisation.
 *
 * <p>The problem on the standardised scale (weights {@code w} summing to 1) is
 * {@code min -Σ w_i loglik_i + λ Σ_j vp_j [(1-α)/2 b_j² + α|b_j|]}, with
 * {@code lower_j ≤ b_j ≤ upper_j}. The outer loop is IRLS (a quadratic approximation of the
 * log-likelihood at the current fit); the inner loop is cyclic coordinate descent, first over
 * the strong set, then over the active set until it converges, then over the strong set again.
 * After an IRLS step converges, the Karush-Kuhn-Tucker conditions are checked for every variable
 * outside the strong set (sequential strong rule, Tibshirani et al. 2012); violators join the
 * strong set and the IRLS loop continues. Convergence: the largest change of a coefficient,
 * squared and scaled by its IRLS-weighted variance, is below {@code thresh × dev0} (dev0 the
 * null model's mean negative log-likelihood), as in glmnet.
 *
 * <p>One solver holds one standardised design; {@link #run} may be called repeatedly. Not
 * thread-safe (each call allocates its own work arrays, but keep to one thread per instance).
 */
final class PathSolver {

    // glmnet.control() defaults (glmnet 4.1)
    static final double FDEV = 1e-5;
    static final double DEVMAX = 0.999;
    static final double EPS = 1e-6;
    static final double BIG = 9.9e35;
    static final int MNLAM = 5;
    static final double PMIN = 1e-9;

    /** A fitted path on the original scale. */
    static final class Result {
        final double[] lambdas;
        final double[] intercepts;
        final double[][] betas; // [λ][feature], original scale
        final double[] devRatio;
        final int[] outer;
        final int[] passes;
        final boolean[] converged;
        final double nullDeviance;
        final LogisticPath.StopReason stop;

        Result(int m, double[] lambdas, double[] intercepts, double[][] betas, double[] devRatio, int[] outer,
                int[] passes, boolean[] converged, double nullDeviance, LogisticPath.StopReason stop) {
            this.lambdas = Arrays.copyOf(lambdas, m);
            this.intercepts = Arrays.copyOf(intercepts, m);
            this.betas = Arrays.copyOf(betas, m);
            this.devRatio = Arrays.copyOf(devRatio, m);
            this.outer = Arrays.copyOf(outer, m);
            this.passes = Arrays.copyOf(passes, m);
            this.converged = Arrays.copyOf(converged, m);
            this.nullDeviance = nullDeviance;
            this.stop = stop;
        }
    }

    private final int n;
    private final int p;
    private final double[][] x; // standardised columns; null for excluded (constant) columns
    private final double[] y;
    private final double[] w; // sums to 1
    private final double[] xm;
    private final double[] xs;
    private final double[] vp;
    private final double[] lo; // standardised scale
    private final double[] hi;
    private final double alpha;
    private final double sumWeights;
    private final double fdev;

    /**
     * Standardises the design of the training data {@code d} (values read from its table, one
     * standardised copy per non-constant column). Penalty factors must be ≥ 0 with a positive sum
     * (rescaled to sum to p, as glmnet does); limits are on the original scale.
     */
    PathSolver(TrainingData d, double alpha) {
        this.n = d.sampleCount();
        this.p = d.featureCount();
        double[] weights = d.w;
        double[] penalty = d.penalty;
        double[] lower = d.lower;
        double[] upper = d.upper;
        this.y = d.y.clone();
        this.alpha = alpha;
        double sw = 0;
        for (double v : weights) {
            sw += v;
        }
        this.sumWeights = sw;
        this.w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = weights[i] / sw;
        }
        double sp = 0;
        for (double v : penalty) {
            sp += v;
        }
        this.vp = new double[p];
        for (int j = 0; j < p; j++) {
            vp[j] = penalty[j] * p / sp;
        }
        boolean zeroLimit = false;
        for (int j = 0; j < p; j++) {
            zeroLimit |= lower[j] == 0 || upper[j] == 0;
        }
        // glmnet() sets glmnet.control(fdev = 0) while fitting when any limit is exactly 0
        this.fdev = zeroLimit ? 0.0 : FDEV;
        this.x = new double[p][];
        this.xm = new double[p];
        this.xs = new double[p];
        this.lo = new double[p];
        this.hi = new double[p];
        for (int j = 0; j < p; j++) {
            double[] c = d.x.column(j);
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) {
                constant = c[i] == c[0];
            }
            if (constant) {
                continue;
            }
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += w[i] * c[i];
            }
            double ss = 0;
            for (int i = 0; i < n; i++) {
                c[i] -= m;
                ss += w[i] * c[i] * c[i];
            }
            double s = Math.sqrt(ss);
            if (!(s > 0)) {
                continue; // varies only where the weight is zero
            }
            for (int i = 0; i < n; i++) {
                c[i] /= s;
            }
            x[j] = c;
            xm[j] = m;
            xs[j] = s;
            lo[j] = lower[j] * s;
            hi[j] = upper[j] * s;
        }
    }

    /** The total of the observation weights as given (before normalisation to 1). */
    double sumWeights() {
        return sumWeights;
    }

    /**
     * Fits the path.
     *
     * @param userLambdas decreasing λ values, or {@code null} for glmnet's generated path
     * @param nlam        number of generated λ values (≥ 2), ignored for user λ
     * @param flmin       smallest generated λ as a fraction of λmax, ignored for user λ
     * @param thresh      convergence threshold (relative to the null deviance)
     * @param maxit       most coordinate-descent passes per λ
     * @param deviance    whether to compute the deviance ratio at each user λ (one logarithm per
     *                    sample and λ; cross-validation folds do not need it, and it is then NaN).
     *                    A generated path always computes it, because its stopping rules use it.
     * @throws IllegalArgumentException if the weighted response rate is within 1e-9 of 0 or 1
     */
    Result run(double[] userLambdas, int nlam, double flmin, double thresh, int maxit, boolean deviance) {
        boolean user = userLambdas != null;
        boolean needDeviance = deviance || !user;
        int nl = user ? userLambdas.length : nlam;
        double[] lambdas = new double[nl];
        double[] a0 = new double[nl];
        double[][] betas = new double[nl][];
        double[] dev = new double[nl];
        int[] outerCount = new int[nl];
        int[] passCount = new int[nl];
        boolean[] conv = new boolean[nl];

        double fmax = Math.log(1.0 / PMIN - 1.0);
        double fmin = -fmax;
        double vmin = (1.0 + PMIN) * PMIN * (1.0 - PMIN);
        double bta = alpha;
        double omb = 1.0 - bta;
        double q0 = dot(w, y);
        if (q0 <= PMIN || q0 >= 1.0 - PMIN) {
            throw new IllegalArgumentException("weighted responder fraction " + q0 + " is too close to 0 or 1 to fit");
        }
        double[] b = new double[p];
        double[] bs = new double[p];
        double[] xv = new double[p];
        double[] ga = new double[p];
        boolean[] ixx = new boolean[p];
        boolean[] inActive = new boolean[p];
        int[] active = new int[p];
        int nin = 0;
        double[] v = new double[n];
        double[] r = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];

        double bz = Math.log(q0 / (1.0 - q0));
        double vi = q0 * (1.0 - q0);
        double b0 = bz;
        for (int i = 0; i < n; i++) {
            v[i] = vi * w[i];
            r[i] = w[i] * (y[i] - q0);
            q[i] = q0;
        }
        double xmz = vi;
        double dev1 = -(bz * q0 + Math.log(1.0 - q0));
        double dev0 = dev1; // y is 0/1, so the saturated model adds nothing
        double alf = user ? 0 : Math.pow(Math.max(EPS, flmin), 1.0 / (nlam - 1));
        double shr = thresh * dev0;
        for (int j = 0; j < p; j++) {
            if (x[j] != null) {
                ga[j] = Math.abs(dot(r, x[j]));
            }
        }
        double al = 0;
        int mnl = Math.min(MNLAM, nl);
        int lmu = 0;
        LogisticPath.StopReason stop = LogisticPath.StopReason.COMPLETE;
        for (int ilm = 0; ilm < nl; ilm++) {
            double al0 = al;
            if (user) {
                al = userLambdas[ilm];
            } else if (ilm > 1) {
                al *= alf;
            } else if (ilm == 0) {
                al = BIG;
            } else {
                al0 = lambdaMax(ga, bta);
                al = alf * al0;
            }
            double al2 = al * omb;
            double al1 = al * bta;
            double tlam = bta * (2.0 * al - al0);
            for (int k = 0; k < p; k++) {
                if (!ixx[k] && x[k] != null && ga[k] > tlam * vp[k]) {
                    ixx[k] = true;
                }
            }
            int nlp = 0;
            int outer = 0;
            boolean converged = true;
            boolean saturated = false;
            while (true) { // IRLS
                outer++;
                double bs0 = b0;
                for (int l = 0; l < nin; l++) {
                    bs[active[l]] = b[active[l]];
                }
                for (int j = 0; j < p; j++) {
                    if (ixx[j]) {
                        xv[j] = weightedSquares(v, x[j]);
                    }
                }
                cd: while (true) {
                    nlp++;
                    double dlx = 0;
                    for (int k = 0; k < p; k++) {
                        if (!ixx[k]) {
                            continue;
                        }
                        double d = update(k, b, r, v, xv, al1, al2);
                        if (d != 0) {
                            dlx = Math.max(dlx, xv[k] * d * d);
                            if (!inActive[k]) {
                                inActive[k] = true;
                                active[nin++] = k;
                            }
                        }
                    }
                    double d = interceptStep(r, v, xmz);
                    b0 += d;
                    dlx = Math.max(dlx, xmz * d * d);
                    if (dlx < shr) {
                        break;
                    }
                    if (nlp > maxit) {
                        converged = false;
                        break;
                    }
                    while (true) {
                        nlp++;
                        dlx = 0;
                        for (int l = 0; l < nin; l++) {
                            int k = active[l];
                            double dk = update(k, b, r, v, xv, al1, al2);
                            if (dk != 0) {
                                dlx = Math.max(dlx, xv[k] * dk * dk);
                            }
                        }
                        d = interceptStep(r, v, xmz);
                        b0 += d;
                        dlx = Math.max(dlx, xmz * d * d);
                        if (dlx < shr) {
                            break;
                        }
                        if (nlp > maxit) {
                            converged = false;
                            break cd;
                        }
                    }
                }
                Arrays.fill(eta, b0);
                for (int l = 0; l < nin; l++) {
                    int k = active[l];
                    if (b[k] != 0) {
                        double[] c = x[k];
                        double bk = b[k];
                        for (int i = 0; i < n; i++) {
                            eta[i] += bk * c[i];
                        }
                    }
                }
                // the exponentials in a loop of their own: the rest of the update then runs without a
                // call in its loop body, which is about a quarter faster (same values)
                for (int i = 0; i < n; i++) {
                    q[i] = Math.exp(-eta[i]);
                }
                xmz = 0;
                for (int i = 0; i < n; i++) {
                    double fi = eta[i];
                    double qi = fi < fmin ? 0.0 : fi > fmax ? 1.0 : 1.0 / (1.0 + q[i]);
                    q[i] = qi;
                    v[i] = w[i] * qi * (1.0 - qi);
                    xmz += v[i];
                    r[i] = w[i] * (y[i] - qi);
                }
                if (xmz <= vmin) {
                    saturated = true;
                    break;
                }
                if (!converged) {
                    break;
                }
                if (xmz * (b0 - bs0) * (b0 - bs0) < shr) {
                    boolean ix = false;
                    for (int l = 0; l < nin; l++) {
                        int k = active[l];
                        double dk = b[k] - bs[k];
                        if (xv[k] * dk * dk >= shr) {
                            ix = true;
                            break;
                        }
                    }
                    if (!ix) {
                        for (int k = 0; k < p; k++) {
                            if (ixx[k] || x[k] == null) {
                                continue;
                            }
                            ga[k] = Math.abs(dot(r, x[k]));
                            if (ga[k] > al1 * vp[k]) {
                                ixx[k] = true;
                                ix = true;
                            }
                        }
                        if (!ix) {
                            break;
                        }
                    }
                }
                if (outer > maxit) {
                    converged = false;
                    break;
                }
            }
            a0[ilm] = b0;
            betas[ilm] = b.clone();
            lambdas[ilm] = al;
            outerCount[ilm] = outer;
            passCount[ilm] = nlp;
            conv[ilm] = converged && !saturated;
            lmu = ilm + 1;
            dev[ilm] = needDeviance ? (dev1 - dev2(q)) / dev0 : Double.NaN;
            if (!user && ilm == 0) {
                // glmnet reports λmax for the first (λ = ∞) solution; compute it from the
                // residuals of that solution, as its second step does
                lambdas[0] = lambdaMax(ga, bta);
            }
            if (saturated) {
                stop = LogisticPath.StopReason.SATURATED;
                break;
            }
            if (ilm + 1 < mnl || user) {
                continue;
            }
            if (dev[ilm] > DEVMAX) {
                stop = ilm + 1 < nl ? LogisticPath.StopReason.DEVIANCE_RATIO : LogisticPath.StopReason.COMPLETE;
                break;
            }
            if (dev[ilm] - dev[ilm - 1] < fdev) {
                stop = ilm + 1 < nl ? LogisticPath.StopReason.DEVIANCE_CHANGE : LogisticPath.StopReason.COMPLETE;
                break;
            }
        }
        // back to the original scale
        for (int m = 0; m < lmu; m++) {
            double[] bm = betas[m];
            double c = a0[m];
            for (int j = 0; j < p; j++) {
                if (x[j] == null) {
                    bm[j] = 0;
                } else {
                    bm[j] /= xs[j];
                    c -= bm[j] * xm[j];
                }
            }
            a0[m] = c;
        }
        return new Result(lmu, lambdas, a0, betas, dev, outerCount, passCount, conv, 2 * dev0 * sumWeights, stop);
    }

    private double lambdaMax(double[] ga, double bta) {
        double m = 0;
        for (int j = 0; j < p; j++) {
            if (x[j] != null && vp[j] > 0) {
                m = Math.max(m, ga[j] / vp[j]);
            }
        }
        return m / Math.max(bta, 1e-3);
    }

    /** One coordinate step; returns the change of b[k] and updates the residual. */
    private double update(int k, double[] b, double[] r, double[] v, double[] xv, double al1, double al2) {
        double[] c = x[k];
        double bk = b[k];
        double gk = dot(r, c);
        double u = gk + xv[k] * bk;
        double au = Math.abs(u) - vp[k] * al1;
        double nb;
        if (au <= 0) {
            nb = 0;
        } else {
            double den = xv[k] + vp[k] * al2;
            if (!(den > 0)) {
                return 0; // no curvature along this column: leave it
            }
            nb = Math.max(lo[k], Math.min(hi[k], Math.copySign(au, u) / den));
        }
        double d = nb - bk;
        if (d == 0) {
            return 0;
        }
        b[k] = nb;
        for (int i = 0; i < n; i++) {
            r[i] -= d * v[i] * c[i];
        }
        return d;
    }

    /**
     * glmnet's {@code dev2}: the mean negative log-likelihood with fitted probabilities clamped to
     * [1e-9, 1 - 1e-9]. The labels are exactly 0 or 1, so only the log of the observed class's
     * probability is taken; glmnet's {@code y log p + (1-y) log(1-p)} adds a signed zero to it,
     * which leaves the value bit-for-bit the same.
     */
    private double dev2(double[] q) {
        double pmax = 1.0 - PMIN;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double pi = Math.min(Math.max(PMIN, q[i]), pmax);
            s -= w[i] * Math.log(y[i] > 0 ? pi : 1.0 - pi);
        }
        return s;
    }

    /**
     * The intercept's coordinate step after a pass: its change {@code Σ r / Σ v}; the residual is
     * updated by {@code r -= d v} (nothing when the change is 0).
     */
    private double interceptStep(double[] r, double[] v, double xmz) {
        double d = sum(r) / xmz;
        if (d != 0) {
            for (int i = 0; i < n; i++) {
                r[i] += -d * v[i];
            }
        }
        return d;
    }

    /** Sum with four partial sums, like {@link #dot}. */
    private static double sum(double[] a) {
        int len = a.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < len; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ v_i c_i²} with four partial sums, like {@link #dot}. */
    private static double weightedSquares(double[] v, double[] c) {
        int len = c.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += v[i] * c[i] * c[i];
            s1 += v[i + 1] * c[i + 1] * c[i + 1];
            s2 += v[i + 2] * c[i + 2] * c[i + 2];
            s3 += v[i + 3] * c[i + 3] * c[i + 3];
        }
        for (; i < len; i++) {
            s0 += v[i] * c[i] * c[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Dot product with four partial sums (faster; the order differs from a plain loop). */
    static double dot(double[] a, double[] b) {
        int len = a.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < len; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
