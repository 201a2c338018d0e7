package org.gutsignal.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;

/**
 * Writes a report table as CSV (or TSV) for R or Python users, with full numeric precision:
 * <pre>{@code
 * CsvTables.write(Path.of("out/auroc_by_site.csv"), List.of("site", "auroc", "lower", "upper"),
 *         List.of(List.of("site1", 0.72, 0.64, 0.80), List.of("site2", 0.68, 0.59, 0.77)));
 * CsvTables.writeCoefficients(Path.of("out/coefficients.csv"), model, MoleculeCatalog.builtIn());
 * }</pre>
 *
 * <p>Cells: a {@code double} is written by {@link DelimitedText#format(double)}, as the shortest
 * text that parses back to the same value (integral values without {@code ".0"}, {@code -0.0}
 * with its sign); a {@code float} likewise as a float; NaN and {@code null} as {@code NA} (read as
 * missing by R's {@code read.csv} and pandas' {@code read_csv}), infinities as
 * {@code Inf}/{@code -Inf}; other values with {@code toString()}. The file follows
 * {@link DelimitedText}'s conventions: quoted where needed, a tab for names ending in
 * {@code .tsv}, {@code .txt} or {@code .tab} and a comma otherwise, lines ending with
 * {@code \n}, UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvTables {

    private CsvTables() {
    }

    /**
     * Writes {@code header} and {@code rows} to {@code file} atomically (via
     * {@link DelimitedText#write}), creating parent folders.
     *
     * @param file   the target; its name sets the delimiter
     * @param header column names
     * @param rows   rows of cells, each as long as the header
     * @throws IllegalArgumentException if a row's length differs from the header's
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, List<String> header, List<? extends List<?>> rows) throws IOException {
        DelimitedText.write(file, header, () -> rows.stream().map(row -> row.stream().map(CsvTables::cell).toList())
                .iterator());
    }

    /**
     * Writes a model's coefficients as {@code feature,coefficient,expected_direction}: the
     * intercept first as {@code (intercept)}, then the model's features in its order (on the scale
     * of its preprocessed features), with the catalog's direction token ({@code stimulatory},
     * {@code inhibitory}, {@code unclear}; empty for a feature the catalog lacks or without a
     * catalog). Written as {@link #write} does.
     *
     * @param catalog the catalog giving expected directions, or {@code null} for none
     * @throws IOException if the file cannot be written
     */
    public static void writeCoefficients(Path file, ResponseModel model, MoleculeCatalog catalog) throws IOException {
        write(file, List.of("feature", "coefficient", "expected_direction"), Tables.coefficients(model, catalog));
    }

    static String cell(Object value) {
        if (value == null) {
            return "NA";
        }
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isInfinite(v)) {
                return v > 0 ? "Inf" : "-Inf";
            }
            return value instanceof Float f && !Float.isNaN(f) && f != Math.rint(f) ? Float.toString(f) : Fmt.exact(v);
        }
        return value.toString();
    }
}
