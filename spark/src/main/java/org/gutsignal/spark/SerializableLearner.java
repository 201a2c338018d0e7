package org.gutsignal.spark;

import java.io.Serializable;
import org.gutsignal.eval.Learner;
import org.gutsignal.model.ResponseModel;

/**
 * A {@link Learner} that Spark can send to its executors. Write it as a lambda that builds its trainer inside (the
 * core's trainers are not serializable, so a lambda must not capture one):
 *
 * <pre>{@code
 * SerializableLearner learner = train -> LogisticTrainer.withDefaults().withAlpha(0.5).withSeed(7)
 *         .withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize())).fit(train);
 * }</pre>
 *
 * It must be deterministic (the same cohort gives an equal model), as the core's trainers are with a fixed seed: a
 * fold fitted on an executor then equals the fold the core's {@code CrossValidation} fits.
 */
@FunctionalInterface
public interface SerializableLearner extends Learner<ResponseModel>, Serializable {
}
