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
 * <h2>Legend: glmnet's names, kept so the code can be read beside {@code lognet2n}</h2>
 * <table>
 *   <caption>variables of the solver</caption>
 *   <tr><th>name</th><th>meaning</th></tr>
 *   <tr><td>{@code x[j], xm[j], xs[j]}</td><td>standardised column j, its weighted mean and standard deviation</td></tr>
 *   <tr><td>{@code w, y}</td><td>observation weights (sum 1) and 0/1 labels</td></tr>
 *   <tr><td>{@code vp[j]}</td><td>penalty factor of feature j (rescaled to sum to p)</td></tr>
 *   <tr><td>{@code lo[j], hi[j]}</td><td>coefficient limits on the standardised scale</td></tr>
 *   <tr><td>{@code al, al0}</td><td>λ and the previous λ</td></tr>
 *   <tr><td>{@code bta, omb}</td><td>α and 1 − α</td></tr>
 *   <tr><td>{@code al1, al2}</td><td>λα (lasso part) and λ(1 − α) (ridge part)</td></tr>
 *   <tr><td>{@code alf, flmin, nlam}</td><td>ratio between successive generated λ, smallest λ / λmax, path length</td></tr>
 *   <tr><td>{@code b0, b[j]}</td><td>intercept and coefficients (standardised scale)</td></tr>
 *   <tr><td>{@code bs, bs0}</td><td>the coefficients and intercept before the current IRLS step</td></tr>
 *   <tr><td>{@code eta, q}</td><td>linear predictor and fitted probability per sample</td></tr>
 *   <tr><td>{@code v, r}</td><td>IRLS weights {@code w q(1−q)} and weighted residuals {@code w(y−q)}</td></tr>
 *   <tr><td>{@code xmz}</td><td>Σ v, the intercept's curvature</td></tr>
 *   <tr><td>{@code xv[j]}</td><td>Σ v x_j², feature j's curvature</td></tr>
 *   <tr><td>{@code ga[j]}</td><td>|gradient| of feature j, {@code |Σ r x_j|}</td></tr>
 *   <tr><td>{@code ixx[j]}</td><td>feature j is in the strong set</td></tr>
 *   <tr><td>{@code active, nin}</td><td>the active set (features that ever moved) and its size (glmnet's {@code mm}, {@code nin})</td></tr>
 *   <tr><td>{@code dlx, shr}</td><td>largest scaled change in a pass, and the threshold {@code thresh × dev0}</td></tr>
 *   <tr><td>{@code nlp, outer}</td><td>coordinate passes and IRLS iterations at the current λ</td></tr>
 *   <tr><td>{@code dev0, dev1}</td><td>null deviance (mean, per unit weight), here equal</td></tr>
 *   <tr><td>{@code fdev, DEVMAX, MNLAM}</td><td>glmnet's stopping rules for a generated path</td></tr>
 * </table>
 *
 * <h2>Sparse columns</h2>
 * A large design ({@value #SPARSE_MIN_CELLS} cells or more) stores a column sparse when at least
 * {@value #SPARSE_MIN_BASELINE_SHARE} of its values equal its minimum (the zeros of a gene-family
 * or KO table, also after a log transform): only the rows that differ from that baseline, as
 * {@code z_i = (c_i − baseline)/sd}, with the standardised column {@code x = z − off},
 * {@code off = (mean − baseline)/sd}. The residual is then kept as {@code r + θ v} (a scalar
 * {@code θ} carries the dense part of every update) with its sum {@code sr}, so a coordinate step
 * costs the column's non-baseline rows instead of n; θ is folded back into r, and sr recomputed,
 * at the start of every pass. The arithmetic is reordered, so results differ from the dense path
 * in the last bits (bounded in {@code SparseDesignTest}; where columns are equal after
 * standardising, the non-unique coefficients may be shared differently, the fit being the same); smaller designs, where everything sits
 * in the caches and the dense loops are as fast, keep the dense path and its bit-for-bit results.
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
    /** Linear predictors beyond ±FMAX give probabilities within PMIN of 0 or 1 and are clamped. */
    private static final double FMAX = Math.log(1.0 / PMIN - 1.0);
    private static final double FMIN = -FMAX;
    /** Total IRLS weight below which the fit is saturated (every probability at its clamp). */
    private static final double VMIN = (1.0 + PMIN) * PMIN * (1.0 - PMIN);
    /** KKT checks whose residuals are kept for bounding gradients (see {@link #kktViolated}). */
    private static final int HISTORY = 8;
    /**
     * Relative allowance for the rounding of a computed distance between residuals, and of the
     * standardisation ({@code Σ w x² = 1} holds to about {@code n ε}): far above either.
     */
    private static final double DISTANCE_SLACK = 1e-9;
    /** Columns copied out of the table at a time while standardising. */
    private static final int COLUMN_BLOCK = 64;
    /** Designs with fewer cells (samples × features) keep every column dense. */
    static final long SPARSE_MIN_CELLS = 1L << 20;
    /** Share of a column's values at its minimum from which the column is stored sparse. */
    static final double SPARSE_MIN_BASELINE_SHARE = 0.5;

    /** Marks a sparse column in {@code x}: its values are in {@code zValue}. */
    private static final double[] SPARSE_COLUMN = new double[0];

    /** How the columns are stored: chosen by size ({@link #AUTO}), or forced (tests). */
    enum Storage {
        AUTO, DENSE, SPARSE
    }

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
    private final double[][] x; // standardised dense columns; SPARSE_COLUMN for sparse ones; null for excluded (constant) columns
    // sparse columns, compressed: column j's rows off the baseline are rowIndex[start[j] .. start[j + 1]), increasing,
    // with z values zValue[..]; dense and excluded columns have an empty range
    private final int[] start;
    private final int[] rowIndex;
    private final double[] zValue;
    private final double[] off; // sparse columns: (mean - baseline) / sd; 0 for dense columns
    // float copies of the standardised values, read by the KKT check's first, bounded pass
    private final float[][] xFloat; // dense columns; null for sparse and excluded ones
    private final float[] zFloat; // sparse columns, as zValue
    /** Bound of the float pass's error, per unit of {@code ‖r/√w‖ (1 + 2|off|)}; see {@link #kktViolated}. */
    private final double floatError;
    private final boolean sparse; // some column is sparse: the residual is kept as r + θ v
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
        this(d, alpha, Storage.AUTO, true);
    }

    /**
     * As {@link #PathSolver(TrainingData, double)}, with the column storage chosen or forced, and
     * the KKT check's float pass on or off (off: every gradient from the double values, glmnet's
     * way; the results are the same, which the tests check).
     */
    PathSolver(TrainingData d, double alpha, Storage storage, boolean floatPass) {
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
        this.off = new double[p];
        this.start = new int[p + 1];
        int[][] sparseRows = new int[p][];
        double[][] sparseZ = new double[p][];
        boolean mayBeSparse = storage == Storage.SPARSE
                || storage == Storage.AUTO && (long) n * p >= SPARSE_MIN_CELLS;
        boolean anySparse = false;
        double[][] block = null;
        for (int j = 0; j < p; j++) {
            if (j % COLUMN_BLOCK == 0) {
                block = d.columns(j, Math.min(p, j + COLUMN_BLOCK));
            }
            double[] c = block[j % COLUMN_BLOCK];
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) {
                constant = c[i] == c[0];
            }
            if (constant) {
                continue;
            }
            double baseline = Double.NaN;
            int[] offBaseline = null;
            double[] raw = null; // a sparse column's values off the baseline, as given
            if (mayBeSparse) {
                baseline = min(c);
                offBaseline = rowsOffBaseline(c, baseline);
                if (offBaseline != null) {
                    raw = new double[offBaseline.length];
                    for (int t = 0; t < raw.length; t++) {
                        raw[t] = c[offBaseline[t]];
                    }
                }
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
            if (offBaseline != null) {
                double[] z = new double[offBaseline.length];
                for (int t = 0; t < z.length; t++) {
                    z[t] = (raw[t] - baseline) / s;
                }
                x[j] = SPARSE_COLUMN;
                sparseRows[j] = offBaseline;
                sparseZ[j] = z;
                off[j] = (m - baseline) / s;
                anySparse = true;
            } else {
                for (int i = 0; i < n; i++) {
                    c[i] /= s;
                }
                x[j] = c;
            }
            xm[j] = m;
            xs[j] = s;
            lo[j] = lower[j] * s;
            hi[j] = upper[j] * s;
        }
        this.sparse = anySparse;
        int nnz = 0;
        for (int j = 0; j < p; j++) {
            start[j] = nnz;
            nnz += sparseRows[j] == null ? 0 : sparseRows[j].length;
        }
        start[p] = nnz;
        this.rowIndex = new int[nnz];
        this.zValue = new double[nnz];
        for (int j = 0; j < p; j++) {
            if (sparseRows[j] != null) {
                System.arraycopy(sparseRows[j], 0, rowIndex, start[j], sparseRows[j].length);
                System.arraycopy(sparseZ[j], 0, zValue, start[j], sparseZ[j].length);
            }
        }
        this.zFloat = new float[nnz];
        for (int t = 0; t < nnz; t++) {
            zFloat[t] = (float) zValue[t];
        }
        this.xFloat = new float[p][];
        for (int j = 0; j < p; j++) {
            if (x[j] != null && x[j] != SPARSE_COLUMN) {
                xFloat[j] = new float[n];
                for (int i = 0; i < n; i++) {
                    xFloat[j][i] = (float) x[j][i];
                }
            }
        }
        this.floatError = floatPass ? 0x1p-22 + 8.0 * n * Math.ulp(1.0) : Double.POSITIVE_INFINITY;
    }

    /** The smallest value (finite values: a plain comparison; a −0 and a 0 count as equal). */
    private static double min(double[] c) {
        double min = c[0];
        for (double v : c) {
            min = v < min ? v : min;
        }
        return min;
    }

    /**
     * The rows of a column whose value differs from {@code min} (its minimum), if at least
     * {@link #SPARSE_MIN_BASELINE_SHARE} of the values equal it; otherwise null.
     */
    private static int[] rowsOffBaseline(double[] c, double min) {
        int at = 0;
        for (double v : c) {
            at += v == min ? 1 : 0;
        }
        if (at < SPARSE_MIN_BASELINE_SHARE * c.length) {
            return null;
        }
        int[] idx = new int[c.length - at];
        for (int i = 0, t = 0; i < c.length; i++) {
            if (c[i] != min) {
                idx[t++] = i;
            }
        }
        return idx;
    }

    /** Whether some column is stored sparse. */
    boolean isSparse() {
        return sparse;
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

        double bta = alpha;
        double omb = 1.0 - bta;
        double q0 = dot(w, y);
        if (q0 <= PMIN || q0 >= 1.0 - PMIN) {
            throw new IllegalArgumentException("weighted responder fraction " + q0 + " is too close to 0 or 1 to fit");
        }
        Work s = new Work(q0);
        double dev1 = -(s.b0 * q0 + Math.log(1.0 - q0));
        double dev0 = dev1; // y is 0/1, so the saturated model adds nothing
        double alf = user ? 0 : Math.pow(Math.max(EPS, flmin), 1.0 / (nlam - 1));
        double shr = thresh * dev0;
        for (int j = 0; j < p; j++) {
            if (x[j] != null) {
                s.ga[j] = Math.abs(exactGradient(s, j));
            }
        }
        s.recordCheck(); // check 0: every ga exact at the starting residual
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
                al0 = lambdaMax(s.ga, bta);
                al = alf * al0;
            }
            // sequential strong rule: a feature enters the strong set once |gradient| > α(2λ - λ_prev) vp
            double tlam = bta * (2.0 * al - al0);
            for (int k = 0; k < p; k++) {
                if (!s.ixx[k] && x[k] != null && gradientAtLastCheckExceeds(s, k, tlam * vp[k])) {
                    s.ixx[k] = true;
                }
            }
            // λmax is read from every feature's gradient after the first step: compute them exactly there
            s.exactCheck = ilm == 0;
            // the next λ's strong-rule threshold (per unit penalty factor), where known: a gradient
            // bounded below it needs computing neither by the KKT check nor by that rule
            double next = ilm + 1 >= nl ? al : user ? userLambdas[ilm + 1] : ilm == 0 ? 0 : al * alf;
            s.skipBelow = Math.min(al * bta, bta * (2.0 * next - al));
            fitAtLambda(s, al * bta, al * omb, shr, maxit);
            a0[ilm] = s.b0;
            betas[ilm] = s.b.clone();
            lambdas[ilm] = al;
            outerCount[ilm] = s.outer;
            passCount[ilm] = s.nlp;
            conv[ilm] = s.converged && !s.saturated;
            lmu = ilm + 1;
            dev[ilm] = needDeviance ? (dev1 - dev2(s.q)) / dev0 : Double.NaN;
            if (!user && ilm == 0) {
                // glmnet reports λmax for the first (λ = ∞) solution; compute it from the
                // residuals of that solution, as its second step does
                lambdas[0] = lambdaMax(s.ga, bta);
            }
            if (s.saturated) {
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
        toOriginalScale(betas, a0, lmu);
        return new Result(lmu, lambdas, a0, betas, dev, outerCount, passCount, conv, 2 * dev0 * sumWeights, stop);
    }

    /**
     * The working state of one path (glmnet's names; see the legend in the class comment), carried
     * from one λ to the next as the warm start.
     */
    private final class Work {
        final double[] b = new double[p];
        final double[] bs = new double[p];
        final double[] xv = new double[p];
        final double[] ga = new double[p];
        final boolean[] ixx = new boolean[p];
        final boolean[] inActive = new boolean[p];
        final int[] active = new int[p];
        int nin;
        final double[] v = new double[n];
        final double[] r = new double[n];
        final double[] q = new double[n];
        final double[] eta = new double[n];
        /** Sparse designs: Σ v x_j per strong column, this IRLS step. */
        final double[] vz = sparse ? new double[p] : null;
        double b0;
        double xmz;
        /** Sparse designs: the residual is {@code r + theta v}; {@code sr} is Σ r. */
        double theta;
        double sr;
        // the last KKT check: its residual and the sum of it, the float pass's error bound per unit
        // of (1 + 2|off|), and which ga it only bounded; whether the next check is to be exact
        // The KKT checks so far (check 0: the start), the residuals and sums of the last HISTORY
        // of them by check number mod HISTORY, and each one's distance ‖(r − r_c)/√w‖ to the last.
        // Per feature: the check its ga was computed at, and ga's error bound (0: exact).
        int checks;
        final double[][] rHist = new double[HISTORY][n];
        final double[] srHist = new double[HISTORY];
        final double[] distToLast = new double[HISTORY];
        final int[] gaCheck = new int[p];
        final double[] gaError = new double[p];
        boolean exactCheck;
        /** Gradients bounded at or below {@code skipBelow × vp} are not computed by the check. */
        double skipBelow;
        // per λ: IRLS iterations, coordinate passes, whether converged, whether the fit saturated
        int outer;
        int nlp;
        boolean converged;
        boolean saturated;

        /** The null model: intercept logit(q0), every coefficient 0. */
        Work(double q0) {
            double bz = Math.log(q0 / (1.0 - q0));
            double vi = q0 * (1.0 - q0);
            b0 = bz;
            for (int i = 0; i < n; i++) {
                v[i] = vi * w[i];
                r[i] = w[i] * (y[i] - q0);
                q[i] = q0;
            }
            xmz = vi;
            sr = sum(r);
        }

        /** Records the current residual as check {@link #checks} and returns its slot. */
        int recordCheck() {
            int slot = checks % HISTORY;
            System.arraycopy(r, 0, rHist[slot], 0, n);
            srHist[slot] = sr;
            checks++;
            return slot;
        }
    }

    /**
     * The IRLS loop at one λ ({@code al1 = λα}, {@code al2 = λ(1-α)}), from the previous λ's
     * solution: coordinate descent on the quadratic approximation, new IRLS weights, and — once
     * the coefficients stop moving — the KKT check over the features outside the strong set.
     */
    private void fitAtLambda(Work s, double al1, double al2, double shr, int maxit) {
        s.nlp = 0;
        s.outer = 0;
        s.converged = true;
        s.saturated = false;
        while (true) {
            s.outer++;
            double bs0 = s.b0;
            for (int l = 0; l < s.nin; l++) {
                s.bs[s.active[l]] = s.b[s.active[l]];
            }
            for (int j = 0; j < p; j++) {
                if (s.ixx[j]) {
                    s.xv[j] = sparse ? curvature(s, j) : weightedSquares(s.v, x[j]);
                }
            }
            s.converged = coordinateDescent(s, al1, al2, shr, maxit);
            updateIrlsWeights(s);
            if (s.xmz <= VMIN) {
                s.saturated = true;
                return;
            }
            if (!s.converged) {
                return;
            }
            if (s.xmz * (s.b0 - bs0) * (s.b0 - bs0) < shr && !activeMoved(s, shr) && !kktViolated(s, al1)) {
                return;
            }
            if (s.outer > maxit) {
                s.converged = false;
                return;
            }
        }
    }

    /**
     * Cyclic coordinate descent on the current quadratic approximation: a pass over the strong
     * set, then passes over the active set until they converge, then the strong set again, until
     * a strong-set pass moves nothing by more than {@code shr}.
     *
     * @return false if more than {@code maxit} passes were needed
     */
    private boolean coordinateDescent(Work s, double al1, double al2, double shr, int maxit) {
        while (true) {
            s.nlp++;
            double dlx = 0;
            resync(s);
            for (int k = 0; k < p; k++) {
                if (!s.ixx[k]) {
                    continue;
                }
                double d = sparse ? sparseUpdate(s, k, al1, al2) : update(k, s.b, s.r, s.v, s.xv, al1, al2);
                if (d != 0) {
                    dlx = Math.max(dlx, s.xv[k] * d * d);
                    if (!s.inActive[k]) {
                        s.inActive[k] = true;
                        s.active[s.nin++] = k;
                    }
                }
            }
            double d = sparse ? sparseInterceptStep(s) : interceptStep(s.r, s.v, s.xmz);
            s.b0 += d;
            dlx = Math.max(dlx, s.xmz * d * d);
            if (dlx < shr) {
                return true;
            }
            if (s.nlp > maxit) {
                return false;
            }
            while (true) {
                s.nlp++;
                dlx = 0;
                resync(s);
                for (int l = 0; l < s.nin; l++) {
                    int k = s.active[l];
                    double dk = sparse ? sparseUpdate(s, k, al1, al2) : update(k, s.b, s.r, s.v, s.xv, al1, al2);
                    if (dk != 0) {
                        dlx = Math.max(dlx, s.xv[k] * dk * dk);
                    }
                }
                d = sparse ? sparseInterceptStep(s) : interceptStep(s.r, s.v, s.xmz);
                s.b0 += d;
                dlx = Math.max(dlx, s.xmz * d * d);
                if (dlx < shr) {
                    break;
                }
                if (s.nlp > maxit) {
                    return false;
                }
            }
        }
    }

    /** New linear predictors, probabilities (clamped as glmnet does), IRLS weights and residuals. */
    private void updateIrlsWeights(Work s) {
        double[] eta = s.eta;
        double[] q = s.q;
        if (sparse) {
            sparseLinearPredictor(s);
        } else {
            Arrays.fill(eta, s.b0);
            for (int l = 0; l < s.nin; l++) {
                int k = s.active[l];
                if (s.b[k] != 0) {
                    double[] c = x[k];
                    double bk = s.b[k];
                    for (int i = 0; i < n; i++) {
                        eta[i] += bk * c[i];
                    }
                }
            }
        }
        // the exponentials in a loop of their own: the rest of the update then runs without a
        // call in its loop body, which is about a quarter faster (same values)
        for (int i = 0; i < n; i++) {
            q[i] = Math.exp(-eta[i]);
        }
        double xmz = 0;
        for (int i = 0; i < n; i++) {
            double fi = eta[i];
            double qi = fi < FMIN ? 0.0 : fi > FMAX ? 1.0 : 1.0 / (1.0 + q[i]);
            q[i] = qi;
            s.v[i] = w[i] * qi * (1.0 - qi);
            xmz += s.v[i];
            s.r[i] = w[i] * (y[i] - qi);
        }
        s.xmz = xmz;
        if (sparse) {
            s.theta = 0;
            s.sr = sum(s.r);
        }
    }

    /** Whether an active coefficient moved by more than {@code shr} (scaled) in this IRLS step. */
    private boolean activeMoved(Work s, double shr) {
        for (int l = 0; l < s.nin; l++) {
            int k = s.active[l];
            double dk = s.b[k] - s.bs[k];
            if (s.xv[k] * dk * dk >= shr) {
                return true;
            }
        }
        return false;
    }

    /**
     * The KKT check over the features outside the strong set: refreshes their |gradient| and
     * moves every violator ({@code |gradient| > λα vp}) into the strong set.
     *
     * <p>With the same outcome as glmnet's check, which computes every gradient, but computing
     * fewer and reading half the bytes for most of them:
     * <ul>
     *   <li>With {@code Σ w x_j² = 1}, Cauchy-Schwarz gives {@code |g_j(r) − g_j(r')| ≤ ‖(r − r')/√w‖}.
     *       A feature whose |gradient| at one of the last {@value #HISTORY} checks, plus its error
     *       bound there, plus the distance from that check's residual to this one (and a slack
     *       for the rounding of that distance) is within its threshold cannot violate: its
     *       gradient is not computed.</li>
     *   <li>The others are first computed from the float copy of the column (the products and
     *       sums in double). That differs from the double computation by at most
     *       {@code (2⁻²⁴ + 2 n ε) ‖r/√w‖ (1 + 2|off_j|)} (the float rounding of each value, the
     *       rounding of the two sums, and for a sparse column the baseline term);
     *       {@link #floatError} allows four times each term. Only a gradient within that bound of
     *       its threshold is recomputed from the double values.</li>
     * </ul>
     * So every feature is classed as the exact check would class it. What is known of each
     * {@code ga} (its check and error bound) is kept, and the next λ's strong rule
     * ({@link #gradientAtLastCheckExceeds}) computes a gradient exactly, at the last check's
     * residual, only when those bounds cannot decide; strong sets, violators and results are
     * bit-for-bit those of the exact check.
     *
     * @return whether any feature violated the conditions
     */
    private boolean kktViolated(Work s, double al1) {
        int c = s.checks;
        int slot = s.recordCheck();
        boolean exact = s.exactCheck || floatError == Double.POSITIVE_INFINITY;
        double norm = weightedNorm(s.r, null);
        double error = exact ? 0 : floatError * norm;
        for (int h = Math.max(0, c - HISTORY + 1); h < c; h++) {
            double[] old = s.rHist[h % HISTORY];
            s.distToLast[h % HISTORY] = weightedNorm(s.r, old) * (1 + DISTANCE_SLACK) + DISTANCE_SLACK * norm;
        }
        s.distToLast[slot] = 0;
        boolean ix = false;
        for (int k = 0; k < p; k++) {
            if (s.ixx[k] || x[k] == null) {
                continue;
            }
            double threshold = al1 * vp[k];
            if (!exact) {
                int from = s.gaCheck[k];
                if (c - from < HISTORY
                        && s.ga[k] + s.gaError[k] + s.distToLast[from % HISTORY] <= s.skipBelow * vp[k]) {
                    continue; // cannot violate; ga stays as known at check `from`
                }
                double g = Math.abs(floatGradient(s.r, s.sr, k));
                double e = error * (1 + 2 * Math.abs(off[k]));
                // decided here (and at the next strong rule) unless within e of a threshold
                if ((g + e <= threshold || g - e > threshold) && !(Math.abs(g - s.skipBelow * vp[k]) < e)) {
                    s.ga[k] = g;
                    s.gaError[k] = e;
                    s.gaCheck[k] = c;
                    if (g - e > threshold) {
                        s.ixx[k] = true;
                        ix = true;
                    }
                    continue;
                }
            }
            s.ga[k] = Math.abs(exactGradient(s, k));
            s.gaError[k] = 0;
            s.gaCheck[k] = c;
            if (s.ga[k] > threshold) {
                s.ixx[k] = true;
                ix = true;
            }
        }
        return ix;
    }

    /**
     * Whether feature k's |gradient| at the last KKT check exceeds {@code threshold} (what
     * glmnet's strong rule compares): decided by what is known of {@code ga[k]} when its bounds
     * allow, else computed exactly now at that check's residual (and kept).
     */
    private boolean gradientAtLastCheckExceeds(Work s, int k, double threshold) {
        int last = s.checks - 1;
        int from = s.gaCheck[k];
        if (from == last && s.gaError[k] == 0) {
            return s.ga[k] > threshold;
        }
        if (last - from < HISTORY) {
            double slack = s.gaError[k] + s.distToLast[from % HISTORY];
            if (s.ga[k] + slack <= threshold) {
                return false;
            }
            if (s.ga[k] - slack > threshold) {
                return true;
            }
        }
        int slot = last % HISTORY;
        s.ga[k] = Math.abs(gradientAt(s.rHist[slot], s.srHist[slot], k));
        s.gaError[k] = 0;
        s.gaCheck[k] = last;
        return s.ga[k] > threshold;
    }

    /**
     * {@code ‖(r − ref)/√w‖ = sqrt(Σ (r_i − ref_i)² / w_i)} over the samples of positive weight
     * (residuals are 0 where the weight is), or {@code ‖r/√w‖} when {@code ref} is null.
     */
    private double weightedNorm(double[] r, double[] ref) {
        double ss = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                double d = ref == null ? r[i] : r[i] - ref[i];
                ss += d * d / w[i];
            }
        }
        return Math.sqrt(ss);
    }

    /** {@link #gradientAt} from the float copies of the values (products and sums in double). */
    private double floatGradient(double[] r, double sr, int k) {
        float[] c = xFloat[k];
        if (c != null) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += r[i] * c[i];
                s1 += r[i + 1] * c[i + 1];
                s2 += r[i + 2] * c[i + 2];
                s3 += r[i + 3] * c[i + 3];
            }
            for (; i < n; i++) {
                s0 += r[i] * c[i];
            }
            return (s0 + s1) + (s2 + s3);
        }
        int[] ix = rowIndex;
        float[] z = zFloat;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = start[k];
        int to = start[k + 1];
        for (; t + 3 < to; t += 4) {
            s0 += r[ix[t]] * z[t];
            s1 += r[ix[t + 1]] * z[t + 1];
            s2 += r[ix[t + 2]] * z[t + 2];
            s3 += r[ix[t + 3]] * z[t + 3];
        }
        for (; t < to; t++) {
            s0 += r[ix[t]] * z[t];
        }
        return (s0 + s1) + (s2 + s3) - off[k] * sr;
    }

    /**
     * {@code Σ r_i x_ij} for a residual with no pending dense part (θ = 0: after new IRLS weights,
     * or at the start): the dense dot product, or for a sparse column {@code Σ_rows r z − off Σ r}.
     */
    private double exactGradient(Work s, int k) {
        return gradientAt(s.r, s.sr, k);
    }

    /** {@link #exactGradient} at residual {@code r} with sum {@code sr}. */
    private double gradientAt(double[] r, double sr, int k) {
        if (x[k] != SPARSE_COLUMN) {
            return dot(r, x[k]);
        }
        return sparseDot(r, start[k], start[k + 1]) - off[k] * sr;
    }

    /**
     * Sparse designs: folds the pending dense part into the residual ({@code r += θ v}, θ = 0) and
     * recomputes its sum, so rounding does not build up over a pass.
     */
    private void resync(Work s) {
        if (!sparse) {
            return;
        }
        double t = s.theta;
        if (t != 0) {
            double[] r = s.r;
            double[] v = s.v;
            for (int i = 0; i < n; i++) {
                r[i] += t * v[i];
            }
            s.theta = 0;
        }
        s.sr = sum(s.r);
    }

    /**
     * Sparse designs: {@code xv_j = Σ v x_j²} for a strong column, and {@code vz_j = Σ v z_j} (the
     * stored values), which the gradient and the sum of the residual need.
     */
    private double curvature(Work s, int k) {
        double[] c = x[k];
        double[] v = s.v;
        if (c != SPARSE_COLUMN) {
            s.vz[k] = dot(v, c);
            return weightedSquares(v, c);
        }
        double vz = 0;
        double vzz = 0;
        for (int t = start[k], end = start[k + 1]; t < end; t++) {
            double vi = v[rowIndex[t]] * zValue[t];
            vz += vi;
            vzz += vi * zValue[t];
        }
        s.vz[k] = vz;
        double o = off[k];
        return vzz - 2 * o * vz + o * o * s.xmz;
    }

    /**
     * Sparse designs: the coordinate step of {@link #update} with the residual {@code r + θ v}:
     * the gradient {@code Σ (r + θ v) (z − off)}, then {@code r −= d v z} over the column's rows,
     * {@code θ += d off} and {@code sr −= d Σ v z}.
     */
    private double sparseUpdate(Work s, int k, double al1, double al2) {
        double[] c = x[k];
        boolean sparseColumn = c == SPARSE_COLUMN;
        double[] r = s.r;
        double[] v = s.v;
        double bk = s.b[k];
        double raw = sparseColumn ? sparseDot(r, start[k], start[k + 1]) : dot(r, c);
        double gk = raw + s.theta * s.vz[k] - off[k] * (s.sr + s.theta * s.xmz);
        double u = gk + s.xv[k] * bk;
        double au = Math.abs(u) - vp[k] * al1;
        double nb;
        if (au <= 0) {
            nb = 0;
        } else {
            double den = s.xv[k] + vp[k] * al2;
            if (!(den > 0)) {
                return 0;
            }
            nb = Math.max(lo[k], Math.min(hi[k], Math.copySign(au, u) / den));
        }
        double d = nb - bk;
        if (d == 0) {
            return 0;
        }
        s.b[k] = nb;
        if (sparseColumn) {
            int[] ix = rowIndex;
            double[] z = zValue;
            for (int t = start[k], end = start[k + 1]; t < end; t++) {
                int i = ix[t];
                r[i] -= d * v[i] * z[t];
            }
        } else {
            for (int i = 0; i < n; i++) {
                r[i] -= d * v[i] * c[i];
            }
        }
        s.sr -= d * s.vz[k];
        s.theta += d * off[k];
        return d;
    }

    /** Sparse designs: the intercept step, {@code Σ (r + θ v) / Σ v}, taken out of θ. */
    private double sparseInterceptStep(Work s) {
        double d = (s.sr + s.theta * s.xmz) / s.xmz;
        s.theta -= d;
        return d;
    }

    /** Sparse designs: {@code eta = b0 − Σ b_j off_j + Σ b_j z_j} over the active columns. */
    private void sparseLinearPredictor(Work s) {
        double[] eta = s.eta;
        double base = s.b0;
        for (int l = 0; l < s.nin; l++) {
            int k = s.active[l];
            base -= s.b[k] * off[k];
        }
        Arrays.fill(eta, base);
        for (int l = 0; l < s.nin; l++) {
            int k = s.active[l];
            double bk = s.b[k];
            if (bk == 0) {
                continue;
            }
            double[] c = x[k];
            if (c == SPARSE_COLUMN) {
                for (int t = start[k], end = start[k + 1]; t < end; t++) {
                    eta[rowIndex[t]] += bk * zValue[t];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    eta[i] += bk * c[i];
                }
            }
        }
    }

    /** {@code Σ r[rowIndex[t]] zValue[t]} over {@code t ∈ [from, to)}, with four partial sums. */
    private double sparseDot(double[] r, int from, int to) {
        int[] ix = rowIndex;
        double[] z = zValue;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = from;
        for (; t + 3 < to; t += 4) {
            s0 += r[ix[t]] * z[t];
            s1 += r[ix[t + 1]] * z[t + 1];
            s2 += r[ix[t + 2]] * z[t + 2];
            s3 += r[ix[t + 3]] * z[t + 3];
        }
        for (; t < to; t++) {
            s0 += r[ix[t]] * z[t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Coefficients and intercepts from the standardised to the original scale, in place. */
    private void toOriginalScale(double[][] betas, double[] a0, int lmu) {
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
