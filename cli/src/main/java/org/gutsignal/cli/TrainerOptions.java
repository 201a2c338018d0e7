package org.gutsignal.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.model.LambdaRule;
import org.gutsignal.model.LogisticTrainer;
import org.gutsignal.profile.Direction;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.transform.Preprocessing;
import picocli.CommandLine.Option;

/**
 * The options of commands that train {@link LogisticTrainer} models ({@code fit}, {@code cv}): the
 * elastic net, λ selection, preprocessing, sign limits, unpenalised features, seed and threads.
 */
final class TrainerOptions {

    /** The preprocessing step names {@code --preprocess} accepts, as its help lists them. */
    static final String STEPS = Preprocessing.STEP_NAMES;

    @Option(names = "--alpha", defaultValue = "0.5", paramLabel = "A",
            description = "Elastic-net mixing in [0, 1]: 1 lasso, 0 ridge (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--lambda-rule", defaultValue = "min", paramLabel = "RULE",
            description = "How the inner CV picks λ: min (smallest deviance) or 1se (default: ${DEFAULT-VALUE}).")
    String lambdaRule;

    @Option(names = "--folds", defaultValue = "10", paramLabel = "K",
            description = "Folds of the inner cross-validation that picks λ (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--cv-glmnet-exact", description = "Fit each inner fold on its own λ path and interpolate at the"
            + " full-data λ values, as R's cv.glmnet does (default: every fold at the full-data λ values).")
    boolean cvGlmnetExact;

    @Option(names = "--lambdas", split = ",", paramLabel = "L",
            description = "Explicit λ values instead of a generated path of 100 (one value: no inner CV).")
    List<Double> lambdas;

    @Option(names = "--preprocess", defaultValue = "ln1,standardize", paramLabel = "STEPS",
            description = "Preprocessing steps in order, comma-separated, fitted on training samples only: " + STEPS
                    + " (default: ${DEFAULT-VALUE}).")
    String preprocess;

    @Option(names = "--sign-limits", description = "Constrain coefficients of catalog molecules present in the table to"
            + " their expected direction: stimulatory ≥ 0, inhibitory ≤ 0.")
    boolean signLimits;

    @Option(names = "--unpenalized", split = ",", paramLabel = "FEATURE",
            description = "Features fitted without penalty (e.g. covariate columns of the table), comma-separated.")
    List<String> unpenalized;

    @Option(names = "--class-balancing", description = "Weight samples so both classes carry equal total weight.")
    boolean classBalancing;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed of all fold assignments"
            + " (default: ${DEFAULT-VALUE}); the same seed gives byte-identical outputs.")
    long seed;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Folds fitted at once; results do not depend on it (default: ${DEFAULT-VALUE}).")
    int threads;

    /** The unpenalised feature names (empty if none). */
    Set<String> unpenalizedSet() {
        return unpenalized == null ? Set.of() : new LinkedHashSet<>(unpenalized);
    }

    /**
     * The trainer the options describe, for a table with these (raw) features: sign limits are set
     * for the catalog molecules among them. {@code threads} goes to the trainer's inner CV.
     */
    LogisticTrainer trainer(FeatureTable features, int trainerThreads) {
        LogisticTrainer t = LogisticTrainer.withDefaults().withAlpha(alpha).withLambdaRule(rule())
                .withPreprocessing(preprocessing(preprocess)).withClassBalancing(classBalancing).withSeed(seed)
                .withThreads(trainerThreads).withUnpenalized(unpenalizedSet()).withCvGlmnetExact(cvGlmnetExact);
        if (lambdas != null) {
            t = t.withLambdas(lambdas.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (lambdas == null || lambdas.size() > 1) {
            t = t.withFolds(folds);
        }
        if (signLimits) {
            MoleculeCatalog catalog = MoleculeCatalog.builtIn();
            for (String f : features.featureNames()) {
                Direction d = catalog.get(f).map(m -> m.direction()).orElse(Direction.UNCLEAR);
                if (d == Direction.STIMULATORY) {
                    t = t.withLowerLimit(f, 0);
                } else if (d == Direction.INHIBITORY) {
                    t = t.withUpperLimit(f, 0);
                }
            }
        }
        return t;
    }

    private LambdaRule rule() {
        return switch (lambdaRule.toLowerCase(Locale.ROOT)) {
            case "min" -> LambdaRule.MIN;
            case "1se" -> LambdaRule.ONE_SE;
            default -> throw new IllegalArgumentException("--lambda-rule must be min or 1se but is '" + lambdaRule + "'");
        };
    }

    /** The {@link Preprocessing} of a comma-separated list of step names ({@link Preprocessing#parse}). */
    static Preprocessing preprocessing(String spec) {
        try {
            return Preprocessing.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--preprocess: " + e.getMessage(), e);
        }
    }
}
