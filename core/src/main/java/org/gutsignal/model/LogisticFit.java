package org.gutsignal.model;

import java.util.Optional;

/**
 * The outcome of {@link LogisticTrainer#train}: the model at the chosen λ, the full-data path it
 * was taken from, and the cross-validation curve that chose it (absent when a single λ was
 * given). Immutable and thread-safe.
 */
public final class LogisticFit {

    private final ResponseModel model;
    private final LogisticPath path;
    private final CvCurve cvCurve;
    private final int lambdaIndex;

    LogisticFit(ResponseModel model, LogisticPath path, CvCurve cvCurve, int lambdaIndex) {
        this.model = model;
        this.path = path;
        this.cvCurve = cvCurve;
        this.lambdaIndex = lambdaIndex;
    }

    /** The model at the chosen λ. */
    public ResponseModel model() {
        return model;
    }

    /** The path fitted on all training samples. */
    public LogisticPath path() {
        return path;
    }

    /** The inner cross-validation curve, if λ was chosen by cross-validation. */
    public Optional<CvCurve> cvCurve() {
        return Optional.ofNullable(cvCurve);
    }

    /** Index of the chosen λ in {@link #path()}. */
    public int lambdaIndex() {
        return lambdaIndex;
    }

    /**
     * The model at path index {@code k} instead of the chosen one (glmnet's {@code coef(fit, s =
     * fit$lambda[k])}): the same preprocessing, provenance, input unit, training variances and
     * missing-feature policy as {@link #model()}, with the coefficients, intercept and λ of
     * {@code path().lambda(k)}. {@code modelAt(lambdaIndex())} equals {@link #model()}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= k < path().size()}
     */
    public ResponseModel modelAt(int k) {
        java.util.Objects.checkIndex(k, path.size());
        if (k == lambdaIndex) {
            return model;
        }
        ResponseModel m = ResponseModel.of(path.featureNames(), path.coefficients(k), path.intercept(k),
                path.lambda(k), path.alpha(), model.provenance(), model.preprocessing())
                .withMissingFeatures(model.missingFeaturePolicy());
        if (model.inputUnit().isPresent()) {
            m = m.withInputUnit(model.inputUnit().get());
        }
        if (model.trainingVariances().isPresent()) {
            m = m.withTrainingVariances(model.trainingVariances().get());
        }
        return m;
    }

    @Override
    public String toString() {
        return "LogisticFit[" + model + ", " + path + (cvCurve == null ? "" : ", " + cvCurve) + "]";
    }
}
