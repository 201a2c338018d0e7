package org.gutsignal.spark;

import java.io.Serializable;
import java.util.Locale;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.model.LambdaRule;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.transform.Preprocessing;

/**
 * The command line's trainer and splitter as plain values, so that the learner and splitter built from them can
 * travel to the executors ({@link SerializableLearner}, {@link SerializableSplitter}). The option names and meanings
 * are those of {@code gutsignal cv} ({@code docs/cli.md}), preprocessing steps included ({@link Preprocessing#parse}).
 */
final class TrainerSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    final double alpha;
    final String lambdaRule;
    final int folds;
    final String preprocess;
    final boolean classBalancing;
    final long seed;

    TrainerSpec(double alpha, String lambdaRule, int folds, String preprocess, boolean classBalancing, long seed) {
        this.alpha = alpha;
        this.lambdaRule = lambdaRule;
        this.folds = folds;
        this.preprocess = preprocess;
        this.classBalancing = classBalancing;
        this.seed = seed;
        trainer(); // refuse bad options on the driver, before any task
    }

    /** The trainer these options describe. */
    LogisticTrainer trainer() {
        LambdaRule rule = switch (lambdaRule.toLowerCase(Locale.ROOT)) {
            case "min" -> LambdaRule.MIN;
            case "1se" -> LambdaRule.ONE_SE;
            default -> throw new IllegalArgumentException("--lambda-rule must be min or 1se but is '" + lambdaRule
                    + "'");
        };
        return LogisticTrainer.withDefaults().withAlpha(alpha).withLambdaRule(rule).withFolds(folds)
                .withPreprocessing(preprocessing(preprocess)).withClassBalancing(classBalancing).withSeed(seed);
    }

    /** The learner: this trainer's fit, built on the executor. */
    SerializableLearner learner() {
        TrainerSpec spec = this;
        return train -> spec.trainer().fit(train);
    }

    /** The splitter a {@code --split} value names, seeded with {@code seed}: as {@code gutsignal cv --split}. */
    static SerializableSplitter splitter(String spec, long seed) {
        String[] p = spec.toLowerCase(Locale.ROOT).split(":", -1);
        try {
            if (p[0].equals("kfold") && p.length <= 2) {
                int k = p.length == 2 ? Integer.parseInt(p[1]) : 10;
                Splitters.stratifiedKFold(k, seed); // refuse k < 2 now
                return (y, g) -> Splitters.stratifiedKFold(k, seed).split(y, g);
            }
            if (p[0].equals("repeated") && p.length == 3) {
                int k = Integer.parseInt(p[1]);
                int r = Integer.parseInt(p[2]);
                Splitters.repeatedStratifiedKFold(k, r, seed);
                return (y, g) -> Splitters.repeatedStratifiedKFold(k, r, seed).split(y, g);
            }
            if (p[0].equals("group-kfold") && p.length == 2) {
                int k = Integer.parseInt(p[1]);
                Splitters.groupKFold(k, seed);
                return (y, g) -> Splitters.groupKFold(k, seed).split(y, g);
            }
            if (p[0].equals("logo") && p.length == 1) {
                return (y, g) -> Splitters.leaveOneGroupOut().split(y, g);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--split must be kfold[:K], repeated:K:R, group-kfold:K or logo but is '"
                + spec + "'");
    }

    /** The steps of {@code --preprocess}: {@link Preprocessing#parse}, as {@code gutsignal cv --preprocess}. */
    static Preprocessing preprocessing(String spec) {
        try {
            return Preprocessing.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--preprocess: " + e.getMessage(), e);
        }
    }
}
