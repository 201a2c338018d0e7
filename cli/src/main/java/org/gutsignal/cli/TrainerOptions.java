package org.gutsignal.cli;

import java.util.ArrayList;
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
import org.gutsignal.transform.Transform;
import picocli.CommandLine.Option;

/**
 * The options of commands that train {@link LogisticTrainer} models ({@code fit}, {@code cv}): the
 * elastic net, λ selection, preprocessing, sign limits, unpenalised features, seed and threads.
 */
final class TrainerOptions {

    /** The preprocessing step names {@code --preprocess} accepts, as its help lists them. */
    static final String STEPS = "tss, ln1 (ln(x+1)), ln:C, ln (half min positive), log10:C, log10, clr:C, clr,"
            + " standardize, prevalence:F (value > 0 in at least fraction F), siamcat (SIAMCAT log.std, 1e-6, 0.1),"
            + " siamcat:METHOD (SIAMCAT's rank.unit, rank.std or std, sd quantile 0.1; log.unit, pseudocount 1e-6,"
            + " norm 2 per feature; log.unit:P:M, norm P = 1 or 2 per M = 1 feature, 2 sample, 3 table), none";

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

    /** The {@link Preprocessing} of a comma-separated list of step names (see {@link #STEPS}). */
    static Preprocessing preprocessing(String spec) {
        List<Transform> steps = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String step = raw.trim().toLowerCase(Locale.ROOT);
            if (step.isEmpty() || step.equals("none")) {
                continue;
            }
            int colon = step.indexOf(':');
            String name = colon < 0 ? step : step.substring(0, colon);
            String arg = colon < 0 ? null : step.substring(colon + 1);
            Transform t = switch (name) {
                case "tss" -> noArg(step, arg, Transform.totalSumScaling());
                case "ln1" -> noArg(step, arg, Transform.ln(1.0));
                case "ln" -> arg == null ? Transform.lnHalfMinPositive() : Transform.ln(number(step, arg));
                case "log10" -> arg == null ? Transform.log10HalfMinPositive() : Transform.log10(number(step, arg));
                case "clr" -> arg == null ? Transform.clrHalfMinPositive() : Transform.clr(number(step, arg));
                case "standardize", "standardise" -> noArg(step, arg, Transform.standardize());
                case "prevalence" -> Transform.prevalenceFilter(0.0, arg == null ? 0.1 : number(step, arg));
                case "siamcat" -> siamcat(step, arg);
                default -> throw new IllegalArgumentException("--preprocess: unknown step '" + raw.trim()
                        + "'; known steps: " + STEPS);
            };
            steps.add(t);
        }
        return steps.isEmpty() ? Preprocessing.none() : Preprocessing.of(steps.toArray(new Transform[0]));
    }

    /**
     * SIAMCAT's normalisations with SIAMCAT's defaults ({@code log.n0 = 1e-6}, {@code sd.min.q =
     * 0.1}): {@code siamcat} (log.std), {@code siamcat:METHOD}, and {@code siamcat:log.unit:NP:MARGIN}.
     */
    private static Transform siamcat(String step, String arg) {
        String[] parts = arg == null ? new String[] {"log.std"} : arg.split(":", -1);
        String method = parts[0];
        if (parts.length > 1 && !method.equals("log.unit")) {
            throw new IllegalArgumentException("--preprocess: step 'siamcat:" + method + "' takes no value");
        }
        return switch (method) {
            case "log.std" -> Transform.siamcatLogStd(1e-6, 0.1);
            case "log.unit" -> {
                if (parts.length != 1 && parts.length != 3) {
                    throw new IllegalArgumentException("--preprocess: step '" + step + "' needs n.p and norm.margin"
                            + " as siamcat:log.unit:NP:MARGIN (e.g. siamcat:log.unit:2:1), or neither");
                }
                try {
                    yield parts.length == 1 ? Transform.siamcatLogUnit(1e-6, 2, 1)
                            : Transform.siamcatLogUnit(1e-6, integer(step, parts[1]), integer(step, parts[2]));
                } catch (IllegalArgumentException e) {
                    throw e.getMessage().startsWith("--preprocess") ? e
                            : new IllegalArgumentException("--preprocess: step '" + step + "': " + e.getMessage(), e);
                }
            }
            case "rank.unit" -> Transform.siamcatRankUnit();
            case "rank.std" -> Transform.siamcatRankStd(0.1);
            case "std" -> Transform.siamcatStd(0.1);
            default -> throw new IllegalArgumentException("--preprocess: unknown SIAMCAT method '" + method + "' in '"
                    + step + "'; known: log.std, log.unit, log.unit:NP:MARGIN, rank.unit, rank.std, std");
        };
    }

    private static int integer(String step, String arg) {
        try {
            return Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--preprocess: step '" + step + "' needs whole numbers for n.p and"
                    + " norm.margin but has '" + arg + "'");
        }
    }

    private static Transform noArg(String step, String arg, Transform t) {
        if (arg != null) {
            throw new IllegalArgumentException("--preprocess: step '" + step + "' takes no value");
        }
        return t;
    }

    private static double number(String step, String arg) {
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--preprocess: step '" + step + "' needs a number after ':' but has '"
                    + arg + "'");
        }
    }
}
