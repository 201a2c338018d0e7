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

    @Override
    public String toString() {
        return "LogisticFit[" + model + ", " + path + (cvCurve == null ? "" : ", " + cvCurve) + "]";
    }
}
