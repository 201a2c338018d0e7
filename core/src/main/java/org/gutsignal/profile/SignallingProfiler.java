package org.gutsignal.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.ReadReport;

/**
 * Turns a metagenome table into per-sample molecule capacities (a {@link SignallingProfile}).
 * The caller states what the table holds; nothing is guessed:
 *
 * <ul>
 * <li>{@link #profileGenes}: gene-family / KEGG KO abundances. {@code MARKER} molecules get the
 * sum of their markers; {@code PATHWAY_MIN} molecules the minimum over steps of the sum of
 * each step's alternatives (HMBPP: min(dxs, dxr, ispD + ispDF, ispE, ispF + ispDF, ispG,
 * ispH)). A marker absent from the table counts as 0. A molecule with pathways but no markers
 * in the catalog is absent (reported, zero column).</li>
 * <li>{@link #profilePathways}: MetaCyc pathway abundances (HUMAnN). A molecule gets, in each
 * sample, the <em>largest</em> abundance among its catalog pathways (HMBPP: max(NONMEVIPP-PWY,
 * PWY-7560)), not their sum: HUMAnN computes every pathway's abundance from the same reaction
 * abundances without sharing reads out between pathways, so two variants of one pathway (MEP
 * pathways I and II share all reactions but IspG's) both carry the same reads, and a sum would
 * count that flux twice. The price: a community whose species run different, disjoint routes to
 * one molecule is undercounted; list such routes as separate molecules if that matters.</li>
 * <li>{@link #profileSpecies}: species abundances with a {@link TraitTable}: capacity = Σ
 * abundance × copy number over taxa with a known trait; unknown taxa contribute nothing and
 * are reported in the coverage. If the table has any {@code s__} rows, rows of other ranks
 * ({@code k__ p__ c__ o__ f__ g__ t__}) are ignored (they would double-count) and reported in
 * the warnings.</li>
 * </ul>
 *
 * <p>Feature names are matched on their id: text after {@code ": "} (HUMAnN's name suffix) is
 * dropped, and stratified rows ({@code K00001|g__Genus.s__species}) are ignored in gene and
 * pathway tables so only community totals count. Several features with the same id are summed.
 * Molecules with nothing found keep a zero column and are reported (see {@link SignallingProfile}).
 *
 * <p><b>Units.</b> A capacity is a sum (or a minimum of sums) of the input's values, times copy
 * numbers for species, so it stays on the input's scale: capacities from a KO table in
 * {@link AbundanceUnit#CPM CPM} are CPM-scaled, from {@link AbundanceUnit#RPK RPK} RPK-scaled, from
 * MetaPhlAn {@link AbundanceUnit#PERCENT PERCENT} × trait copies percent-scaled. The capacities
 * table therefore keeps the input table's unit (it no longer sums to the unit's per-sample total).
 * That is what lets a {@code ResponseModel} trained on CPM-derived capacities refuse RPK-derived
 * ones, and convert percent-derived ones to fraction-derived ones exactly (every capacity is
 * linear in the abundances). {@link AbundanceUnit#CAPACITY} remains for capacities of unknown scale.
 *
 * <pre>{@code
 * SignallingProfile p = SignallingProfiler.of(MoleculeCatalog.builtIn()).profileGenes(ko);
 * FeatureTable capacities = p.capacities();
 * p.warnings().forEach(System.err::println);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SignallingProfiler {

    private static final Pattern OTHER_RANK = Pattern.compile("[kpcofgt]__.*");
    private static final int MAX_LISTED = 10;

    private final MoleculeCatalog catalog;
    private final TraitTable traits;

    private SignallingProfiler(MoleculeCatalog catalog, TraitTable traits) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.traits = traits;
    }

    /** A profiler for a catalog, without a trait table. */
    public static SignallingProfiler of(MoleculeCatalog catalog) {
        return new SignallingProfiler(catalog, null);
    }

    /** A copy that uses this trait table for {@link #profileSpecies}. */
    public SignallingProfiler withTraits(TraitTable traitTable) {
        return new SignallingProfiler(catalog, Objects.requireNonNull(traitTable, "traitTable"));
    }

    /** The catalog. */
    public MoleculeCatalog catalog() {
        return catalog;
    }

    /**
     * Profiles a gene-family (KEGG KO) table.
     *
     * @param genes samples × gene families, any abundance unit (not TRANSFORMED)
     * @return capacities and coverage
     * @throws IllegalArgumentException if the table's unit is TRANSFORMED, or if none of its
     *                                  feature ids is a KEGG ortholog ({@code K} and five digits):
     *                                  the message names the ids it found (UniRef90/UniRef50, EC
     *                                  numbers, MetaCyc reactions, Pfam, GO …) and how to regroup
     *                                  them ({@code humann_regroup_table --groups uniref90_ko})
     */
    public SignallingProfile profileGenes(FeatureTable genes) {
        requireAbundance(genes);
        requireKoIds(genes);
        Map<String, int[]> columns = columnsById(genes);
        int n = genes.sampleCount();
        double[][] byMolecule = new double[catalog.size()][];
        List<MoleculeCoverage> coverage = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int m = 0; m < catalog.size(); m++) {
            Molecule molecule = catalog.molecules().get(m);
            List<String> markers = molecule.markers();
            if (markers.isEmpty()) {
                byMolecule[m] = new double[n];
                coverage.add(new MoleculeCoverage(molecule.id(), 0, 0, 0.0, List.of()));
                warnings.add(molecule.id() + ": the catalog lists no gene marker, only MetaCyc pathways "
                        + molecule.pathways() + ", so its capacity is set to 0 in every sample (profile a pathway"
                        + " table for it)");
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String marker : markers) {
                if (!detected(genes, columns.get(marker))) {
                    missing.add(marker);
                }
            }
            int found = markers.size() - missing.size();
            coverage.add(new MoleculeCoverage(molecule.id(), found, markers.size(),
                    (double) found / markers.size(), missing));
            double[] capacity = new double[n];
            if (molecule.aggregation() == Aggregation.MARKER) {
                for (String marker : markers) {
                    addColumns(genes, columns.get(marker), capacity);
                }
            } else {
                double[] step = new double[n];
                java.util.Arrays.fill(capacity, Double.POSITIVE_INFINITY);
                for (int s = 0; s < molecule.markerSteps().size(); s++) {
                    java.util.Arrays.fill(step, 0.0);
                    boolean stepFound = false;
                    for (String alternative : molecule.markerSteps().get(s)) {
                        addColumns(genes, columns.get(alternative), step);
                        stepFound |= !missing.contains(alternative);
                    }
                    if (!stepFound && found > 0) {
                        warnings.add(molecule.id() + ": step " + (s + 1) + " " + molecule.markerSteps().get(s)
                                + " has no marker in the table, so the pathway minimum is 0 in every sample");
                    }
                    for (int i = 0; i < n; i++) {
                        capacity[i] = Math.min(capacity[i], step[i]);
                    }
                }
            }
            byMolecule[m] = capacity;
            warnIfIncomplete(molecule.id(), "markers", found, markers.size(), missing, warnings);
        }
        return build(SignallingProfile.Source.GENES, genes, byMolecule, coverage, warnings);
    }

    /**
     * {@link #profileGenes(FeatureTable)} of a features-as-rows gene table (a HUMAnN KO table,
     * plain or compressed) read in one streaming pass that holds only the catalog's marker rows:
     * memory is bounded by samples × markers, not by the table, so gene tables of millions of rows
     * profile in a small heap. The result is the same, bit for bit, as profiling the whole table
     * read with {@code reader}; every row is still read and checked, a table of other ids
     * (UniRef90, EC …) is refused as {@link #profileGenes(FeatureTable)} refuses it, the message
     * led by the file's name ({@code genefamilies.tsv: profileGenes needs KEGG orthologs …}), and the
     * read's report is {@code reader.withFeatureFilter(…).readWithReport(file)}'s (rows not held
     * count as {@code "not selected"}).
     *
     * @param reader a {@link FeatureTableReader#humann()} reader with the settings the table needs
     * @throws IOException              as {@link FeatureTableReader#readWithReport}
     * @throws IllegalArgumentException as {@link #profileGenes(FeatureTable)}
     */
    public SignallingProfile profileGenes(FeatureTableReader reader, Path file) throws IOException {
        Set<String> markers = new HashSet<>();
        for (Molecule m : catalog.molecules()) {
            markers.addAll(m.markers());
        }
        IdKinds kinds = new IdKinds(markers);
        ReadReport report = reader.withFeatureFilter(kinds).readWithReport(file);
        try {
            kinds.requireKoIds();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
        return profileGenes(report.table());
    }

    /**
     * {@link #profilePathways(FeatureTable)} of a features-as-rows pathway table read in one
     * streaming pass that holds only the catalog's pathway rows, as
     * {@link #profileGenes(FeatureTableReader, Path)} does for genes; the same result, bit for bit.
     *
     * @throws IOException              as {@link FeatureTableReader#readWithReport}
     * @throws IllegalArgumentException as {@link #profilePathways(FeatureTable)}
     */
    public SignallingProfile profilePathways(FeatureTableReader reader, Path file) throws IOException {
        Set<String> ids = new HashSet<>();
        for (Molecule m : catalog.molecules()) {
            ids.addAll(m.pathways());
        }
        return profilePathways(reader.withFeatureFilter(name -> name.indexOf('|') < 0 && ids.contains(idOf(name)))
                .read(file));
    }

    /**
     * Profiles a MetaCyc pathway-abundance table (HUMAnN {@code pathabundance}).
     *
     * @param pathways samples × pathways, any abundance unit (not TRANSFORMED)
     * @return capacities (per sample, the largest of each molecule's pathway abundances) and
     *         coverage; molecules whose catalog entry lists no pathway are absent
     * @throws IllegalArgumentException if the table's unit is TRANSFORMED
     */
    public SignallingProfile profilePathways(FeatureTable pathways) {
        requireAbundance(pathways);
        Map<String, int[]> columns = columnsById(pathways);
        int n = pathways.sampleCount();
        double[][] byMolecule = new double[catalog.size()][];
        List<MoleculeCoverage> coverage = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int m = 0; m < catalog.size(); m++) {
            Molecule molecule = catalog.molecules().get(m);
            List<String> ids = molecule.pathways();
            double[] capacity = new double[n];
            List<String> missing = new ArrayList<>();
            double[] one = new double[n];
            for (String id : ids) {
                if (!detected(pathways, columns.get(id))) {
                    missing.add(id);
                }
                java.util.Arrays.fill(one, 0.0);
                addColumns(pathways, columns.get(id), one);
                for (int i = 0; i < n; i++) {
                    capacity[i] = Math.max(capacity[i], one[i]);
                }
            }
            int found = ids.size() - missing.size();
            coverage.add(new MoleculeCoverage(molecule.id(), found, ids.size(),
                    ids.isEmpty() ? 0.0 : (double) found / ids.size(), missing));
            byMolecule[m] = capacity;
            if (ids.isEmpty()) {
                warnings.add(molecule.id() + ": the catalog lists no MetaCyc pathway, so its capacity is set to 0"
                        + " in every sample");
            } else {
                warnIfIncomplete(molecule.id(), "pathways", found, ids.size(), missing, warnings);
            }
        }
        return build(SignallingProfile.Source.PATHWAYS, pathways, byMolecule, coverage, warnings);
    }

    /**
     * Profiles a species-abundance table with the trait table given to {@link #withTraits}.
     *
     * @param species samples × taxa ({@code s__Genus_species}, MetaPhlAn lineages or {@code g__Genus}),
     *                any abundance unit (not TRANSFORMED); capacities are in that unit
     * @return capacities and coverage; molecules that are not columns of the trait table are absent
     * @throws IllegalStateException    if no trait table was given
     * @throws IllegalArgumentException if the table's unit is TRANSFORMED
     */
    public SignallingProfile profileSpecies(FeatureTable species) {
        if (traits == null) {
            throw new IllegalStateException("profileSpecies needs a trait table: use withTraits(TraitTable)");
        }
        requireAbundance(species);
        int n = species.sampleCount();
        int p = species.featureCount();
        List<String> warnings = new ArrayList<>();
        boolean hasSpecies = species.featureNames().stream().anyMatch(f -> lastRank(f).startsWith("s__"));
        boolean[] used = new boolean[p];
        int ignored = 0;
        for (int j = 0; j < p; j++) {
            String last = lastRank(species.featureNames().get(j));
            used[j] = !(hasSpecies && !last.startsWith("s__") && OTHER_RANK.matcher(last).matches());
            if (!used[j]) {
                ignored++;
            }
        }
        if (ignored > 0) {
            warnings.add(ignored + " rows of ranks above species were ignored because the table has species rows");
        }
        double[] abundance = new double[p];
        double totalAbundance = 0;
        for (int j = 0; j < p; j++) {
            if (used[j]) {
                for (int i = 0; i < n; i++) {
                    abundance[j] += species.get(i, j);
                }
                totalAbundance += abundance[j];
            }
        }
        double[][] byMolecule = new double[catalog.size()][];
        List<MoleculeCoverage> coverage = new ArrayList<>();
        for (int m = 0; m < catalog.size(); m++) {
            Molecule molecule = catalog.molecules().get(m);
            double[] capacity = new double[n];
            byMolecule[m] = capacity;
            List<String> unknown = new ArrayList<>();
            int usedTaxa = 0;
            int found = 0;
            double knownAbundance = 0;
            boolean inTable = traits.moleculeIds().contains(molecule.id());
            for (int j = 0; j < p; j++) {
                if (!used[j]) {
                    continue;
                }
                usedTaxa++;
                String taxon = species.featureNames().get(j);
                java.util.OptionalDouble trait = inTable ? traits.trait(taxon, molecule.id())
                        : java.util.OptionalDouble.empty();
                if (trait.isEmpty()) {
                    unknown.add(taxon);
                    continue;
                }
                found++;
                knownAbundance += abundance[j];
                double copies = trait.getAsDouble();
                for (int i = 0; i < n; i++) {
                    capacity[i] += species.get(i, j) * copies;
                }
            }
            Map<String, Double> abundanceOf = new HashMap<>();
            for (int j = 0; j < p; j++) {
                abundanceOf.put(species.featureNames().get(j), abundance[j]);
            }
            unknown.sort(Comparator.comparing((String t) -> -abundanceOf.get(t)).thenComparing(t -> t));
            double fraction = totalAbundance > 0 ? knownAbundance / totalAbundance : 0.0;
            coverage.add(new MoleculeCoverage(molecule.id(), found, usedTaxa, fraction, unknown));
            if (!inTable) {
                warnings.add(molecule.id() + ": not a column of the trait table, so its capacity is set to 0 in"
                        + " every sample");
            } else if (found == 0) {
                warnings.add(molecule.id() + ": no taxon of the table has a known trait, so its capacity is set to 0"
                        + " in every sample");
            } else if (!unknown.isEmpty()) {
                warnings.add(String.format(java.util.Locale.ROOT,
                        "%s: %d of %d taxa (%.1f%% of total abundance) have no known trait and count as"
                                + " nothing; most abundant: %s",
                        molecule.id(), unknown.size(), usedTaxa, 100 * (1 - fraction), firstFew(unknown)));
            }
        }
        return build(SignallingProfile.Source.SPECIES, species, byMolecule, coverage, warnings);
    }

    private SignallingProfile build(SignallingProfile.Source source, FeatureTable input, double[][] byMolecule,
            List<MoleculeCoverage> coverage, List<String> warnings) {
        int n = input.sampleCount();
        int q = byMolecule.length;
        double[] values = new double[n * q];
        for (int m = 0; m < q; m++) {
            for (int i = 0; i < n; i++) {
                values[i * q + m] = byMolecule[m][i];
            }
        }
        FeatureTable capacities = FeatureTable.ofRowMajor(input.sampleIds(), catalog.ids(), values, input.unit());
        return new SignallingProfile(source, capacities, coverage, warnings);
    }

    private static void warnIfIncomplete(String id, String what, int found, int total, List<String> missing,
            List<String> warnings) {
        if (found == 0) {
            warnings.add(id + ": none of its " + total + " " + what + " " + firstFew(missing)
                    + " was found, so its capacity is set to 0 in every sample");
        } else if (found < total) {
            warnings.add(id + ": " + found + " of " + total + " " + what + " found; missing " + firstFew(missing));
        }
    }

    private static String firstFew(List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return names.toString();
        }
        return names.subList(0, MAX_LISTED) + " and " + (names.size() - MAX_LISTED) + " more";
    }

    private static void requireAbundance(FeatureTable table) {
        if (!table.unit().isAbundance()) {
            throw new IllegalArgumentException("expected abundances but the table's unit is " + table.unit());
        }
    }

    /** Feature id → column indices (several features may share an id); stratified rows are skipped. */
    private static Map<String, int[]> columnsById(FeatureTable table) {
        Map<String, int[]> out = new HashMap<>();
        List<String> names = table.featureNames();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name.indexOf('|') >= 0) {
                continue;
            }
            String id = idOf(name);
            int[] previous = out.get(id);
            int[] next = previous == null ? new int[1] : java.util.Arrays.copyOf(previous, previous.length + 1);
            next[next.length - 1] = j;
            out.put(id, next);
        }
        return out;
    }

    private static boolean detected(FeatureTable table, int[] cols) {
        if (cols == null) {
            return false;
        }
        for (int j : cols) {
            for (int i = 0; i < table.sampleCount(); i++) {
                if (table.get(i, j) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addColumns(FeatureTable table, int[] cols, double[] into) {
        if (cols == null) {
            return;
        }
        for (int j : cols) {
            for (int i = 0; i < into.length; i++) {
                into[i] += table.get(i, j);
            }
        }
    }

    private static String lastRank(String taxon) {
        int bar = taxon.lastIndexOf('|');
        return bar >= 0 ? taxon.substring(bar + 1) : taxon;
    }

    /** Gene-family id kinds a HUMAnN user may have instead of KOs, with how to get KOs from them. */
    private static final List<String[]> OTHER_ID_KINDS = List.of(
            new String[] {"UniRef90_.*", "UniRef90 gene families", "humann_regroup_table --groups uniref90_ko"},
            new String[] {"UniRef50_.*", "UniRef50 gene families", "humann_regroup_table --groups uniref50_ko"},
            new String[] {"[0-9]+\\.([0-9]+|-)\\.([0-9]+|-)\\.([0-9]+|-|n[0-9]+)", "EC numbers (level-4 enzymes)",
                "humann_regroup_table --groups uniref90_ko on the gene-family table the EC table came from"},
            new String[] {".*RXN.*", "MetaCyc reactions",
                "humann_regroup_table --groups uniref90_ko on the gene-family table the reactions came from"},
            new String[] {"PF[0-9]{5}.*", "Pfam domains", "humann_regroup_table --groups uniref90_ko"},
            new String[] {"GO:[0-9]{7}.*", "GO terms", "humann_regroup_table --groups uniref90_ko"},
            new String[] {"(COG|ENOG|NOG)[0-9A-Z]+.*", "eggNOG orthologous groups",
                "humann_regroup_table --groups uniref90_ko"});

    /**
     * Refuses a gene table without a single KEGG ortholog id: profiling it would give a table of
     * zeros. Names what the ids are instead and how to regroup them to KOs.
     */
    private static void requireKoIds(FeatureTable genes) {
        IdKinds kinds = new IdKinds(Set.of());
        genes.featureNames().forEach(kinds::test);
        kinds.requireKoIds();
    }

    /**
     * The id kinds of a gene table's features, tallied one name at a time (so that a table read
     * as a stream, of which only the marker rows are kept, is judged as the whole table would be),
     * and, as a feature filter, whether a name is one of {@code keep}'s ids.
     */
    private static final class IdKinds implements Predicate<String> {
        private final Set<String> keep;
        private long names;
        private String first;
        private boolean ko;
        private final long[] counts = new long[OTHER_ID_KINDS.size()];
        private final String[] examples = new String[OTHER_ID_KINDS.size()];

        IdKinds(Set<String> keep) {
            this.keep = keep;
        }

        @Override
        public boolean test(String name) {
            names++;
            if (first == null) {
                first = name;
            }
            if (!ko) {
                ko = name.matches("K[0-9]+(:.*)?");
                for (int k = 0; k < counts.length && !ko; k++) {
                    if (name.matches(OTHER_ID_KINDS.get(k)[0])) {
                        counts[k]++;
                        if (examples[k] == null) {
                            examples[k] = name;
                        }
                    }
                }
            }
            return name.indexOf('|') < 0 && keep.contains(idOf(name));
        }

        void requireKoIds() {
            if (names == 0 || ko) {
                return;
            }
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] * 2 >= names) {
                    String[] kind = OTHER_ID_KINDS.get(k);
                    throw new IllegalArgumentException("profileGenes needs KEGG orthologs (K#####) but the table's "
                            + names + " features are " + kind[1] + " (" + counts[k] + " of them, e.g. '" + examples[k]
                            + "'); regroup them to KOs first: " + kind[2]);
                }
            }
            throw new IllegalArgumentException("profileGenes needs KEGG orthologs (K#####) but none of the table's "
                    + names + " features is one (e.g. '" + first + "'); regroup a HUMAnN gene-family table "
                    + "with humann_regroup_table --groups uniref90_ko, or profile a pathway table with profilePathways");
        }
    }

    /** The id of a feature name: the part before {@code ": "}, stripped. */
    private static String idOf(String name) {
        int colon = name.indexOf(": ");
        return (colon >= 0 ? name.substring(0, colon) : name).strip();
    }
}
