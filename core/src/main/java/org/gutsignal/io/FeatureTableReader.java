package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.CohortFormatException;

/**
 * Reads a {@link FeatureTable} from a delimited UTF-8 text file in one of three layouts.
 *
 * <ul>
 *   <li>{@link #samplesAsRows()}: one row per sample; the first column holds the sample id, the
 *       header's other cells are the feature names. There is no default unit: say what the
 *       numbers are with {@link #withUnit(AbundanceUnit)}.</li>
 *   <li>{@link #humann()}: a HUMAnN gene-family, KO or pathway table (for example from
 *       {@code humann_join_tables}): one row per feature, one column per sample, the header's
 *       first cell starts with {@code #} ({@code # Gene Family}, {@code # Pathway}). By default
 *       the rows {@code UNMAPPED}, {@code UNGROUPED} and {@code UNINTEGRATED} are dropped
 *       ({@link #withUnmappedRows(boolean)}), stratified rows such as
 *       {@code K00001|g__Bacteroides.s__Bacteroides_uniformis} or {@code K00001|unclassified} are
 *       dropped so that only community totals remain ({@link #withStratifiedRows(boolean)}), and a
 *       label {@code K00001: alcohol dehydrogenase} becomes the feature name {@code K00001}
 *       ({@link #withFullLabels(boolean)}). Default unit {@link AbundanceUnit#RPK}. Sample names
 *       are kept as written (HUMAnN's {@code _Abundance-RPKs} suffixes are not removed).</li>
 *   <li>{@link #metaphlan()}: a MetaPhlAn (merged) profile: one row per clade, one column per
 *       sample; the header's first cell is empty, {@code clade_name} or {@code #clade_name};
 *       lines starting with {@code #} before the header (such as {@code #mpa_v30_CHOCOPhlAn_201901})
 *       are skipped, and a second column {@code NCBI_tax_id} is skipped. Rows are full lineages
 *       ({@code k__Bacteria|...|s__Bacteroides_uniformis}) or single clades
 *       ({@code s__Bacteroides_uniformis}). By default only species rows are kept (last rank
 *       {@code s__}; strain rows {@code t__} and higher ranks are dropped) and the feature name is
 *       that last clade, e.g. {@code s__Bacteroides_uniformis}; {@link #withRank(String)} keeps
 *       another rank. Default unit {@link AbundanceUnit#PERCENT}.</li>
 * </ul>
 *
 * <pre>{@code
 * FeatureTable species = FeatureTableReader.metaphlan().read(Path.of("species_relab.tsv"));
 * FeatureTable kos = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(Path.of("ko_cpm.tsv"));
 * FeatureTable caps = FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.CAPACITY)
 *         .read(Path.of("capacities.csv"));
 * }</pre>
 *
 * <p>The delimiter is a tab for names ending in {@code .tsv}, {@code .txt} or {@code .tab} and a
 * comma otherwise, unless set with {@link #withDelimiter(char)}. Cells may be quoted with
 * {@code "} (a quoted cell may hold delimiters and line breaks). A UTF-8 byte order mark, CRLF or
 * CR line ends, empty lines and lines of empty cells, and a missing final newline are accepted.
 * Every value must be a finite decimal number ({@code NaN}, {@code Inf}, {@code NA} and empty
 * cells are errors), and non-negative unless the unit is {@link AbundanceUnit#TRANSFORMED}.
 * Sample ids and feature names must be non-empty and unique. Nothing is coerced: every problem
 * is a {@link CohortFormatException} naming the file, line, column and what was expected.
 *
 * <p>Instances are immutable and thread-safe; {@code with…} methods return changed copies.
 */
public final class FeatureTableReader {

    private enum Layout { SAMPLES_AS_ROWS, HUMANN, METAPHLAN }

    private static final Set<String> HUMANN_UNMAPPED = Set.of("UNMAPPED", "UNGROUPED", "UNINTEGRATED");
    private static final Set<String> METAPHLAN_FIRST_CELLS = Set.of("", "clade_name", "#clade_name");
    private static final Set<String> RANKS = Set.of("k__", "p__", "c__", "o__", "f__", "g__", "s__", "t__");
    private static final char AUTO = DelimitedText.BY_NAME;

