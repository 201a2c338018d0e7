package org.gutsignal.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.gutsignal.cohort.CohortFormatException;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.DelimitedText;

/**
 * Which taxa can make which molecules: non-negative copy numbers per taxon and molecule
 * (0/1 for absence/presence), used to estimate capacities from species tables.
 *
 * <p>File format (CSV, or TSV if the name ends in {@code .tsv}, {@code .txt} or
 * {@code .tab}; lines whose first non-blank character is {@code #} are comments, ignored before
 * the line is split into cells, so quotes in them do not matter):
 *
 * <pre>
 * taxon,HMBPP,LPS
 * g__Bacteroides,1,1
 * s__Bacteroides_fragilis,1,1
 * g__Lactobacillus,0,0
 * </pre>
 *
 * <p>Lookup ({@link #trait}): a species name {@code s__Genus_species} (or a MetaPhlAn lineage
 * ending in it, {@code k__...|s__Genus_species}) uses its own row if there is one, otherwise
 * the row of its genus {@code g__Genus} (the text before the first {@code _}); a genus name
 * uses its genus row. Any other taxon, or a taxon with no row, is <em>unknown</em>: the
 * lookup returns an empty {@code OptionalDouble} and the profiler reports it instead of
 * counting it as 0.
 *
 * <p>Besides reading a file or using {@link #builtInHmbpp()}, a table can be learned from a
 * stratified HUMAnN table with {@link #learn}. On a real one (HMP2, HUMAnN 2 pathways, 96
 * samples) learned HMBPP traits never called a genus MEP that the built-in table marks
 * mevalonate-only (0 of 6), but missed many MEP genera: on the 50 genera both know, agreement
 * 0.60 and Cohen's κ 0.22 at {@code minPrevalence} 0.1, 0.40 and 0.10 at 0.5, because HUMAnN
 * rarely stratifies the MEP pathway to species (details in the resource
 * {@code org/gutsignal/profile/hmbpp_traits.README.md}).
 *
 * <p>Immutable and thread-safe.
 */
public final class TraitTable {

    private static final String GENUS = "g__[A-Za-z0-9\\-.\\[\\]]+";
    private static final String SPECIES = "s__[A-Za-z0-9\\-.\\[\\]]+_[^\\s|]+";
    private static final Pattern TAXON = Pattern.compile(GENUS + "|" + SPECIES);
    private static final Pattern GENUS_NAME = Pattern.compile(GENUS);
    private static final Pattern SPECIES_NAME = Pattern.compile(SPECIES);
    private static final TraitTable BUILT_IN_HMBPP = fromResource("/org/gutsignal/profile/hmbpp_traits.csv");

    private final List<String> moleculeIds;
    private final Map<String, double[]> rows; // taxon -> values per molecule

    private TraitTable(List<String> moleculeIds, Map<String, double[]> rows) {
        this.moleculeIds = List.copyOf(moleculeIds);
        this.rows = rows;
    }

