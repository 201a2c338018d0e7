package org.gutsignal.model;

import java.util.Objects;
import java.util.Optional;
import org.gutsignal.cohort.AbundanceUnit;

/**
 * What {@link ResponseModel#score} does with the unit of a table, before scoring it: the answer of
 * {@link ResponseModel#unitCheck}. A model records the {@link AbundanceUnit} of the raw table it
 * was trained on; a table to score is compared with it:
 *
 * <table>
 * <caption>Outcomes</caption>
 * <tr><th>outcome</th><th>when</th><th>scoring</th></tr>
 * <tr><td>{@link Outcome#SAME}</td><td>the table's unit is the model's</td><td>as is</td></tr>
 * <tr><td>{@link Outcome#CONVERTED}</td><td>the units differ but
 * {@linkplain AbundanceUnit#convertsExactlyTo convert exactly} (percent, fraction, CPM)</td>
 * <td>on the values {@linkplain AbundanceUnit#convert converted} to the model's unit</td></tr>
 * <tr><td>{@link Outcome#UNKNOWN}</td><td>the model does not record its unit (a model file of
 * format 1 or 2, or a model built without {@link ResponseModel#withInputUnit})</td>
 * <td>as is, unchecked</td></tr>
 * <tr><td>{@link Outcome#REFUSED}</td><td>the units differ and do not convert exactly (RPK and
 * CPM, counts, transformed values, capacities of unknown scale)</td>
 * <td>{@code IllegalArgumentException} with {@link #note()} as its message</td></tr>
 * </table>
 *
 * <pre>{@code
 * UnitCheck check = model.unitCheck(table);
 * if (check.outcome() != UnitCheck.Outcome.SAME) {
 *     log.info(check.note());      // one line: what scoring will do and why
 * }
 * double[] p = model.score(table);  // throws if check.outcome() == REFUSED
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param outcome   what scoring does
 * @param tableUnit the unit of the table checked
 * @param modelUnit the unit the model was trained on, empty if unknown
 * @param note      one line saying what scoring does and, when refused, what to do instead
 */
public record UnitCheck(Outcome outcome, AbundanceUnit tableUnit, Optional<AbundanceUnit> modelUnit, String note) {

    /** What scoring does with a table's unit. */
    public enum Outcome {
        /** The table is in the model's unit: scored as is. */
        SAME,
        /** The table's unit converts exactly to the model's: scored on converted values. */
        CONVERTED,
        /** The model does not record its unit: scored as is, unchecked. */
        UNKNOWN,
        /** The units differ and do not convert exactly: scoring throws. */
        REFUSED
    }

    /** Checks that no part is null. */
    public UnitCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tableUnit, "tableUnit");
        Objects.requireNonNull(modelUnit, "modelUnit");
        Objects.requireNonNull(note, "note");
    }

    /** The check of a table in {@code table} against a model trained on {@code model} (null if unknown). */
    static UnitCheck of(AbundanceUnit table, AbundanceUnit model) {
        if (model == null) {
            return new UnitCheck(Outcome.UNKNOWN, table, Optional.empty(), "the model does not record the unit it was"
                    + " trained on (a model file of format 1 or 2, or a model built without withInputUnit), so the"
                    + " table's unit " + table + " is not checked");
        }
        if (table == model) {
            return new UnitCheck(Outcome.SAME, table, Optional.of(model), "the table is in " + table
                    + ", the unit the model was trained on");
        }
        if (table.convertsExactlyTo(model)) {
            double f = table.factorTo(model).getAsDouble();
            String how = f > 1 ? "multiplied by " + power(f) : "divided by " + power(1 / f);
            return new UnitCheck(Outcome.CONVERTED, table, Optional.of(model), "the table is in " + table
                    + " but the model was trained on " + model + ": its values are " + how + " before scoring (an"
                    + " exact relative-abundance scaling)");
        }
        return new UnitCheck(Outcome.REFUSED, table, Optional.of(model), refusal(table, model));
    }

    private static String refusal(AbundanceUnit table, AbundanceUnit model) {
        if (table == AbundanceUnit.TRANSFORMED) {
            return "the table holds transformed values (unit TRANSFORMED) but the model was trained on raw " + model
                    + " and applies its own preprocessing: score the raw " + model + " table, not a preprocessed one";
        }
        String head = "the table is in " + table + " but the model was trained on " + model + ", and " + table
                + " does not convert exactly to " + model + ": ";
        if (model == AbundanceUnit.TRANSFORMED) {
            return head + "preprocess the table as the training table was, or use a model that was trained on raw "
                    + table + " with its preprocessing";
        }
        String renorm = table == AbundanceUnit.RPK && model == AbundanceUnit.CPM
                ? " (renormalise it with each sample's total, e.g. humann_renorm_table --units cpm)" : "";
        return head + "give the table in " + model + renorm + " or use a model trained on " + table;
    }

    /** 100, 10000, 1000000 as written in a note. */
    private static String power(double f) {
        return String.valueOf(Math.round(f));
    }
}
