package org.gutsignal.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gutsignal.cohort.CohortFormatException;

/**
 * The signalling molecules to profile, each with its marker genes and pathways.
 *
 * <p>The built-in catalog ({@link #builtIn()}) holds {@code HMBPP}, {@code LPS},
 * {@code BUTYRATE}, {@code SECONDARY_BILE_ACIDS}, {@code INDOLE} and {@code TMA}; its
 * {@code verified} column says which KEGG/MetaCyc ids were checked. Users load their own with
 * {@link #read(Path)} from the same format: a comma-separated file (tab-separated if the name
 * ends in {@code .tsv}, {@code .txt} or {@code .tab}), lines whose first non-blank character is {@code #} ignored
 * as comments (before the line is split into cells, so quotes in them do not matter),
 * one header line and one row per molecule:
 *
 * <pre>
 * id,name,host_target,markers,pathways,aggregation,direction,evidence,reference,verified
 * HMBPP,HMBPP,BTN3A1,K01662;K00099;K00991|K12506;K00919;K01770|K12506;K03526;K03527,NONMEVIPP-PWY;PWY-7560,PATHWAY_MIN,stimulatory,...
 * INDOLE,indole,AhR,K01667,,MARKER,unclear,literature,none,no
 * </pre>
 *
 * <p>Columns {@code id}, {@code name}, {@code markers}, {@code aggregation} and
 * {@code direction} are required, the others optional; columns may come in any order; an
 * unknown column is an error (it is usually a typo). {@code markers}: steps separated by
 * {@code ;}, alternatives within a step by {@code |} (only for {@code PATHWAY_MIN}); the cell may
 * be empty if {@code pathways} is not: such a molecule is profiled from pathway tables only, and
 * profiling a gene table reports it absent (see {@link Molecule}).
 * {@code pathways}: MetaCyc ids separated by {@code ;}, as HUMAnN writes them; profiled from a
 * pathway table, a molecule's capacity in a sample is the largest of its pathways' abundances
 * there (see {@link SignallingProfiler#profilePathways}), so list variants of one pathway
 * ({@code NONMEVIPP-PWY;PWY-7560}) or one pathway's ids in different MetaCyc versions
 * ({@code 7ALPHADEHYDROX-PWY;PWY-7754}) without counting them twice. {@code aggregation}: {@code MARKER} or
 * {@code PATHWAY_MIN}. {@code direction}: {@code stimulatory}, {@code inhibitory} or
 * {@code unclear}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MoleculeCatalog {

    static final List<String> REQUIRED = List.of("id", "name", "markers", "aggregation", "direction");
    static final List<String> KNOWN = List.of("id", "name", "host_target", "markers", "pathways", "aggregation",
            "direction", "evidence", "reference", "verified");
    private static final String RESOURCE = "/org/gutsignal/profile/molecules.csv";
    private static final MoleculeCatalog BUILT_IN = fromRows(CsvRows.readResource(RESOURCE));

    private final List<Molecule> molecules;
    private final Map<String, Molecule> byId;

    private MoleculeCatalog(List<Molecule> molecules) {
        this.molecules = List.copyOf(molecules);
        Map<String, Molecule> map = new LinkedHashMap<>();
        for (Molecule m : this.molecules) {
            if (map.put(m.id(), m) != null) {
                throw new IllegalArgumentException("duplicate molecule id " + m.id());
            }
        }
        this.byId = map;
    }

    /**
     * A catalog of the given molecules, in that order.
     *
     * @throws IllegalArgumentException if ids repeat or the list is empty
     */
    public static MoleculeCatalog of(List<Molecule> molecules) {
        if (molecules.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one molecule");
        }
        return new MoleculeCatalog(molecules);
    }

    /** The built-in catalog (resource {@code org/gutsignal/profile/molecules.csv}). */
    public static MoleculeCatalog builtIn() {
        return BUILT_IN;
    }

    /**
     * Reads a user's catalog.
     *
     * @param path the CSV/TSV file
     * @return the catalog, molecules in file order
     * @throws IOException           if the file cannot be read
     * @throws CohortFormatException if a required column is missing, a column is unknown or
     *                               repeated, a row has the wrong number of cells, an id is
     *                               malformed or repeated, markers are empty or malformed, or the
     *                               aggregation or direction is unknown; the message names file,
     *                               line, column and what was expected
     */
    public static MoleculeCatalog read(Path path) throws IOException {
        CsvRows rows = CsvRows.read(path);
        return parse(rows);
    }

    static MoleculeCatalog fromRows(CsvRows rows) {
        try {
            return parse(rows);
        } catch (CohortFormatException e) {
            throw new IllegalStateException("built-in catalog is malformed: " + e.getMessage(), e);
        }
    }

    private static MoleculeCatalog parse(CsvRows csv) throws CohortFormatException {
        String file = csv.file;
        List<String> header = csv.header;
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (!KNOWN.contains(h)) {
                throw CohortFormatException.at(file, csv.headerLine, c + 1, h,
                        "expected one of the columns " + KNOWN + " but found '" + h + "'");
            }
            if (header.indexOf(h) != c) {
                throw CohortFormatException.at(file, csv.headerLine, c + 1, h,
                        "column '" + h + "' repeats column " + (header.indexOf(h) + 1));
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                throw CohortFormatException.atLine(file, csv.headerLine,
                        "expected a column '" + required + "' (required: " + REQUIRED + ") but the header has "
                                + header);
            }
        }
        if (csv.rows.isEmpty()) {
            throw CohortFormatException.inFile(file, "expected at least one molecule row but found none");
        }
        List<Molecule> molecules = new ArrayList<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        for (CsvRows.Row row : csv.rows) {
            if (row.cells().size() != header.size()) {
                int column = Math.min(row.cells().size(), header.size()) + 1;
                throw CohortFormatException.at(file, row.line(), column,
                        column <= header.size() ? header.get(column - 1) : null, "expected " + header.size()
                                + " cells like the header but found " + row.cells().size());
            }
            Cells cells = new Cells(file, header, row);
            String id = cells.get("id");
            if (!Molecule.ID.matcher(id).matches()) {
                throw cells.error("id", "expected a molecule id of letters, digits and '_' but found '" + id + "'");
            }
            Long previous = seen.putIfAbsent(id, row.line());
            if (previous != null) {
                throw cells.error("id", "molecule id '" + id + "' was already defined on line " + previous);
            }
            String name = cells.get("name");
            Aggregation aggregation = parseAggregation(cells);
            Direction direction = parseDirection(cells);
            List<String> pathways = parsePathways(cells);
            List<List<String>> steps = parseMarkers(cells, aggregation, !pathways.isEmpty());
            molecules.add(new Molecule(id, name, cells.get("host_target"), steps, pathways, aggregation, direction,
                    cells.get("evidence"), cells.get("reference"), cells.get("verified")));
        }
        return new MoleculeCatalog(molecules);
    }

    private static Aggregation parseAggregation(Cells cells) throws CohortFormatException {
        String v = cells.get("aggregation");
        for (Aggregation a : Aggregation.values()) {
            if (a.name().equals(v)) {
                return a;
            }
        }
        throw cells.error("aggregation", "expected MARKER or PATHWAY_MIN but found '" + v + "'");
    }

    private static Direction parseDirection(Cells cells) throws CohortFormatException {
        String v = cells.get("direction");
        for (Direction d : Direction.values()) {
            if (d.token().equals(v)) {
                return d;
            }
        }
        throw cells.error("direction", "expected stimulatory, inhibitory or unclear but found '" + v + "'");
    }

    private static List<List<String>> parseMarkers(Cells cells, Aggregation aggregation, boolean hasPathways)
            throws CohortFormatException {
        String v = cells.get("markers");
        if (v.isEmpty()) {
            if (hasPathways) {
                return List.of();
            }
            throw cells.error("markers", "expected at least one marker id (steps separated by ';'), or MetaCyc"
                    + " pathway ids in the column 'pathways', but the cell is empty and there are no pathways");
        }
        List<List<String>> steps = new ArrayList<>();
        java.util.Set<String> all = new java.util.HashSet<>();
        String[] stepTexts = v.split(";", -1);
        for (int s = 0; s < stepTexts.length; s++) {
            String stepText = stepTexts[s].strip();
            if (stepText.isEmpty()) {
                throw cells.error("markers", "expected a marker id in step " + (s + 1) + " of '" + v
                        + "' but the step is empty");
            }
            String[] alternatives = stepText.split("\\|", -1);
            if (alternatives.length > 1 && aggregation == Aggregation.MARKER) {
                throw cells.error("markers", "alternatives with '|' need aggregation PATHWAY_MIN but this molecule uses"
                        + " MARKER (step " + (s + 1) + ": '" + stepText + "')");
            }
            List<String> step = new ArrayList<>();
            for (String alternative : alternatives) {
                String marker = alternative.strip();
                if (marker.isEmpty()) {
                    throw cells.error("markers", "expected a marker id between '|' in step " + (s + 1) + " ('"
                            + stepText + "') but found an empty alternative");
                }
                if (!Molecule.MARKER_ID.matcher(marker).matches()) {
                    throw cells.error("markers", "expected a marker id of letters, digits, '_', '.' or '-' but found '"
                            + marker + "' in step " + (s + 1));
                }
                if (step.contains(marker)) {
                    throw cells.error("markers", "marker " + marker + " appears twice in step " + (s + 1));
                }
                if (aggregation == Aggregation.MARKER && !all.add(marker)) {
                    throw cells.error("markers", "marker " + marker + " is listed twice");
                }
                step.add(marker);
            }
            steps.add(step);
        }
        return steps;
    }

    private static List<String> parsePathways(Cells cells) throws CohortFormatException {
        String v = cells.get("pathways");
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String p : v.split(";", -1)) {
            String id = p.strip();
            if (!Molecule.PATHWAY_ID.matcher(id).matches()) {
                throw cells.error("pathways", "expected MetaCyc pathway ids separated by ';' but found '" + id + "'");
            }
            if (out.contains(id)) {
                throw cells.error("pathways", "pathway " + id + " is listed twice");
            }
            out.add(id);
        }
        return out;
    }

    /** The cells of one row, looked up by column name; absent optional columns read as empty. */
    private record Cells(String file, List<String> header, CsvRows.Row row) {
        String get(String column) {
            int c = header.indexOf(column);
            return c < 0 ? "" : row.cells().get(c);
        }

        CohortFormatException error(String column, String problem) {
            return CohortFormatException.at(file, row.line(), header.indexOf(column) + 1, column, problem);
        }
    }

    /** The molecules, in catalog order (unmodifiable). */
    public List<Molecule> molecules() {
        return molecules;
    }

    /** Molecule ids, in catalog order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The molecule with this id, if any. */
    public Optional<Molecule> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Number of molecules. */
    public int size() {
        return molecules.size();
    }

    @Override
    public String toString() {
        return "MoleculeCatalog" + Arrays.toString(byId.keySet().toArray());
    }
}
