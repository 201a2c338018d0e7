package org.gutsignal.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.SampleIds;

/**
 * Reads the bioBakery layouts with one row per feature and one column per sample: HUMAnN tables
 * and MetaPhlAn profiles, merged or single-sample, in every header variant the tools and
 * workflows write. One instance reads one file; package-private, not thread-safe.
 *
 * <p>Every data row's value cells are checked, including rows that are then left out (a bad
 * cell in a stratified row is an error too). Those of a HUMAnN stratified row that is dropped
 * (the default) are checked at the byte level, without building their strings or numbers
 * ({@link DelimitedText.SkipRule}): only a row that passes every check is passed over so, any
 * other is read cell by cell and refused with the usual message. Special rows ({@code UNMAPPED}, {@code UNGROUPED},
 * {@code UNINTEGRATED}, HUMAnN 4's {@code READS_UNMAPPED} and the like; MetaPhlAn's
 * {@code UNKNOWN}/{@code UNCLASSIFIED}) are counted and their share of each sample's total is
 * reported.
 */
final class FeatureRows {

    /** Header first cells of MetaPhlAn tables, after removing a leading '#' and spaces, lower case. */
    private static final Set<String> METAPHLAN_HEADERS = Set.of("", "clade_name", "id", "sampleid", "taxonomy",
            "sample", "dataset");
    /** Columns of MetaPhlAn tables that are not samples. */
    private static final Set<String> METAPHLAN_EXTRA_COLUMNS = Set.of("ncbi_tax_id", "clade_taxid",
            "additional_species", "coverage", "estimated_number_of_reads_from_the_clade");
    /** MetaPhlAn's placeholder sample names, replaced by the file's name. */
    private static final Set<String> PLACEHOLDER_SAMPLES = Set.of("metaphlan_analysis", "metaphlan2_analysis",
            "metaphlan3_analysis", "metaphlan4_analysis");
    /** A special (non-feature) row: upper-case words naming unassigned reads. */
    private static final Pattern SPECIAL = Pattern.compile("[A-Z]+(?:_[A-Z]+)*");
    private static final Set<String> SPECIAL_WORDS = Set.of("UNMAPPED", "UNGROUPED", "UNINTEGRATED", "UNCLASSIFIED",
            "UNKNOWN");
    /** Relative tolerance on the column sums that define CPM, fraction and percent. */
    static final double SUM_TOLERANCE = 0.01;

    private final FeatureTableReader r;
    private final DelimitedText text;
    private final String file;
    private final String fileBaseName;
    private final boolean humann;
    private final Map<String, Integer> dropped = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> rankKeys = new HashMap<>(); // "rank k__" …, made once per rank
    private String databaseLine;
    private long headerLine;
    private String firstLabel;
    private String sampleIdLine;

    FeatureRows(FeatureTableReader reader, DelimitedText text, String fileBaseName) {
        this.r = reader;
        this.text = text;
        this.file = text.fileName();
        this.fileBaseName = fileBaseName;
        this.humann = reader.layout == FeatureTableReader.Layout.HUMANN;
    }

