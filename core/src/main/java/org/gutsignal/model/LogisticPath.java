package org.gutsignal.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Penalised logistic fits at a decreasing sequence of λ values, made by
 * {@link LogisticTrainer#path}. Coefficients are on the original scale of the features the
 * trainer was given (standardisation is internal to fitting).
 *
 * <p>Like glmnet, a generated path may end before its requested length: once at least five
 * λ values are fitted, the path stops when the deviance ratio exceeds 0.999 or gains less than
 * 1e-5 from one λ to the next (this second rule is off when some coefficient has a limit of
 * exactly 0, as glmnet switches it off then); any path stops when the fitted probabilities saturate at 0 or 1.
 * {@link #stopReason()} says which. A path on user-supplied λ values stops only on saturation.
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class LogisticPath {

    /** Why the path ended where it did. */
    public enum StopReason {
        /** Every requested λ was fitted. */
        COMPLETE,
        /** The deviance ratio exceeded 0.999 (glmnet's {@code devmax}). */
        DEVIANCE_RATIO,
        /** The deviance ratio gained less than 1e-5 (glmnet's {@code fdev}). */
        DEVIANCE_CHANGE,
        /** Fitted probabilities reached 0 or 1 for (almost) every sample. */
        SATURATED
    }

    private final List<String> featureNames;
    private final double alpha;
    private final double[] lambdas;
    private final double[] intercepts;
    private final double[][] coefficients;
    private final FitDiagnostics[] diagnostics;
    private final double nullDeviance;
    private final StopReason stopReason;

    LogisticPath(List<String> featureNames, double alpha, PathSolver.Result r) {
        this.featureNames = List.copyOf(featureNames);
        this.alpha = alpha;
        this.lambdas = r.lambdas;
        this.intercepts = r.intercepts;
        this.coefficients = r.betas;
        this.diagnostics = new FitDiagnostics[r.lambdas.length];
        for (int k = 0; k < diagnostics.length; k++) {
            int nz = 0;
            for (double b : r.betas[k]) {
                if (b != 0) {
                    nz++;
                }
            }
            diagnostics[k] = new FitDiagnostics(r.lambdas[k], r.outer[k], r.passes[k], r.converged[k],
                    r.devRatio[k], nz);
        }
        this.nullDeviance = r.nullDeviance;
        this.stopReason = Objects.requireNonNull(r.stop);
    }

    /** Feature names, in coefficient order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The elastic-net mixing parameter α (1 = lasso, 0 = ridge). */
    public double alpha() {
        return alpha;
    }

    /** Number of λ values fitted. */
    public int size() {
        return lambdas.length;
    }

    /** The λ values, decreasing. */
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** The {@code k}-th λ (0-based). */
    public double lambda(int k) {
        return lambdas[k];
    }

    /** The intercept at the {@code k}-th λ, original scale. */
    public double intercept(int k) {
        return intercepts[k];
    }

    /** The coefficients at the {@code k}-th λ, in {@link #featureNames()} order, original scale. */
    public double[] coefficients(int k) {
        return coefficients[k].clone();
    }

    /** How the fit at the {@code k}-th λ went. */
    public FitDiagnostics diagnostics(int k) {
        return diagnostics[k];
    }

    /** {@code true} if the fit converged at every λ. */
    public boolean converged() {
        for (FitDiagnostics d : diagnostics) {
            if (!d.converged()) {
                return false;
            }
        }
        return true;
    }

    /** Deviance of the intercept-only model, {@code -2 Σ w_i loglik_i} with the weights as given. */
    public double nullDeviance() {
        return nullDeviance;
    }

    /** Why the path ended where it did. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** Internal access without copying. */
    double[] coefficientsView(int k) {
        return coefficients[k];
    }

    @Override
    public String toString() {
        return "LogisticPath[" + size() + " λ from " + lambdas[0] + " to " + lambdas[lambdas.length - 1] + ", α="
                + alpha + ", " + stopReason + (converged() ? "" : ", NOT CONVERGED at some λ") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticPath t && featureNames.equals(t.featureNames) && alpha == t.alpha
                && Arrays.equals(lambdas, t.lambdas) && Arrays.equals(intercepts, t.intercepts)
                && Arrays.deepEquals(coefficients, t.coefficients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureNames, Arrays.hashCode(lambdas), Arrays.hashCode(intercepts));
    }
}
