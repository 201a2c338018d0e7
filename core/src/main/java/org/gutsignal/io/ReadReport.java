package org.gutsignal.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;

/**
 * A table read by {@link FeatureTableReader#readWithReport} and what the read saw on the way:
 *
 * <pre>{@code
 * ReadReport r = FeatureTableReader.humann().readWithReport(Path.of("pathabundance.tsv"));
 * r.table();                          // the community totals, samples × pathways
 * r.unit();                           // CPM, from the header's "_Abundance-CPM" suffixes
 * r.droppedRows();                    // {UNMAPPED=1, UNINTEGRATED=1, stratified=212}
 * r.shares().get("UNMAPPED");         // per sample: UNMAPPED / unstratified total
 * r.renamedSamples();                 // {S1_Abundance-CPM=S1, ...}
 * r.warnings();                       // degenerate inputs seen in real published tables
 * }</pre>
 *
 * @param table          the table read
 * @param file           the file's name as given
 * @param format         what the file was read as, e.g. {@code "MetaPhlAn single-sample profile (#mpa_vJan21...)"}
 * @param unit           the table's unit
 * @param unitSource     how the unit was decided: {@code "stated"} (withUnit), {@code "header"} (column
 *                       suffixes such as {@code -CPM}), or {@code "default"} (the layout's default)
 * @param droppedRows    rows left out of the table, counted by kind ({@code UNMAPPED},
 *                       {@code UNINTEGRATED}, {@code UNCLASSIFIED}, {@code stratified},
 *                       {@code rank k__}, …), in the order first seen (unmodifiable)
 * @param shares         per kind of special row ({@code UNMAPPED}, {@code UNINTEGRATED},
 *                       {@code UNCLASSIFIED}, …), the share of each sample's total it holds, as a
 *                       fraction in [0, 1] by sample id (NaN for a sample whose total is 0)
 * @param renamedSamples sample ids as written → as in the table, for every id changed by suffix
 *                       stripping or a rename (unmodifiable, in column order)
 * @param warnings       degenerate inputs and checks that passed only loosely (unmodifiable)
 */
public record ReadReport(FeatureTable table, String file, String format, AbundanceUnit unit, String unitSource,
        Map<String, Integer> droppedRows, Map<String, Map<String, Double>> shares,
        Map<String, String> renamedSamples, List<String> warnings) {

    /** Checks for null and copies the collections. */
    public ReadReport {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitSource, "unitSource");
        droppedRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(droppedRows));
        Map<String, Map<String, Double>> s = new java.util.LinkedHashMap<>();
        shares.forEach((k, v) -> s.put(k, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
        shares = java.util.Collections.unmodifiableMap(s);
        renamedSamples = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(renamedSamples));
        warnings = List.copyOf(warnings);
    }

    /** A few lines a person can read: format, size, unit, dropped rows, renames, warnings. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(format).append(", ").append(table.sampleCount()).append(" samples × ")
                .append(table.featureCount()).append(" features, unit ").append(unit).append(" (").append(unitSource)
                .append(')');
        if (!droppedRows.isEmpty()) {
            sb.append("\n  rows left out: ").append(droppedRows);
        }
        for (Map.Entry<String, Map<String, Double>> e : shares.entrySet()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : e.getValue().values()) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo <= hi) {
                sb.append(String.format(java.util.Locale.ROOT, "%n  %s share per sample: %.1f%%–%.1f%%", e.getKey(),
                        100 * lo, 100 * hi));
            }
        }
        if (!renamedSamples.isEmpty()) {
            Map.Entry<String, String> first = renamedSamples.entrySet().iterator().next();
            sb.append("\n  ").append(renamedSamples.size()).append(" sample ids renamed, e.g. '").append(first.getKey())
                    .append("' → '").append(first.getValue()).append('\'');
        }
        for (String w : warnings) {
            sb.append("\n  warning: ").append(w);
        }
        return sb.toString();
    }
}
