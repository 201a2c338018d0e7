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
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("(intercept)", model.intercept(), ""));
        double[] b = model.coefficients();
        for (int j = 0; j < b.length; j++) {
            String feature = model.featureNames().get(j);
            String direction = catalog == null ? ""
                    : catalog.get(feature).map(m -> m.direction().token()).orElse("");
            rows.add(List.of(feature, b[j], direction));
        }
        return rows;
    }

    /** {@code (group, n, AUROC, lower, upper)} per entry in the map's order, the DeLong 95% CI (NaN bounds stay NaN). */
    static List<List<?>> aurocs(Map<String, Auroc> groups) {
        List<List<?>> rows = new ArrayList<>();
        groups.forEach((group, a) -> {
            ConfidenceInterval ci = a.ci95();
            rows.add(List.of(group, a.positives() + a.negatives(), a.value(), ci.lower(), ci.upper()));
        });
        return rows;
    }
}