    /**
     * A trait table from rows.
     *
     * @param moleculeIds molecule ids, one per value column
     * @param rows        taxon ({@code g__Genus} or {@code s__Genus_species}) → values, one per molecule
     * @throws IllegalArgumentException if a taxon is malformed, a row has the wrong length, a value is
     *                                  negative or not finite, or molecule ids repeat
     */
    public static TraitTable of(List<String> moleculeIds, Map<String, double[]> rows) {
        if (moleculeIds.stream().distinct().count() != moleculeIds.size()) {
            throw new IllegalArgumentException("duplicate molecule ids " + moleculeIds);
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        rows.forEach((taxon, values) -> {
            if (!TAXON.matcher(taxon).matches()) {
                throw new IllegalArgumentException("taxon '" + taxon + "' is neither g__Genus nor s__Genus_species");
            }
            if (values.length != moleculeIds.size()) {
                throw new IllegalArgumentException("taxon " + taxon + " has " + values.length + " values for "
                        + moleculeIds.size() + " molecules");
            }
            for (double v : values) {
                if (!Double.isFinite(v) || v < 0) {
                    throw new IllegalArgumentException("taxon " + taxon + " has value " + v
                            + "; expected a non-negative finite copy number");
                }
            }
            copy.put(taxon, values.clone());
        });
        return new TraitTable(moleculeIds, copy);
    }

    /**
     * What {@link #learn} learned and saw: the table, how many species and genus rows it has, the
     * stratified rows it could not use, and per molecule how many species and genera have the trait.
     *
     * @param traits                   the learned table, 0/1 values, species rows then genus rows
     * @param species                  species rows ({@code s__Genus_species}): species seen in at least one sample
     * @param genera                   genus rows ({@code g__Genus})
     * @param unclassifiedRows         rows {@code FEATURE|unclassified}, skipped
     * @param skippedTaxa              genus or species names of strata that are not a trait-table name
     *                                 (e.g. {@code g__Lachnospiraceae_unclassified}), skipped, in order seen
     * @param speciesWithTrait         molecule id → species rows with value 1, for the learned molecules
     * @param generaWithTrait          molecule id → genus rows with value 1, for the learned molecules
     * @param moleculesWithoutEvidence catalog molecules none of whose markers or pathways is the feature
     *                                 of a classified stratified row (rows {@code |unclassified} do not
     *                                 count): not columns of the table, so species profiles
     *                                 report them instead of counting every taxon as lacking them
     */
    public record Learned(TraitTable traits, int species, int genera, int unclassifiedRows, List<String> skippedTaxa,
            Map<String, Integer> speciesWithTrait, Map<String, Integer> generaWithTrait,
            List<String> moleculesWithoutEvidence) {

        /** Copies the lists and maps. */
        public Learned {
            skippedTaxa = List.copyOf(skippedTaxa);
            speciesWithTrait = Collections.unmodifiableMap(new LinkedHashMap<>(speciesWithTrait));
            generaWithTrait = Collections.unmodifiableMap(new LinkedHashMap<>(generaWithTrait));
            moleculesWithoutEvidence = List.copyOf(moleculesWithoutEvidence);
        }
    }

    /**
     * Learns presence traits (0/1) from a stratified HUMAnN gene-family (KEGG KO) or pathway table,
     * as read by {@code FeatureTableReader.humann().withStratifiedRows(true)}.
     *
     * <p>Rows {@code FEATURE|g__Genus.s__species} (feature labels {@code K00001: name} cut to their
     * id) are grouped by stratum; rows {@code FEATURE|unclassified} are skipped and counted;
     * community rows (no {@code |}) are ignored. In each sample a stratum is <em>seen</em> if any of
     * its rows is non-zero, and <em>carries</em> a molecule if
     * <ul>
     * <li>its own rows of the molecule's gene markers give a non-zero capacity by the molecule's
     * aggregation: every step of a {@code PATHWAY_MIN} molecule (HMBPP: dxs, dxr, ispD or ispDF,
     * ispE, ispF or ispDF, ispG and ispH all present), any marker of a {@code MARKER} molecule; or</li>
     * <li>any of the molecule's MetaCyc pathways is non-zero (HMBPP: {@code NONMEVIPP-PWY} or
     * {@code PWY-7560}).</li>
     * </ul>
     * A KO table only has markers and a pathway table only pathways, so in practice the rule is the
     * first for KO tables and the second for pathway tables.
     *
     * <p>A species {@code s__species} gets the trait (value 1) if it carries the molecule in at least
     * {@code minPrevalence} of the samples in which it is seen: prevalence = carried / seen, compared
     * with {@code >=}. The denominator is the samples where the species is seen, not all samples, so
     * a rare species is judged on the samples it is in. A genus row {@code g__Genus} pools its strata
     * (all its species, and genus-level strata {@code FEATURE|g__Genus}): seen and carried in a sample
     * if any of them is. Species never seen (all their rows zero) get no row, so they stay unknown.
     * The learned table's rows are named as {@link #trait} looks them up, so a MetaPhlAn species
     * {@code s__Bacteroides_uniformis} finds the row learned from
     * {@code K00001|g__Bacteroides.s__Bacteroides_uniformis}, and a species HUMAnN did not stratify
     * falls back on its genus row. Molecules with no marker or pathway among the classified
     * stratified rows are left out (see {@link Learned#moleculesWithoutEvidence()}).
     *
     * <pre>{@code
     * FeatureTable strat = FeatureTableReader.humann().withStratifiedRows(true).read(Path.of("pathabundance.tsv"));
     * TraitTable.Learned learned = TraitTable.learn(strat, MoleculeCatalog.builtIn(), 0.5);
     * SignallingProfile p = SignallingProfiler.of(MoleculeCatalog.builtIn()).withTraits(learned.traits())
     *         .profileSpecies(metaphlanSpecies);
     * }</pre>
     *
     * <p>HUMAnN reports a species' pathway only where its reads cover it (gap-filled, MinPath), so a
     * learned 0 can mean "too few reads" as well as "no pathway"; a lower {@code minPrevalence} and
     * deeper samples call fewer false zeros. How learned traits compare with
     * {@link #builtInHmbpp()} on a real stratified table is recorded in the resource
     * {@code org/gutsignal/profile/hmbpp_traits.README.md}.
     *
     * @param stratified    a HUMAnN table with its stratified rows, any abundance unit
     * @param catalog       the molecules whose traits to learn
     * @param minPrevalence the fraction of a taxon's samples in which it must carry a molecule, in (0, 1]
     * @return the learned table and what was seen
     * @throws IllegalArgumentException if {@code minPrevalence} is not in (0, 1], the table's unit is
     *                                  TRANSFORMED, it has no stratified row, no catalog molecule has a
     *                                  marker or pathway among its stratified rows, or no species or
     *                                  genus has a non-zero row
     * @throws NullPointerException     if the table or catalog is null
     */
    public static Learned learn(FeatureTable stratified, MoleculeCatalog catalog,
            double minPrevalence) {
        Objects.requireNonNull(stratified, "stratified");
        Objects.requireNonNull(catalog, "catalog");
        if (!(minPrevalence > 0 && minPrevalence <= 1)) {
            throw new IllegalArgumentException("minPrevalence must be in (0, 1] (a fraction of samples) but was "
                    + minPrevalence);
        }
        if (!stratified.unit().isAbundance()) {
            throw new IllegalArgumentException("expected abundances but the table's unit is " + stratified.unit());
        }
        return new TraitLearner(stratified, catalog, minPrevalence).learn();
    }

    /** Whether a name is a genus row name {@code g__Genus}. */
    static boolean isGenus(String name) {
        return GENUS_NAME.matcher(name).matches();
    }

    /** Whether a name is a species row name {@code s__Genus_species}. */
    static boolean isSpecies(String name) {
        return SPECIES_NAME.matcher(name).matches();
    }

    /**
     * The built-in genus-level HMBPP table: 1 for genera using the MEP (non-mevalonate)
     * pathway, 0 for genera using only the mevalonate pathway; approximate, see the resource
     * {@code org/gutsignal/profile/hmbpp_traits.README.md} for rules and sources. Genera in
     * neither group are unknown.
     */
    public static TraitTable builtInHmbpp() {
        return BUILT_IN_HMBPP;
    }

    /**
     * Reads a trait table.
     *
     * @throws IOException           if the file cannot be read
     * @throws CohortFormatException if the first header cell is not {@code taxon}, there are no
     *                               molecule columns, a molecule column repeats, a row has the wrong
     *                               number of cells, a taxon is malformed or repeated, or a value is
     *                               not a non-negative number by {@link DelimitedText#parseNumber}'s
     *                               rule; the message names file, line and column
     */
    public static TraitTable read(Path path) throws IOException {
        return parse(CsvRows.read(path));
    }

    private static TraitTable fromResource(String resource) {
        try {
            return parse(CsvRows.readResource(resource));
        } catch (CohortFormatException e) {
            throw new IllegalStateException("built-in trait table is malformed: " + e.getMessage(), e);
        }
    }

    private static TraitTable parse(CsvRows csv) throws CohortFormatException {
        String file = csv.file;
        List<String> header = csv.header;
        if (header.isEmpty() || !header.get(0).equals("taxon")) {
            throw CohortFormatException.at(file, csv.headerLine, 1, header.isEmpty() ? null : header.get(0),
                    "expected the first header cell 'taxon' but found '" + (header.isEmpty() ? "" : header.get(0)) + "'");
        }
        if (header.size() < 2) {
            throw CohortFormatException.atLine(file, csv.headerLine,
                    "expected at least one molecule column after 'taxon' but found none");
        }
        List<String> molecules = header.subList(1, header.size());
        for (int c = 1; c < header.size(); c++) {
            String h = header.get(c);
            if (!Molecule.ID.matcher(h).matches()) {
                throw CohortFormatException.at(file, csv.headerLine, c + 1, h,
                        "expected a molecule id of letters, digits and '_' but found '" + h + "'");
            }
            if (header.indexOf(h) != c) {
                throw CohortFormatException.at(file, csv.headerLine, c + 1, h,
                        "molecule column '" + h + "' repeats column " + (header.indexOf(h) + 1));
            }
        }
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvRows.Row row : csv.rows) {
            List<String> cells = row.cells();
            if (cells.size() != header.size()) {
                int column = Math.min(cells.size(), header.size()) + 1;
                throw CohortFormatException.at(file, row.line(), column,
                        column <= header.size() ? header.get(column - 1) : null,
                        "expected " + header.size() + " cells like the header but found " + cells.size());
            }
            String taxon = cells.get(0);
            if (!TAXON.matcher(taxon).matches()) {
                throw CohortFormatException.at(file, row.line(), 1, "taxon",
                        "expected a taxon g__Genus or s__Genus_species but found '" + taxon + "'");
            }
            Long previous = lines.putIfAbsent(taxon, row.line());
            if (previous != null) {
                throw CohortFormatException.at(file, row.line(), 1, "taxon",
                        "taxon '" + taxon + "' was already defined on line " + previous);
            }
            double[] values = new double[molecules.size()];
            for (int c = 1; c < cells.size(); c++) {
                String text = row.raw().get(c); // numbers as read: ' 13.75 ' is not a number
                double v;
                try {
                    v = DelimitedText.parseNumber(text);
                } catch (NumberFormatException e) {
                    throw CohortFormatException.at(file, row.line(), c + 1, header.get(c), e.getMessage());
                }
                if (v < 0) {
                    throw CohortFormatException.at(file, row.line(), c + 1, header.get(c),
                            "expected a non-negative copy number but found '" + text + "'");
                }
                v += 0.0; // -0 reads as 0.0
                values[c - 1] = v;
            }
            rows.put(taxon, values);
        }
        if (rows.isEmpty()) {
            throw CohortFormatException.inFile(file, "expected at least one taxon row but found none");
        }
        return new TraitTable(molecules, rows);
    }

