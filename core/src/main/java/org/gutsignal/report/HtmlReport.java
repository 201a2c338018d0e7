package org.gutsignal.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.ConfidenceInterval;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.io.AtomicFiles;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;

/**
 * Collects a title, headings, paragraphs, key/value tables (e.g. provenance), data tables and
 * images into one self-contained HTML page: images are embedded as base64 {@code data:} URIs, so
 * the single file can be mailed or archived. All text is HTML-escaped. Model coefficients and
 * per-group AUROCs go in as they come from {@code model} and {@code eval}:
 * <pre>{@code
 * HtmlReport report = HtmlReport.titled("gutsignal: response model");
 * report.paragraph("Leave-one-site-out evaluation on 947 patients.")
 *       .keyValues("Provenance", Map.of("gutsignal", "0.1.0", "seed", 42))
 *       .image("AUROC by site", plots.forest("AUROC by site", cv.aurocByGroup(), cv.pooledByGroup()))
 *       .aurocs("AUROC by site", "site", cv.aurocByGroup())
 *       .pooled("Random-effects pool of the sites", cv.pooledByGroup())
 *       .coefficients("Coefficients (log-odds per SD)", model, MoleculeCatalog.builtIn(),
 *               CvResult.selectionFrequency(cv.predictors()));
 * report.write(Path.of("out/report.html"));
 * }</pre>
 *
 * <p>Data table cells: {@code double}/{@code float}/{@link BigDecimal} values are shown with the
 * table's number of decimals (locale-independent, {@code NA} for NaN), integer types as they
 * are, {@code null} as an empty cell, anything else with {@code toString()}; numeric cells are
 * right-aligned.
 *
 * <p>Mutable and not thread-safe: build it on one thread. Each method appends to the page in
 * call order and returns this report.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 60em; margin: 2em auto; \
            padding: 0 1em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
            h2 { font-size: 1.3em; margin-top: 1.8em; }
            table { border-collapse: collapse; margin: .8em 0 1.4em; font-size: .95em; }
            caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
            th, td { border: 1px solid #ccc; padding: .25em .7em; }
            th { background: #f2f2f2; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1em 0 1.6em; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: .95em; color: #444; }
            """;

    private final String title;
    private final List<String> parts = new ArrayList<>();

    private HtmlReport(String title) {
        this.title = title;
    }

    /**
     * Starts a report whose page title and top heading are {@code title}.
     *
     * @throws NullPointerException if {@code title} is null
     */
    public static HtmlReport titled(String title) {
        return new HtmlReport(Objects.requireNonNull(title, "title"));
    }

    /** Appends a section heading. */
    public HtmlReport heading(String text) {
        parts.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /** Appends a paragraph of plain text (line breaks are kept). */
    public HtmlReport paragraph(String text) {
        parts.add("<p>" + escape(text).replace("\n", "<br>\n") + "</p>");
        return this;
    }

    /**
     * Appends a two-column table of keys and values in the map's iteration order (use a
     * {@link java.util.LinkedHashMap} for a fixed order), e.g. provenance. Values are shown with
     * {@code toString()}, doubles exactly, {@code null} as an empty cell.
     *
     * @param caption shown above the table; empty for none
     */
    public HtmlReport keyValues(String caption, Map<String, ?> entries) {
        StringBuilder b = new StringBuilder("<table class=\"kv\">\n");
        caption(b, caption);
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            Object v = e.getValue();
            String text = v == null ? "" : v instanceof Double || v instanceof Float ? CsvTables.cell(v) : v.toString();
            b.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(text))
                    .append("</td></tr>\n");
        }
        parts.add(b.append("</table>").toString());
        return this;
    }

    /**
     * Appends a data table.
     *
     * @param caption  shown above the table; empty for none
     * @param header   column names
     * @param rows     rows of cells, each as long as the header
     * @param decimals digits after the decimal point for non-integer numbers, 0–15
     * @throws IllegalArgumentException if a row's length differs from the header's or
     *                                  {@code decimals} is outside 0–15
     */
    public HtmlReport table(String caption, List<String> header, List<? extends List<?>> rows, int decimals) {
        if (decimals < 0 || decimals > 15) {
            throw new IllegalArgumentException("decimals must be in [0, 15] but is " + decimals);
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + rows.get(r).size()
                        + " cells but the header has " + header.size());
            }
        }
        StringBuilder b = new StringBuilder("<table>\n");
        caption(b, caption);
        b.append("<thead><tr>");
        for (String h : header) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<?> row : rows) {
            b.append("<tr>");
            for (Object cell : row) {
                boolean numeric = cell instanceof Number;
                b.append(numeric ? "<td class=\"num\">" : "<td>").append(escape(cell(cell, decimals))).append("</td>");
            }
            b.append("</tr>\n");
        }
        parts.add(b.append("</tbody>\n</table>").toString());
        return this;
    }

    /**
     * Appends a table of a model's coefficients: the intercept, then one row per feature in the
     * model's order, with the catalog's expected direction (empty for a feature the catalog
     * lacks, or for all without a catalog); four decimals.
     *
     * @param caption shown above the table, ideally with the unit, e.g. {@code "Coefficients (log-odds per SD)"}
     * @param catalog the catalog giving expected directions, or {@code null} for none
     */
    public HtmlReport coefficients(String caption, ResponseModel model, MoleculeCatalog catalog) {
        return table(caption, List.of("feature", "coefficient", "expected direction"),
                Tables.coefficients(model, catalog), 4);
    }

    /**
     * As {@link #coefficients(String, ResponseModel, MoleculeCatalog)}, with a fourth column
     * "selected in CV folds": each feature's selection frequency, e.g.
     * {@code CvResult.selectionFrequency(cv.predictors())}, as a fraction in [0, 1] ({@code NA} for a
     * feature the map lacks; empty for the intercept).
     *
     * @param selectionFrequency feature → fraction of fold models with a non-zero coefficient
     * @throws NullPointerException if {@code selectionFrequency} is null
     */
    public HtmlReport coefficients(String caption, ResponseModel model, MoleculeCatalog catalog,
            Map<String, Double> selectionFrequency) {
        Objects.requireNonNull(selectionFrequency, "selectionFrequency");
        return table(caption, List.of("feature", "coefficient", "expected direction", "selected in CV folds"),
                Tables.coefficients(model, catalog, selectionFrequency), 4);
    }

    /**
     * Appends a table of a random-effects pool of per-group AUROCs ({@code CvResult.pooledByGroup()}):
     * method, k, pooled AUROC, its 95% CI and prediction interval, τ², I² (fraction), Cochran's Q and
     * its p-value, and the groups left out of the pool with why; four decimals.
     *
     * @param caption shown above the table; empty for none
     */
    public HtmlReport pooled(String caption, PooledAuroc pool) {
        ConfidenceInterval ci = pool.ci95();
        ConfidenceInterval pi = pool.predictionInterval95();
        List<Object> row = new ArrayList<>(List.of("random effects (" + pool.method().label() + ")", pool.k(),
                pool.estimate(), ci.lower(), ci.upper(), pi.lower(), pi.upper(), pool.tau2(), pool.i2(), pool.q(),
                pool.qPValue()));
        List<String> excluded = new ArrayList<>();
        pool.excluded().forEach((g, why) -> excluded.add(g + ": " + why));
        row.add(String.join("; ", excluded));
        return table(caption, List.of("pool", "k", "AUROC", "95% CI lower", "95% CI upper", "95% PI lower",
                "95% PI upper", "\u03c4\u00b2 (logit)", "I\u00b2", "Q", "Q p-value", "not pooled"), List.of(row), 4);
    }

    /**
     * Appends a table of AUROCs by group (e.g. {@code CvResult.aurocByGroup()}) in the map's
     * order: group, samples, AUROC and its DeLong 95% CI ({@code NA} where a bound is NaN); three
     * decimals.
     *
     * @param caption     shown above the table; empty for none
     * @param groupHeader the first column's name, e.g. {@code "site"}
     */
    public HtmlReport aurocs(String caption, String groupHeader, Map<String, Auroc> groups) {
        return table(caption, List.of(groupHeader, "n", "AUROC", "95% CI lower", "95% CI upper"),
                Tables.aurocs(groups), 3);
    }

    /**
     * Appends a figure with the plot embedded as a PNG data URI and {@code caption} below it (and
     * as the image's alternative text).
     */
    public HtmlReport image(String caption, Plot plot) {
        return image(caption, plot.png());
    }

    /**
     * Appends a figure with PNG bytes embedded as a data URI and {@code caption} below it (and as
     * the image's alternative text).
     *
     * @throws IllegalArgumentException if the bytes do not start with the PNG signature
     */
    public HtmlReport image(String caption, byte[] png) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), signature)) {
            throw new IllegalArgumentException("expected PNG bytes (starting with the PNG signature)");
        }
        parts.add("<figure><img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                + "\" alt=\"" + escape(caption) + "\">\n<figcaption>" + escape(caption) + "</figcaption></figure>");
        return this;
    }

    /** The complete HTML page as it stands. */
    public String toHtml() {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String part : parts) {
            b.append(part).append('\n');
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /**
     * Writes the page to {@code file} as UTF-8, atomically (via {@link AtomicFiles}), creating
     * parent folders.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        String html = toHtml();
        AtomicFiles.write(file, out -> out.write(html));
    }

    /** Escapes {@code & < > " '} for use in HTML text and attribute values. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static void caption(StringBuilder b, String caption) {
        if (caption != null && !caption.isEmpty()) {
            b.append("<caption>").append(escape(caption)).append("</caption>\n");
        }
    }

    private static String cell(Object value, int decimals) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double v = ((Number) value).doubleValue();
            if (Double.isInfinite(v)) {
                return v > 0 ? "Inf" : "-Inf";
            }
            return Fmt.fixed(v, decimals);
        }
        return value.toString();
    }
}