    ReadReport read() throws IOException {
        DelimitedText.Row[] headerAndFirst = humann ? humannHeader() : metaphlanHeader();
        DelimitedText.Row header = headerAndFirst[0];
        DelimitedText.Row pending = headerAndFirst[1];
        headerLine = header.line;
        String[] h = header.cells;
        // value columns: every column after the first except MetaPhlAn's extra columns
        List<Integer> valueColumns = new ArrayList<>();
        int relativeAbundance = -1;
        for (int c = 1; c < h.length; c++) {
            String name = h[c].strip().toLowerCase(Locale.ROOT);
            if (!humann && METAPHLAN_EXTRA_COLUMNS.contains(name)) {
                continue;
            }
            if (!humann && name.equals("relative_abundance")) {
                relativeAbundance = c;
            }
            valueColumns.add(c);
        }
        if (relativeAbundance >= 0) {
            valueColumns = List.of(relativeAbundance); // a single-sample profile
        }
        if (valueColumns.isEmpty()) {
            throw CohortFormatException.atLine(file, header.line, "expected a header with at least one sample column "
                    + "after " + DelimitedText.quote(h[0]) + " but found none"
                    + (r.delimiter == FeatureTableReader.AUTO ? " (is the delimiter right? it follows the file extension)"
                            : ""));
        }
        boolean single = relativeAbundance >= 0 || valueColumns.size() == 1
                && PLACEHOLDER_SAMPLES.contains(h[valueColumns.get(0)].strip().toLowerCase(Locale.ROOT));
        AbundanceUnit unit = r.unit;
        String unitSource = r.unitStated ? "stated" : "default";
        if (humann) {
            AbundanceUnit fromHeader = humannUnit(header, valueColumns);
            if (fromHeader != null && !r.unitStated) {
                unit = fromHeader;
                unitSource = "header";
            }
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        List<String> samples = sampleIds(header, valueColumns, single, renamed);
        int n = samples.size();
        List<String> features = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        Map<String, Long> seenFeatures = new HashMap<>();
        Map<String, double[]> special = new LinkedHashMap<>();
        double[] unstratifiedTotal = new double[n];
        Map<String, double[]> rankTotals = new LinkedHashMap<>();
        int rows = 0;
        int featureRows = 0; // rows the layout keeps, before the feature filter
        boolean clades = false;
        boolean looksHumann = false;
        List<String> metadataRows = new ArrayList<>();
        HeapBudget budget = HeapBudget.of(text);
        String width = String.format(Locale.ROOT, "× %,d samples", n);
        // a HUMAnN row dropped as stratified adds nothing but its count once it has been checked,
        // so such rows are checked at the byte level and skipped without building their cells
        DelimitedText.SkipRule skip = humann && !r.stratifiedRows
                ? new DelimitedText.SkipRule(this::isStratified, h.length, !unit.isAbundance()) : null;
        for (DelimitedText.Row row = pending != null ? pending : text.next(skip); row != null; row = text.next(skip)) {
            if (row == DelimitedText.SKIPPED) {
                // as below for a stratified row whose cells pass every check
                looksHumann = true;
                rows++;
                count("stratified");
                continue;
            }
            if (!humann) {
                row = splitOnSpaces(row, h.length);
                if (row.cells[0].startsWith("#")) {
                    continue; // MetaPhlAn files may repeat comment lines
                }
                if (!clades && !isClade(row.cells[0])) {
                    metadataRows.add(row.cells[0]); // HMP's and Galaxy's merged tables: sample metadata above the clades
                    if (firstLabel == null) {
                        firstLabel = row.cells[0];
                    }
                    continue;
                }
                clades = clades || isClade(row.cells[0]);
            } else {
                looksHumann |= looksLikeHumannFeature(row.cells[0]);
            }
            rows++;
            FeatureTableReader.checkWidth(file, row, h);
            String label = row.cells[0];
            if (firstLabel == null) {
                firstLabel = label;
            }
            if (label.isEmpty()) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "expected a feature name but found an empty cell");
            }
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                int c = valueColumns.get(k);
                v[k] = r.value(file, row, c, h[c], unit);
            }
            String name = humann ? humannRow(label, v, special, unstratifiedTotal)
                    : metaphlanRow(label, v, special, rankTotals);
            if (name == null) {
                continue;
            }
            featureRows++;
            if (r.featureFilter != null && !r.featureFilter.test(name)) {
                count("not selected");
                continue;
            }
            Long first = seenFeatures.put(name, row.line);
            if (first != null) {
                throw CohortFormatException.at(file, row.line, 1, DelimitedText.nameOf(h, 0),
                        "duplicate feature name '" + name + "'"
                        + (name.equals(label) ? "" : " from '" + label + "'") + " (first on line " + first + ")");
            }
            features.add(name);
            columns.add(v);
            budget.rowKept(features.size(), n, "feature rows", width);
        }
        if (!humann && !clades && !metadataRows.isEmpty()) {
            throw CohortFormatException.inFile(file, "none of the " + metadataRows.size() + " rows is a MetaPhlAn "
                    + "clade with rank prefixes such as 'k__Bacteria|…|s__Escherichia_coli' (the first is "
                    + DelimitedText.quote(firstLabel) + "); a table with samples as rows is read with samplesAsRows()");
        }
        if (rows == 0) {
            throw FeatureTableReader.noDataRows(file, header);
        }
        if (humann && !header.cells[0].startsWith("#") && !looksHumann) {
            throw CohortFormatException.at(file, header.line, 1, null, "the first column holds "
                    + DelimitedText.quote(firstLabel) + " … and the header " + DelimitedText.quote(h[0]) + ", "
                    + DelimitedText.quote(h[Math.min(1, h.length - 1)]) + " …, which are not HUMAnN features "
                    + "(gene families, KOs, pathways, UNMAPPED …); if the samples are rows, read it with "
                    + "samplesAsRows()");
        }
        if (!metadataRows.isEmpty()) {
            dropped.put("metadata", metadataRows.size());
            warnings.add("left out " + metadataRows.size() + " metadata row" + (metadataRows.size() == 1 ? "" : "s")
                    + " above the clades: " + metadataRows.subList(0, Math.min(5, metadataRows.size()))
                    + (metadataRows.size() > 5 ? " …" : ""));
        }
        if (!humann && !clades) {
            throw CohortFormatException.inFile(file, "none of the " + rows + " rows is a MetaPhlAn clade with rank "
                    + "prefixes such as 'k__Bacteria|…|s__Escherichia_coli' (the first is "
                    + DelimitedText.quote(firstLabel) + "); a table with samples as rows is read with samplesAsRows()");
        }
        if (humann && unitSource.equals("default")) {
            AbundanceUnit bySums = unitFromSums(unstratifiedTotal);
            if (bySums != null) {
                unit = bySums;
                unitSource = "column sums";
            }
        }
        if (featureRows == 0) {
            throw CohortFormatException.inFile(file, "expected at least one " + keptRowsDescription()
                    + " but none of the " + rows + " rows is one");
        }
        Map<String, Map<String, Double>> shares = humann
                ? humannChecks(samples, valueColumns, h, unit, special, unstratifiedTotal, columns)
                : metaphlanChecks(samples, valueColumns, h, unit, special, rankTotals);
        double[] total = new double[n];
        for (double[] v : columns) {
            for (int i = 0; i < n; i++) {
                total[i] += v[i];
            }
        }
        for (int i = 0; i < n && r.featureFilter == null; i++) {
            if (total[i] == 0) {
                warnings.add("sample '" + samples.get(i) + "' has no abundance in any kept row (total 0)");
            }
        }
        FeatureTable table = FeatureTable.ofColumns(samples, features, columns, unit);
        return new ReadReport(table, file, formatName(single), unit, unitSource, dropped, shares, renamed, warnings);
    }

    private String formatName(boolean single) {
        String name = humann ? "HUMAnN table" : single ? "MetaPhlAn single-sample profile" : "MetaPhlAn merged table";
        return databaseLine == null ? name : name + " (" + databaseLine + ")";
    }

    private String keptRowsDescription() {
        if (!humann) {
            return "row whose last clade has rank " + r.rank;
        }
        return "feature row" + (r.stratifiedRows ? "" : " that is not stratified (no '|')")
                + (r.unmappedRows ? "" : " and not a special row such as UNMAPPED, UNGROUPED or UNINTEGRATED");
    }

    // ----- headers

    private DelimitedText.Row[] humannHeader() throws IOException {
        DelimitedText.Row header = text.next();
        if (header == null) {
            throw CohortFormatException.inFile(file, "expected a header line but the file is empty");
        }
        String first = header.cells[0].strip();
        if (!first.startsWith("#") && !Set.of("sample", "id", "").contains(first.toLowerCase(Locale.ROOT))) {
            throw CohortFormatException.at(file, header.line, 1, null, "expected a HUMAnN header whose "
                    + "first cell starts with '#' (such as '# Gene Family' or '# Pathway'), or is 'Sample' or 'ID' as "
                    + "the bioBakery workflows write it, but found " + DelimitedText.quote(header.cells[0]));
        }
        return new DelimitedText.Row[] {header, null};
    }

    /**
     * The header of a MetaPhlAn table: the last comment line that is a header ({@code #clade_name},
     * {@code #SampleID}, {@code # taxonomy}) unless the first data line is one itself
     * ({@code clade_name}, {@code ID}, {@code Sample}, an empty first cell); a file with no header
     * at all (MetaPhlAn 2's two-column profile) gets {@code clade_name, <file name>}. Returns the
     * header and the first data row if it was read while looking.
     */
    private DelimitedText.Row[] metaphlanHeader() throws IOException {
        DelimitedText.Row commentHeader = null;
        DelimitedText.Row row = text.next();
        if (row == null) {
            throw CohortFormatException.inFile(file, "expected a header line but the file is empty");
        }
        for (; row != null && row.cells[0].startsWith("#"); row = text.next()) {
            if (row.size() == 1 && row.cells[0].strip().contains(" ") && !row.cells[0].startsWith("# ")) {
                row = new DelimitedText.Row(row.cells[0].strip().split("\\s+"), row.line); // MetaPhlAn 3's demo
            }
            String first = normalised(row.cells[0]);
            if (first.startsWith("mpa_")) {
                databaseLine = row.cells[0].strip();
            } else if (first.equals("sampleid") && row.size() == 2) {
                sampleIdLine = row.cells[1].strip();
                commentHeader = commentHeader == null || normalised(commentHeader.cells[0]).equals("sampleid") ? row
                        : commentHeader;
            } else if (METAPHLAN_HEADERS.contains(first) && row.size() > 1) {
                commentHeader = row;
            }
        }
        if (row != null && METAPHLAN_HEADERS.contains(normalised(row.cells[0])) && row.size() > 1
                && !looksLikeData(row)) {
            return new DelimitedText.Row[] {row, null};
        }
        if (commentHeader != null) {
            return new DelimitedText.Row[] {commentHeader, row};
        }
        if (row == null) {
            throw CohortFormatException.inFile(file, "expected a MetaPhlAn header ('clade_name', '#clade_name', "
                    + "'#SampleID', an empty first cell …) but found only '#' comment lines");
        }
        if (row.size() == 2 && isClade(row.cells[0])) {
            // MetaPhlAn 2's profile without header: clade<TAB>relative abundance
            return new DelimitedText.Row[] {new DelimitedText.Row(new String[] {"clade_name", "relative_abundance"},
                    row.line), row};
        }
        throw CohortFormatException.at(file, row.line, 1, null, "expected a MetaPhlAn header whose first cell is "
                + "empty, 'clade_name', '#clade_name', 'ID', '#SampleID' or '# taxonomy' (after optional '#' comment "
                + "lines) but found " + DelimitedText.quote(row.cells[0]));
    }

    private static String normalised(String firstCell) {
        String s = firstCell.strip();
        while (s.startsWith("#")) {
            s = s.substring(1).strip();
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static boolean isClade(String label) {
        return label.length() > 3 && label.charAt(1) == '_' && label.charAt(2) == '_' && label.charAt(0) != '_'
                || isUnclassified(label);
    }

    /** Whether the label is MetaPhlAn's {@code UNKNOWN} or {@code UNCLASSIFIED} row, any case, spaces around. */
    private static boolean isUnclassified(String label) {
        if (label.length() > 1 && label.charAt(1) == '_') {
            return false; // a clade such as k__Bacteria (what follows would compare its upper case)
        }
        String upper = label.strip().toUpperCase(Locale.ROOT);
        return upper.equals("UNKNOWN") || upper.equals("UNCLASSIFIED");
    }

    /** An empty-first-cell line whose other cells are all numbers is data, not a header. */
    private static boolean looksLikeData(DelimitedText.Row row) {
        if (!row.cells[0].isEmpty()) {
            return false;
        }
        for (int c = 1; c < row.size(); c++) {
            try {
                DelimitedText.parseNumber(row.cells[c]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * MetaPhlAn 3's own demo profile separates some lines with spaces: a line that is one cell
     * holding whitespace-separated tokens, in a file whose header has several, is split at the
     * whitespace (clade names hold no spaces).
     */
    private static DelimitedText.Row splitOnSpaces(DelimitedText.Row row, int headerWidth) {
        if (row.size() != 1 || headerWidth < 2 || !row.cells[0].strip().contains(" ")) {
            return row;
        }
        String[] tokens = row.cells[0].strip().split("\\s+");
        if (tokens.length > headerWidth) {
            return row;
        }
        String[] cells = java.util.Arrays.copyOf(tokens, headerWidth);
        for (int c = tokens.length; c < headerWidth; c++) {
            cells[c] = "";
        }
        return new DelimitedText.Row(cells, row.line);
    }

    /**
     * Whether a HUMAnN row with this first cell is a stratified row ({@code |} in its label) that
     * may be skipped: after the first data row, which names the table in messages.
     */
    private boolean isStratified(CharSequence label) {
        if (firstLabel == null) {
            return false;
        }
        for (int i = label.length() - 1; i >= 0; i--) {
            if (label.charAt(i) == '|') {
                return true;
            }
        }
        return false;
    }

    /** HUMAnN row labels: special rows, names after ": ", strata, UniRef / KO / EC / MetaCyc / GO / Pfam ids. */
    private static boolean looksLikeHumannFeature(String label) {
        String id = label.contains(": ") ? label.substring(0, label.indexOf(": ")) : label;
        int bar = id.indexOf('|');
        if (bar >= 0 || label.contains(": ")) {
            return true;
        }
        return isSpecial(id) || id.matches("(UniRef(90|50)_.*|K[0-9]{5}|[0-9]+\\.[0-9-]+\\.[0-9-]+\\.[0-9n-]+|.*PWY.*|"
                + ".*RXN.*|GO:[0-9]{7}|PF[0-9]{5}|gene[0-9]+)");
    }

    // ----- sample ids

    private List<String> sampleIds(DelimitedText.Row header, List<Integer> valueColumns, boolean single,
            Map<String, String> renamed) throws CohortFormatException {
        String[] h = header.cells;
        List<String> samples = new ArrayList<>(valueColumns.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int c : valueColumns) {
            String written = single ? singleSampleId() : h[c];
            if (written.isEmpty()) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, null,
                        "expected a sample id but found an empty cell");
            }
            String id = r.stripSuffixes ? SampleIds.stripToolSuffix(written) : written;
            if (r.rename != null) {
                id = r.rename.apply(id);
                if (id == null || id.isEmpty()) {
                    throw CohortFormatException.at(file, header.lineOf(c), c + 1, h[c],
                            "the sample id rename gave an empty id for '" + written + "'");
                }
            }
            Integer first = seen.put(id, c);
            if (first != null) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, h[c], "duplicate sample id '" + id + "'"
                        + (id.equals(written) ? "" : " from '" + written + "'") + " (first in column " + (first + 1)
                        + ")" + (id.equals(written) || h[first].equals(written) ? ""
                        : "; keep the suffixes with withSampleIdSuffixes(false)"));
            }
            if (!id.equals(written)) {
                renamed.put(written, id);
            }
            samples.add(id);
        }
        return samples;
    }

    /** A single-sample profile's id: its {@code #SampleID} unless that is MetaPhlAn's placeholder, else the file name. */
    private String singleSampleId() {
        if (sampleIdLine != null && !sampleIdLine.isEmpty()
                && !PLACEHOLDER_SAMPLES.contains(sampleIdLine.toLowerCase(Locale.ROOT))) {
            return sampleIdLine;
        }
        return fileBaseName;
    }

    // ----- HUMAnN

    /** The unit the HUMAnN column suffixes state, or null if they state none; refuses coverage. */
    private AbundanceUnit humannUnit(DelimitedText.Row header, List<Integer> valueColumns)
            throws CohortFormatException {
        String[] h = header.cells;
        AbundanceUnit found = null;
        int foundAt = -1;
        String title = h[0].toLowerCase(Locale.ROOT);
        if (title.startsWith("#") && title.contains("cpm")) {
            found = AbundanceUnit.CPM; // "# Gene Family HUMAnN v Adjusted CPMs"
            foundAt = 0;
        } else if (title.startsWith("#") && title.contains("relab")) {
            found = AbundanceUnit.FRACTION;
            foundAt = 0;
        }
        for (int c : valueColumns) {
            String lower = h[c].toLowerCase(Locale.ROOT);
            AbundanceUnit u;
            if (lower.endsWith("_coverage") || lower.endsWith("-coverage")) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, h[c], "this is a HUMAnN pathway "
                        + "coverage column: coverage is the confidence (0 to 1) that a pathway is complete, not an "
                        + "abundance; read the pathabundance table instead");
            } else if (lower.endsWith("-cpm")) {
                u = AbundanceUnit.CPM;
            } else if (lower.endsWith("-relab")) {
                u = AbundanceUnit.FRACTION;
            } else if (lower.endsWith("-rpks") || lower.endsWith("-rpk")) {
                u = AbundanceUnit.RPK;
            } else {
                u = null;
            }
            if (u != null && found != null && u != found) {
                throw CohortFormatException.at(file, header.lineOf(c), c + 1, h[c], "the column suffixes state two "
                        + "units: " + found + " (column " + (foundAt + 1) + " '" + h[foundAt] + "') and " + u
                        + "; join tables of one unit only");
            }
            if (u != null && found == null) {
                found = u;
                foundAt = c;
            }
        }
        if (found != null && r.unitStated && found != r.unit) {
            throw CohortFormatException.at(file, header.lineOf(foundAt), foundAt + 1, h[foundAt], "the unit was stated as "
                    + r.unit + " but the column suffix says " + found);
        }
        return found;
    }

    /** The feature name of a HUMAnN row, or null if it is left out; counts and totals what it sees. */
    private String humannRow(String label, double[] v, Map<String, double[]> special, double[] total) {
        int bar = label.indexOf('|');
        String feature = bar >= 0 ? label.substring(0, bar) : label;
        boolean isSpecial = isSpecial(feature.contains(": ") ? feature.substring(0, feature.indexOf(": ")) : feature);
        if (bar < 0) {
            for (int i = 0; i < v.length; i++) {
                total[i] += v[i];
            }
            if (isSpecial) {
                String kind = feature.contains(": ") ? feature.substring(0, feature.indexOf(": ")) : feature;
                double[] s = special.computeIfAbsent(kind, k -> new double[v.length]);
                for (int i = 0; i < v.length; i++) {
                    s[i] += v[i];
                }
            }
        }
        if (bar >= 0 && !r.stratifiedRows) {
            count("stratified");
            return null;
        }
        if (isSpecial && !r.unmappedRows) {
            if (bar < 0) {
                count(feature.contains(": ") ? feature.substring(0, feature.indexOf(": ")) : feature);
            } else {
                count("stratified");
            }
            return null;
        }
        if (!r.fullLabels) {
            int colon = feature.indexOf(": ");
            if (colon > 0) {
                feature = feature.substring(0, colon);
            }
        }
        return bar >= 0 ? feature + label.substring(bar) : feature;
    }

    private static boolean isSpecial(String feature) {
        if (!SPECIAL.matcher(feature).matches()) {
            return false;
        }
        for (String word : feature.split("_")) {
            if (SPECIAL_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Map<String, Double>> humannChecks(List<String> samples, List<Integer> valueColumns,
            String[] h, AbundanceUnit unit, Map<String, double[]> special, double[] total, List<double[]> kept)
            throws CohortFormatException {
        int n = samples.size();
        double expected = unit == AbundanceUnit.CPM ? 1e6 : unit == AbundanceUnit.FRACTION ? 1
                : unit == AbundanceUnit.PERCENT ? 100 : Double.NaN;
        for (int i = 0; i < n; i++) {
            int c = valueColumns.get(i);
            if (!Double.isNaN(expected) && total[i] > expected * (1 + SUM_TOLERANCE)) {
                throw CohortFormatException.at(file, headerLine, c + 1, h[c], "the unstratified rows of this column sum to "
                        + DelimitedText.format(total[i]) + ", more than a " + unit + " column can (at most "
                        + DelimitedText.format(expected) + " ± " + (int) (100 * SUM_TOLERANCE) + "%)"
                        + unitHint(total[i]));
            }
            if (unit == AbundanceUnit.CPM || unit == AbundanceUnit.RPK) {
                if (total[i] > 0.5 && total[i] <= 1 + SUM_TOLERANCE) {
                    throw CohortFormatException.at(file, headerLine, c + 1, h[c], "the unstratified rows of this column sum "
                            + "to " + DelimitedText.format(total[i]) + ": that is relative abundance (a fraction), not "
                            + unit + "; read it with withUnit(AbundanceUnit.FRACTION)");
                }
            }
        }
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        special.forEach((kind, s) -> {
            Map<String, Double> bySample = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                bySample.put(samples.get(i), total[i] > 0 ? s[i] / total[i] : Double.NaN);
            }
            shares.put(kind, bySample);
        });
        double[] unmapped = special.get("UNMAPPED");
        double[] unintegrated = special.get("UNINTEGRATED");
        if (unmapped != null && unintegrated != null && java.util.Arrays.equals(unmapped, unintegrated)) {
            warnings.add("UNMAPPED equals UNINTEGRATED in every sample: the table was probably joined or renormalised "
                    + "wrongly upstream");
        }
        if (unmapped != null && kept.size() >= 10) {
            for (int i = 0; i < n; i++) {
                int same = 0;
                for (double[] v : kept) {
                    if (v[i] == unmapped[i] && v[i] != 0) {
                        same++;
                    }
                }
                if (same * 2 >= kept.size()) {
                    warnings.add(same + " of " + kept.size() + " feature rows of sample '" + samples.get(i)
                            + "' equal its UNMAPPED value: a broken join upstream?");
                }
            }
        }
        return shares;
    }

    /**
     * CPM if every column's unstratified rows sum to a million, FRACTION if every one sums to 1
     * (each within the tolerance), else null: what a renormalised table without unit suffixes is.
     */
    private static AbundanceUnit unitFromSums(double[] totals) {
        for (double[] target : new double[][] {{1e6}, {1}}) {
            boolean all = totals.length > 0;
            for (double t : totals) {
                all &= Math.abs(t - target[0]) <= target[0] * SUM_TOLERANCE;
            }
            if (all) {
                return target[0] == 1 ? AbundanceUnit.FRACTION : AbundanceUnit.CPM;
            }
        }
        return null;
    }

    private static String unitHint(double sum) {
        if (Math.abs(sum - 1e6) <= 1e6 * SUM_TOLERANCE) {
            return "; it sums to one million: read it with withUnit(AbundanceUnit.CPM)";
        }
        if (Math.abs(sum - 100) <= 100 * SUM_TOLERANCE) {
            return "; it sums to 100: read it with withUnit(AbundanceUnit.PERCENT)";
        }
        return "; if these are reads per kilobase use withUnit(AbundanceUnit.RPK)";
    }

    // ----- MetaPhlAn

    /** The feature name of a MetaPhlAn row if it has the kept rank, else null; counts what it sees. */
    private String metaphlanRow(String label, double[] v, Map<String, double[]> special,
            Map<String, double[]> rankTotals) {
        if (isUnclassified(label)) {
            double[] s = special.computeIfAbsent("UNCLASSIFIED", k -> new double[v.length]);
            for (int i = 0; i < v.length; i++) {
                s[i] += v[i];
            }
            count("UNCLASSIFIED");
            return null;
        }
        String last = label.substring(label.lastIndexOf('|') + 1);
        String rank = last.length() > 3 && last.charAt(1) == '_' && last.charAt(2) == '_' ? last.substring(0, 3)
                : "unranked";
        double[] t = rankTotals.computeIfAbsent(rank, k -> new double[v.length]);
        for (int i = 0; i < v.length; i++) {
            t[i] += v[i];
        }
        if (last.startsWith(r.rank) && last.length() > r.rank.length()) {
            return last;
        }
        count(rankKeys.computeIfAbsent(rank, k -> "rank " + k));
        return null;
    }

    private Map<String, Map<String, Double>> metaphlanChecks(List<String> samples, List<Integer> valueColumns,
            String[] h, AbundanceUnit unit, Map<String, double[]> special, Map<String, double[]> rankTotals)
            throws CohortFormatException {
        int n = samples.size();
        double full = unit == AbundanceUnit.PERCENT ? 100 : unit == AbundanceUnit.FRACTION ? 1 : Double.NaN;
        double[] unclassified = special.getOrDefault("UNCLASSIFIED", new double[n]);
        // the highest rank present: kingdom rows hold the whole classified abundance
        String top = null;
        for (String rank : List.of("k__", "p__", "c__", "o__", "f__", "g__", "s__", "t__")) {
            if (rankTotals.containsKey(rank)) {
                top = rank;
                break;
            }
        }
        double[] classified = top == null ? new double[n] : rankTotals.get(top);
        if (!Double.isNaN(full) && top != null) {
            for (int i = 0; i < n; i++) {
                int c = valueColumns.get(i);
                double sum = classified[i];
                if (sum > full * (1 + SUM_TOLERANCE)) {
                    throw CohortFormatException.at(file, headerLine, c + 1, h[c], "the " + top + " rows of this column "
                            + "sum to " + DelimitedText.format(sum) + ", more than a " + unit + " column can (at most "
                            + DelimitedText.format(full) + " ± " + (int) (100 * SUM_TOLERANCE) + "%)");
                }
                if (unit == AbundanceUnit.PERCENT && sum > 0.5 && sum <= 1 + SUM_TOLERANCE && unclassified[i] < 1) {
                    throw CohortFormatException.at(file, headerLine, c + 1, h[c], "the " + top + " rows of this column "
                            + "sum to " + DelimitedText.format(sum) + ": the table holds fractions, not MetaPhlAn's "
                            + "percent; read it with withUnit(AbundanceUnit.FRACTION)");
                }
                double total = sum + unclassified[i];
                if (total > full * (1 + SUM_TOLERANCE)) {
                    warnings.add("sample '" + samples.get(i) + "': UNCLASSIFIED (" + DelimitedText.format(unclassified[i])
                            + ") comes on top of " + top + " rows summing to " + DelimitedText.format(sum)
                            + "; its share is taken of their total " + DelimitedText.format(total));
                } else if (top.equals("k__") && total > 0 && total < full * (1 - SUM_TOLERANCE)) {
                    warnings.add("the kingdom rows of sample '" + samples.get(i) + "' sum to "
                            + DelimitedText.format(total) + " of " + DelimitedText.format(full)
                            + ": a filtered table?");
                }
            }
        }
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        if (special.containsKey("UNCLASSIFIED")) {
            Map<String, Double> bySample = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                double total = Math.max(full, classified[i] + unclassified[i]);
                bySample.put(samples.get(i), Double.isNaN(full) ? Double.NaN : unclassified[i] / total);
            }
            shares.put("UNCLASSIFIED", bySample);
        }
        return shares;
    }

    // ----- shared

    private void count(String kind) {
        dropped.merge(kind, 1, Integer::sum);
    }
}