    private final Layout layout;
    private final char delimiter;
    private final AbundanceUnit unit;
    private final boolean stratifiedRows;
    private final boolean unmappedRows;
    private final boolean fullLabels;
    private final String rank;

    private FeatureTableReader(Layout layout, char delimiter, AbundanceUnit unit, boolean stratifiedRows,
            boolean unmappedRows, boolean fullLabels, String rank) {
        this.layout = layout;
        this.delimiter = delimiter;
        this.unit = unit;
        this.stratifiedRows = stratifiedRows;
        this.unmappedRows = unmappedRows;
        this.fullLabels = fullLabels;
        this.rank = rank;
    }

    /** One row per sample, the first column the sample id; no default unit (set one with {@link #withUnit}). */
    public static FeatureTableReader samplesAsRows() {
        return new FeatureTableReader(Layout.SAMPLES_AS_ROWS, AUTO, null, false, false, false, null);
    }

    /** A HUMAnN table: community totals only, {@code UNMAPPED}-type rows dropped, labels cut to ids, unit RPK. */
    public static FeatureTableReader humann() {
        return new FeatureTableReader(Layout.HUMANN, AUTO, AbundanceUnit.RPK, false, false, false, null);
    }

    /** A MetaPhlAn profile: species rows only, named {@code s__Genus_species}, unit percent. */
    public static FeatureTableReader metaphlan() {
        return new FeatureTableReader(Layout.METAPHLAN, AUTO, AbundanceUnit.PERCENT, false, false, false, "s__");
    }

    /**
     * A copy that splits cells at {@code delimiter} whatever the file's extension.
     *
     * @throws IllegalArgumentException if the delimiter is a quote, CR or LF
     */
    public FeatureTableReader withDelimiter(char delimiter) {
        checkDelimiter(delimiter);
        return new FeatureTableReader(layout, delimiter, unit, stratifiedRows, unmappedRows, fullLabels, rank);
    }

    /** A copy whose tables get this unit (which also decides whether negative values are errors). */
    public FeatureTableReader withUnit(AbundanceUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return new FeatureTableReader(layout, delimiter, unit, stratifiedRows, unmappedRows, fullLabels, rank);
    }

    /**
     * A copy that keeps ({@code true}) or drops ({@code false}, the default) HUMAnN's stratified rows
     * {@code FEATURE|g__Genus.s__species} and {@code FEATURE|unclassified}. Kept rows are named
     * {@code FEATURE|stratum}, with the feature label shortened as by {@link #withFullLabels(boolean)}.
     *
     * @throws IllegalStateException if this is not a {@link #humann()} reader
     */
    public FeatureTableReader withStratifiedRows(boolean keep) {
        requireLayout(Layout.HUMANN, "withStratifiedRows");
        return new FeatureTableReader(layout, delimiter, unit, keep, unmappedRows, fullLabels, rank);
    }

    /**
     * A copy that keeps ({@code true}) or drops ({@code false}, the default) HUMAnN's
     * {@code UNMAPPED}, {@code UNGROUPED} and {@code UNINTEGRATED} rows.
     *
     * @throws IllegalStateException if this is not a {@link #humann()} reader
     */
    public FeatureTableReader withUnmappedRows(boolean keep) {
        requireLayout(Layout.HUMANN, "withUnmappedRows");
        return new FeatureTableReader(layout, delimiter, unit, stratifiedRows, keep, fullLabels, rank);
    }

    /**
     * A copy that names features by their full HUMAnN label ({@code true}, e.g.
     * {@code K00001: alcohol dehydrogenase}) or by the part before {@code ": "} ({@code false},
     * the default, e.g. {@code K00001}).
     *
     * @throws IllegalStateException if this is not a {@link #humann()} reader
     */
    public FeatureTableReader withFullLabels(boolean full) {
        requireLayout(Layout.HUMANN, "withFullLabels");
        return new FeatureTableReader(layout, delimiter, unit, stratifiedRows, unmappedRows, full, rank);
    }