    /** Molecule ids of the value columns, in file order. */
    public List<String> moleculeIds() {
        return moleculeIds;
    }

    /** The taxa with a row, in file order. */
    public List<String> taxa() {
        return List.copyOf(rows.keySet());
    }

    /**
     * The copy number of a molecule for a taxon, resolving species to genus as described in
     * the class documentation.
     *
     * @param taxon      a feature name such as {@code s__Bacteroides_uniformis},
     *                   {@code k__Bacteria|...|s__Bacteroides_uniformis} or {@code g__Bacteroides}
     * @param moleculeId a molecule id of this table
     * @return the copy number, or empty if the taxon is unknown
     * @throws IllegalArgumentException if the molecule is not a column of this table
     */
    public OptionalDouble trait(String taxon, String moleculeId) {
        int m = moleculeIds.indexOf(moleculeId);
        if (m < 0) {
            throw new IllegalArgumentException("no molecule " + moleculeId + " in this trait table " + moleculeIds);
        }
        double[] row = resolve(taxon);
        return row == null ? OptionalDouble.empty() : OptionalDouble.of(row[m]);
    }

    /** The row for a taxon after species → genus resolution, or null if unknown. */
    double[] resolve(String taxon) {
        String name = taxon;
        int bar = name.lastIndexOf('|');
        if (bar >= 0) {
            name = name.substring(bar + 1);
        }
        double[] row = rows.get(name);
        if (row != null) {
            return row;
        }
        if (name.startsWith("s__")) {
            int underscore = name.indexOf('_', 3);
            if (underscore > 3) {
                return rows.get("g__" + name.substring(3, underscore));
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "TraitTable[" + rows.size() + " taxa × " + Arrays.toString(moleculeIds.toArray()) + "]";
    }
}
