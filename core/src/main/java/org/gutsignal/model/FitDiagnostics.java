package org.gutsignal.model;

/**
 * How the fit at one λ went.
 *
 * @param lambda             the penalty λ
 * @param irlsIterations     iterations of the outer IRLS (quadratic approximation) loop
 * @param coordinatePasses   passes of coordinate descent over the strong or active set
 * @param converged          {@code false} if the iteration limit was reached or the fitted
 *                           probabilities saturated at 0 or 1 before the convergence criterion held
 * @param devianceRatio      fraction of the null deviance explained, {@code 1 - dev/nulldev}
 * @param nonZero            number of non-zero coefficients (intercept excluded)
 */
public record FitDiagnostics(double lambda, int irlsIterations, int coordinatePasses, boolean converged,
        double devianceRatio, int nonZero) {
}