    /**
     * A copy that keeps the MetaPhlAn rows whose last clade has this rank prefix instead of
     * {@code s__}, e.g. {@code "g__"} for a genus table (features named {@code g__Bacteroides}).
     *
     * @param rank one of {@code k__ p__ c__ o__ f__ g__ s__ t__}
     * @throws IllegalArgumentException if the rank is not one of these
     * @throws IllegalStateException    if this is not a {@link #metaphlan()} reader
     */
    public FeatureTableReader withRank(String rank) {
        requireLayout(Layout.METAPHLAN, "withRank");
        if (!RANKS.contains(rank)) {
            throw new IllegalArgumentException("rank must be one of " + new java.util.TreeSet<>(RANKS) + " but was '"
                    + rank + "'");
        }
        return new FeatureTableReader(layout, delimiter, unit, stratifiedRows, unmappedRows, fullLabels, rank);
    }

    private void requireLayout(Layout required, String method) {
        if (layout != required) {
            throw new IllegalStateException(method + " applies to " + factoryName(required)
                    + "() readers only, not to " + factoryName(layout) + "()");
        }
    }

    private static String factoryName(Layout layout) {
        return switch (layout) {
            case SAMPLES_AS_ROWS -> "samplesAsRows";
            case HUMANN -> "humann";
            case METAPHLAN -> "metaphlan";
        };
    }

