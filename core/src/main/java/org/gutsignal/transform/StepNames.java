package org.gutsignal.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of a {@link Preprocessing}: comma-separated step names, as the command lines'
 * {@code --preprocess} takes them ({@link Preprocessing#parse}). Stateless; package-private.
 */
final class StepNames {

    private StepNames() {
    }

    static Preprocessing parse(String spec) {
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
                default -> throw new IllegalArgumentException("unknown step '" + raw.trim() + "'; known steps: "
                        + Preprocessing.STEP_NAMES);
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
            throw new IllegalArgumentException("step 'siamcat:" + method + "' takes no value");
        }
        return switch (method) {
            case "log.std" -> Transform.siamcatLogStd(1e-6, 0.1);
            case "log.unit" -> {
                if (parts.length != 1 && parts.length != 3) {
                    throw new IllegalArgumentException("step '" + step + "' needs n.p and norm.margin"
                            + " as siamcat:log.unit:NP:MARGIN (e.g. siamcat:log.unit:2:1), or neither");
                }
                if (parts.length == 1) {
                    yield Transform.siamcatLogUnit(1e-6, 2, 1);
                }
                int np = integer(step, parts[1]);
                int margin = integer(step, parts[2]);
                try {
                    yield Transform.siamcatLogUnit(1e-6, np, margin);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("step '" + step + "': " + e.getMessage(), e);
                }
            }
            case "rank.unit" -> Transform.siamcatRankUnit();
            case "rank.std" -> Transform.siamcatRankStd(0.1);
            case "std" -> Transform.siamcatStd(0.1);
            default -> throw new IllegalArgumentException("unknown SIAMCAT method '" + method + "' in '" + step
                    + "'; known: log.std, log.unit, log.unit:NP:MARGIN, rank.unit, rank.std, std");
        };
    }

    private static int integer(String step, String arg) {
        try {
            return Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("step '" + step + "' needs whole numbers for n.p and norm.margin but"
                    + " has '" + arg + "'");
        }
    }

    private static Transform noArg(String step, String arg, Transform t) {
        if (arg != null) {
            throw new IllegalArgumentException("step '" + step + "' takes no value");
        }
        return t;
    }

    private static double number(String step, String arg) {
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("step '" + step + "' needs a number after ':' but has '" + arg + "'");
        }
    }
}
