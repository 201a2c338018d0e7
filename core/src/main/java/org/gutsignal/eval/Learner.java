package org.gutsignal.eval;

import org.gutsignal.cohort.Cohort;
import org.gutsignal.model.Predictor;

/**
 * Fits a whole pipeline (preprocessing, model, inner hyper-parameter selection) on a training
 * cohort. {@link CrossValidation} calls it once per training fold, on the fold's samples only,
 * so nothing learned from test samples can leak into the fit.
 *
 * <pre>{@code
 * Learner<ResponseModel> learner = trainer::fit;                       // gutsignal's model
 * Learner<Predictor> forest = train -> { var rf = fitSmile(train); return test -> rf.score(test); };
 * }</pre>
 *
 * <p>Must be deterministic (take a seed) and, for parallel folds, thread-safe.
 *
 * @param <P> what the fit returns
 */
@FunctionalInterface
public interface Learner<P extends Predictor> {

    /**
     * Fits on a cohort whose samples all have a known response.
     *
     * @return the fitted predictor
     */
    P fit(Cohort train);
}