    static void checkDelimiter(char d) {
        if (d == '"' || d == '\n' || d == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
    }

    /**
     * Reads a table.
     *
     * @param file a UTF-8 text file
     * @return the table, samples in file order, features in file order
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException                       if the file cannot be read (the message names it)
     * @throws CohortFormatException             if the content is not a table of this layout: see the class comment
     * @throws IllegalStateException             if this is a {@link #samplesAsRows()} reader without a unit
     */
    public FeatureTable read(Path file) throws IOException {
        if (unit == null) {
            throw new IllegalStateException("samplesAsRows() has no default unit: say what the numbers are with "
                    + "withUnit(AbundanceUnit)");
        }
        DelimitedText text = DelimitedText.open(file, delimiter);
        return layout == Layout.SAMPLES_AS_ROWS ? readSamplesAsRows(text) : readFeaturesAsRows(text);
    }

    private FeatureTable readSamplesAsRows(DelimitedText text) throws CohortFormatException {
        String file = text.fileName();
        DelimitedText.Row header = firstRow(text);
        String[] h = header.cells;
        if (h.length < 2) {
            throw CohortFormatException.atLine(file, header.line, "expected a header with the sample id column and "
                    + "at least one feature column but found 1 cell " + DelimitedText.quote(h[0])
                    + (delimiter == AUTO ? " (is the delimiter right? it follows the file extension)" : ""));
        }
        int p = h.length - 1;
        List<String> features = new ArrayList<>(p);
        Map<String, Integer> seenFeatures = new HashMap<>(2 * p);
        for (int c = 1; c < h.length; c++) {
            String name = h[c];
            if (name.isEmpty()) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, null,
                        "expected a feature name but found an empty cell");
            }
            Integer first = seenFeatures.put(name, c);
            if (first != null) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, name,
                        "duplicate feature name '" + name + "' (first in column " + (first + 1) + ")");
            }
            features.add(name);
        }
        List<String> samples = new ArrayList<>();
        Map<String, Long> seenSamples = new HashMap<>();
        double[] values = new double[Math.max(16, p) * 16];
        int n = 0;
        for (DelimitedText.Row row = text.next(); row != null; row = text.next()) {
            checkWidth(file, row, h);
            String id = row.cells[0];
            if (id.isEmpty()) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "expected a sample id but found an empty cell");
            }
            Long first = seenSamples.put(id, row.line);
            if (first != null) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "duplicate sample id '" + id + "' (first on line " + first + ")");
            }
            if ((long) (n + 1) * p > values.length) {
                values = java.util.Arrays.copyOf(values, Math.toIntExact(Math.max((long) (n + 1) * p,
                        Math.min(Integer.MAX_VALUE - 8, 2L * values.length))));
            }
            int base = n * p;
            for (int c = 1; c < h.length; c++) {
                values[base + c - 1] = value(file, row, c, h[c]);
            }
            samples.add(id);
            n++;
        }
        if (n == 0) {
            throw noDataRows(file, header);
        }
        return FeatureTable.ofRowMajor(samples, features, java.util.Arrays.copyOf(values, n * p), unit);
    }

    private FeatureTable readFeaturesAsRows(DelimitedText text) throws CohortFormatException {
        String file = text.fileName();
        DelimitedText.Row header = layout == Layout.HUMANN ? humannHeader(text) : metaphlanHeader(text);
        String[] h = header.cells;
        int firstSample = layout == Layout.METAPHLAN && h.length > 1 && h[1].equalsIgnoreCase("NCBI_tax_id") ? 2 : 1;
        int n = h.length - firstSample;
        if (n < 1) {
            throw CohortFormatException.atLine(file, header.line, "expected a header with at least one sample column "
                    + "after " + DelimitedText.quote(h[firstSample - 1]) + " but found none"
                    + (delimiter == AUTO ? " (is the delimiter right? it follows the file extension)" : ""));
        }
        List<String> samples = new ArrayList<>(n);
        Map<String, Integer> seenSamples = new HashMap<>(2 * n);
        for (int c = firstSample; c < h.length; c++) {
            String id = h[c];
            if (id.isEmpty()) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, null,
                        "expected a sample id but found an empty cell");
            }
            Integer first = seenSamples.put(id, c);
            if (first != null) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, id,
                        "duplicate sample id '" + id + "' (first in column " + (first + 1) + ")");
            }
            samples.add(id);
        }
        List<String> features = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        Map<String, Long> seenFeatures = new HashMap<>();
        int rows = 0;
        for (DelimitedText.Row row = text.next(); row != null; row = text.next()) {
            rows++;
            checkWidth(file, row, h);
            String label = row.cells[0];
            if (label.isEmpty()) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "expected a feature name but found an empty cell");
            }
            String name = layout == Layout.HUMANN ? humannName(label) : metaphlanName(label);
            if (name == null) {
                continue;
            }
            Long first = seenFeatures.put(name, row.line);
            if (first != null) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "duplicate feature name '" + name + "'"
                        + (name.equals(label) ? "" : " from '" + label + "'") + " (first on line " + first + ")");
            }
            double[] v = new double[n];
            for (int c = firstSample; c < h.length; c++) {
                v[c - firstSample] = value(file, row, c, h[c]);
            }
            features.add(name);
            columns.add(v);
        }
        if (rows == 0) {
            throw noDataRows(file, header);
        }
        if (features.isEmpty()) {
            throw CohortFormatException.inFile(file, "expected at least one " + keptRowsDescription()
                    + " but none of the " + rows + " rows is one");
        }
        int p = features.size();
        double[] values = new double[Math.multiplyExact(n, p)];
        for (int j = 0; j < p; j++) {
            double[] v = columns.get(j);
            for (int i = 0; i < n; i++) {
                values[i * p + j] = v[i];
            }
        }
        return FeatureTable.ofRowMajor(samples, features, values, unit);
    }

    private String keptRowsDescription() {
        if (layout == Layout.METAPHLAN) {
            return "row whose last clade has rank " + rank;
        }
        return "feature row" + (stratifiedRows ? "" : " that is not stratified (no '|')")
                + (unmappedRows ? "" : " and not UNMAPPED, UNGROUPED or UNINTEGRATED");
    }

    private static DelimitedText.Row firstRow(DelimitedText text) throws CohortFormatException {
        DelimitedText.Row header = text.next();
        if (header == null) {
            throw CohortFormatException.inFile(text.fileName(), "expected a header line but the file is empty");
        }
        return header;
    }

    private static CohortFormatException noDataRows(String file, DelimitedText.Row header) {
        return CohortFormatException.inFile(file, "expected data rows after the header (line " + header.line
                + ") but found none");
    }

    private static DelimitedText.Row humannHeader(DelimitedText text) throws CohortFormatException {
        DelimitedText.Row header = firstRow(text);
        if (!header.cells[0].startsWith("#")) {
            throw CohortFormatException.at(text.fileName(), header.line, 1, null, "expected a HUMAnN header whose "
                    + "first cell starts with '#' (such as '# Gene Family' or '# Pathway') but found "
                    + DelimitedText.quote(header.cells[0]));
        }
        return header;
    }

    private static DelimitedText.Row metaphlanHeader(DelimitedText text) throws CohortFormatException {
        for (DelimitedText.Row row = firstRow(text); row != null; row = text.next()) {
            String first = row.cells[0].strip();
            if (METAPHLAN_FIRST_CELLS.contains(first.toLowerCase(Locale.ROOT))) {
                return row;
            }
            if (!first.startsWith("#")) {
                throw CohortFormatException.at(text.fileName(), row.line, 1, null, "expected a MetaPhlAn header whose "
                        + "first cell is empty, 'clade_name' or '#clade_name' (after optional '#' comment lines) "
                        + "but found " + DelimitedText.quote(row.cells[0]));
            }
        }
        throw CohortFormatException.inFile(text.fileName(), "expected a MetaPhlAn header whose first cell is empty, "
                + "'clade_name' or '#clade_name' but found only '#' comment lines");
    }

    /** The feature name of a HUMAnN row label, or {@code null} if the row is dropped. */
    private String humannName(String label) {
        int bar = label.indexOf('|');
        if (bar >= 0 && !stratifiedRows) {
            return null;
        }
        String feature = bar >= 0 ? label.substring(0, bar) : label;
        if (!unmappedRows && HUMANN_UNMAPPED.contains(feature)) {
            return null;
        }
        if (!fullLabels) {
            int colon = feature.indexOf(": ");
            if (colon > 0) {
                feature = feature.substring(0, colon);
            }
        }
        return bar >= 0 ? feature + label.substring(bar) : feature;
    }

    /** The last clade of a MetaPhlAn row if it has the kept rank, else {@code null}. */
    private String metaphlanName(String label) {
        String last = label.substring(label.lastIndexOf('|') + 1);
        return last.startsWith(rank) && last.length() > rank.length() ? last : null;
    }

    private static void checkWidth(String file, DelimitedText.Row row, String[] header) throws CohortFormatException {
        int size = row.size();
        if (size != header.length) {
            int column = Math.min(size, header.length) + 1;
            throw CohortFormatException.at(file, row.lineOf(column - 1), column,
                    DelimitedText.nameOf(header, column - 1), "expected " + header.length
                            + " cells as in the header but found " + size);
        }
    }

    /** Parses one value cell: a finite decimal number, non-negative if the unit is an abundance. */
    private double value(String file, DelimitedText.Row row, int c, String columnName) throws CohortFormatException {
        String cell = row.cells[c];
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw badNumber(file, row, c, columnName, cell);
        }
        if (!isDecimal(cell) || !Double.isFinite(v)) {
            throw badNumber(file, row, c, columnName, cell);
        }
        if (v < 0 && unit.isAbundance()) {
            throw CohortFormatException.at(file, row.lineOf(c), c + 1, columnName, "expected a non-negative "
                    + "abundance (unit " + unit + ") but found " + DelimitedText.quote(cell));
        }
        return v;
    }

    private static CohortFormatException badNumber(String file, DelimitedText.Row row, int c, String columnName,
            String cell) {
        String t = cell.strip().toLowerCase(Locale.ROOT);
        String expected;
        if (t.equals("nan") || t.endsWith("inf") || t.endsWith("infinity")) {
            expected = "expected a finite number but found " + DelimitedText.quote(cell);
        } else if (t.isEmpty() || t.equals("na") || t.equals("n/a") || t.equals("null")) {
            expected = "expected a number but found " + DelimitedText.quote(cell)
                    + " (missing values are not allowed in a feature table)";
        } else {
            expected = "expected a number but found " + DelimitedText.quote(cell)
                    + (t.matches("[-+]?[0-9]*,[0-9]+") ? " (the decimal separator must be '.')" : "");
        }
        return CohortFormatException.at(file, row.lineOf(c), c + 1, columnName, expected);
    }

    /** Rejects what {@link Double#parseDouble} accepts beyond decimal text: hex, NaN, Infinity, 'd'/'f' suffixes. */
    private static boolean isDecimal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E'
                    || ch == ' ')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "FeatureTableReader[" + factoryName(layout) + ", unit " + unit + ", delimiter "
                + (delimiter == AUTO ? "by extension" : delimiter == '\t' ? "tab" : "'" + delimiter + "'") + "]";
    }
}
