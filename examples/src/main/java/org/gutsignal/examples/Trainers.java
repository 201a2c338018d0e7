package org.gutsignal.examples;

import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.transform.Preprocessing;
import org.gutsignal.transform.Transform;

/** The trainers the examples share, so that every example fits the same models the same way. */
final class Trainers {

    /** Seed of the splits and of the trainers' inner λ cross-validation. */
    static final long SEED = 20240611L;
    /** Seed of the HMBPP-only model (the Lee 2022 analyses). */
    static final long HMBPP_SEED = 2022L;

    private Trainers() {
    }

    /** The molecule model: ln(x + 1), standardise, elastic net α = 0.5. */
    static LogisticTrainer molecules() {
        return LogisticTrainer.withDefaults().withAlpha(0.5).withLambdaCount(50)
                .withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize())).withSeed(SEED);
    }

    /** The species model: fractions, prevalence ≥ 10%, log10(x + 1e-5), standardise, elastic net α = 0.5. */
    static LogisticTrainer species() {
        return LogisticTrainer.withDefaults().withAlpha(0.5).withLambdaCount(50)
                .withPreprocessing(Preprocessing.of(Transform.totalSumScaling(), Transform.prevalenceFilter(0.0, 0.1),
                        Transform.log10(1e-5), Transform.standardize()))
                .withSeed(SEED);
    }

    /**
     * The single-feature HMBPP model: ln(1 + x), standardise, logistic regression at λ = 1e-8
     * (practically unpenalised: with a λ path the inner CV may pick the intercept-only model).
     */
    static LogisticTrainer hmbpp() {
        return LogisticTrainer.withDefaults().withLambdas(new double[] {1e-8})
                .withPreprocessing(Preprocessing.of(Transform.ln(1.0), Transform.standardize())).withSeed(HMBPP_SEED);
    }
}
