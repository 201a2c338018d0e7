package org.gutsignal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;

/** The rows of the tables {@link HtmlReport} and {@link CsvTables} make from model and eval results. */
final class Tables {

    private Tables() {
    }

    /**
     * {@code (feature, coefficient, expected direction)}: the intercept first as
     * {@code "(intercept)"}, then the model's features in its order; the direction is the
     * catalog's token, empty without a catalog or for a feature the catalog lacks.
     */
    static List<List<?>> coefficients(ResponseModel model, MoleculeCatalog catalog) {
        return coefficients(model, catalog, null);
    }

    /**
     * As {@link #coefficients(ResponseModel, MoleculeCatalog)}, with a fourth cell per row when
     * {@code selectionFrequency} is not null: the feature's selection frequency (NaN for a feature it
     * lacks), {@code null} for the intercept.
     */
    static List<List<?>> coefficients(ResponseModel model, MoleculeCatalog catalog,
            Map<String, Double> selectionFrequency) {
        List<List<?>> rows = new ArrayList<>();
        List<Object> intercept = new ArrayList<>(List.of("(intercept)", model.intercept(), ""));
        if (selectionFrequency != null) {
            intercept.add(null);
        }
        rows.add(intercept);
        double[] b = model.coefficients();
        for (int j = 0; j < b.length; j++) {
            String feature = model.featureNames().get(j);
            String direction = catalog == null ? ""
                    : catalog.get(feature).map(m -> m.direction().token()).orElse("");
            rows.add(selectionFrequency == null ? List.of(feature, b[j], direction)
                    : List.of(feature, b[j], direction, selectionFrequency.getOrDefault(feature, Double.NaN)));
        }
        return rows;
    }

    /**
     * {@code (group, n, AUROC, lower, upper)} per entry in the map's order, the DeLong 95% CI (NaN bounds
     * stay NaN); a degenerate AUROC's cell is the text {@value Auroc#DEGENERATE}.
     */
    static List<List<?>> aurocs(Map<String, Auroc> groups) {
        List<List<?>> rows = new ArrayList<>();
        groups.forEach((group, a) -> {
            ConfidenceInterval ci = a.ci95();
            rows.add(List.of(group, a.positives() + a.negatives(), a.isDegenerate() ? Auroc.DEGENERATE : a.value(),
                    ci.lower(), ci.upper()));
        });
        return rows;
    }
}
