package org.gutsignal.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gutsignal.cohort.FeatureTable;

/**
 * The work behind {@link TraitTable#learn}: groups a stratified HUMAnN table's rows by stratum,
 * decides per stratum, sample and molecule whether the stratum carries the molecule, and pools
 * strata into species and genus rows. Rules and units are documented on {@link TraitTable#learn}.
 */
final class TraitLearner {

    private static final String UNCLASSIFIED = "unclassified";
    private static final String SPECIES_SEPARATOR = ".s__";

    private final FeatureTable table;
    private final MoleculeCatalog catalog;
    private final double minPrevalence;

    /** Stratum → (feature id → its columns), strata in first-seen order. */
    private final Map<String, Map<String, List<Integer>>> strata = new LinkedHashMap<>();
    private final Set<String> idsInStrata = new HashSet<>();
    private int unclassifiedRows;

    TraitLearner(FeatureTable table, MoleculeCatalog catalog, double minPrevalence) {
        this.table = table;
        this.catalog = catalog;
        this.minPrevalence = minPrevalence;
    }

    TraitTable.Learned learn() {
        groupRows();
        List<Molecule> learnable = new ArrayList<>();
        List<String> withoutEvidence = new ArrayList<>();
        for (Molecule m : catalog.molecules()) {
            boolean inTable = m.markers().stream().anyMatch(idsInStrata::contains)
                    || m.pathways().stream().anyMatch(idsInStrata::contains);
            if (inTable) {
                learnable.add(m);
            } else {
                withoutEvidence.add(m.id());
            }
        }
        if (learnable.isEmpty()) {
            throw new IllegalArgumentException("none of the catalog's markers or pathways " + catalog.ids()
                    + " is the feature of a classified stratified row, so no trait can be learned");
        }
        int n = table.sampleCount();
        Map<String, Tally> species = new LinkedHashMap<>();
        Map<String, Tally> genera = new LinkedHashMap<>();
        Set<String> skipped = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, List<Integer>>> e : strata.entrySet()) {
            String stratum = e.getKey();
            int dot = stratum.indexOf(SPECIES_SEPARATOR);
            String genus = dot >= 0 ? stratum.substring(0, dot) : stratum;
            String sp = dot >= 0 ? stratum.substring(dot + 1) : null;
            boolean genusOk = TraitTable.isGenus(genus);
            boolean speciesOk = sp != null && TraitTable.isSpecies(sp);
            if (!genusOk) {
                skipped.add(genus);
            }
            if (sp != null && !speciesOk) {
                skipped.add(sp);
            }
            if (!genusOk && !speciesOk) {
                continue;
            }
            boolean[] seen = new boolean[n];
            boolean[][] carried = new boolean[learnable.size()][n];
            for (int i = 0; i < n; i++) {
                for (List<Integer> cols : e.getValue().values()) {
                    seen[i] |= sum(cols, i) > 0;
                }
                for (int m = 0; m < learnable.size(); m++) {
                    carried[m][i] = carries(learnable.get(m), e.getValue(), i);
                }
            }
            if (speciesOk) {
                species.computeIfAbsent(sp, k -> new Tally(learnable.size(), n)).add(seen, carried);
            }
            if (genusOk) {
                genera.computeIfAbsent(genus, k -> new Tally(learnable.size(), n)).add(seen, carried);
            }
        }
        List<String> ids = learnable.stream().map(Molecule::id).toList();
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Integer> speciesWith = rowsFrom(species, ids, rows);
        int speciesRows = rows.size();
        Map<String, Integer> generaWith = rowsFrom(genera, ids, rows);
        int genusRows = rows.size() - speciesRows;
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no species or genus of the table's stratified rows has a non-zero"
                    + " value, so no trait can be learned");
        }
        return new TraitTable.Learned(TraitTable.of(ids, rows), speciesRows, genusRows, unclassifiedRows,
                List.copyOf(skipped), speciesWith, generaWith, withoutEvidence);
    }

    /** Adds a row per seen taxon to {@code rows}; returns per molecule how many of them have the trait. */
    private Map<String, Integer> rowsFrom(Map<String, Tally> tallies, List<String> ids, Map<String, double[]> rows) {
        Map<String, Integer> with = new LinkedHashMap<>();
        ids.forEach(id -> with.put(id, 0));
        tallies.forEach((taxon, tally) -> {
            if (tally.seen == 0) {
                return;
            }
            double[] values = new double[ids.size()];
            for (int m = 0; m < ids.size(); m++) {
                if ((double) tally.carried[m] / tally.seen >= minPrevalence) {
                    values[m] = 1;
                    with.merge(ids.get(m), 1, Integer::sum);
                }
            }
            rows.put(taxon, values);
        });
        return with;
    }

    private void groupRows() {
        List<String> names = table.featureNames();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            int bar = name.indexOf('|');
            if (bar < 0) {
                continue;
            }
            String label = name.substring(0, bar);
            int colon = label.indexOf(": ");
            String id = (colon >= 0 ? label.substring(0, colon) : label).strip();
            String stratum = name.substring(bar + 1).strip();
            if (stratum.equals(UNCLASSIFIED)) {
                unclassifiedRows++;
                continue;
            }
            idsInStrata.add(id);
            strata.computeIfAbsent(stratum, k -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new ArrayList<>())
                    .add(j);
        }
        if (strata.isEmpty() && unclassifiedRows == 0) {
            throw new IllegalArgumentException("expected stratified rows such as K00001|g__Genus.s__species but the"
                    + " table's " + names.size() + " features have none; read HUMAnN tables with"
                    + " FeatureTableReader.humann().withStratifiedRows(true)");
        }
    }

    /**
     * Whether one stratum carries a molecule in sample {@code i}: its gene markers give a non-zero
     * capacity by the molecule's aggregation (every step of a {@code PATHWAY_MIN} molecule, any
     * marker of a {@code MARKER} molecule), or any of its pathways is non-zero.
     */
    private boolean carries(Molecule molecule, Map<String, List<Integer>> rows, int i) {
        for (String pathway : molecule.pathways()) {
            if (sum(rows.get(pathway), i) > 0) {
                return true;
            }
        }
        if (molecule.markerSteps().isEmpty()) {
            return false;
        }
        if (molecule.aggregation() == Aggregation.MARKER) {
            return molecule.markers().stream().anyMatch(k -> sum(rows.get(k), i) > 0);
        }
        for (List<String> step : molecule.markerSteps()) {
            if (step.stream().noneMatch(k -> sum(rows.get(k), i) > 0)) {
                return false;
            }
        }
        return true;
    }

    private double sum(List<Integer> cols, int i) {
        if (cols == null) {
            return 0;
        }
        double s = 0;
        for (int j : cols) {
            s += table.get(i, j);
        }
        return s;
    }

    /** Per taxon: in how many samples it was seen, and carried each molecule (pooling its strata). */
    private static final class Tally {
        final boolean[] seenIn;
        final boolean[][] carriedIn;
        int seen;
        final int[] carried;

        Tally(int molecules, int samples) {
            seenIn = new boolean[samples];
            carriedIn = new boolean[molecules][samples];
            carried = new int[molecules];
        }

        void add(boolean[] seenNow, boolean[][] carriedNow) {
            for (int i = 0; i < seenIn.length; i++) {
                if (seenNow[i] && !seenIn[i]) {
                    seenIn[i] = true;
                    seen++;
                }
                for (int m = 0; m < carried.length; m++) {
                    if (carriedNow[m][i] && !carriedIn[m][i]) {
                        carriedIn[m][i] = true;
                        carried[m]++;
                    }
                }
            }
        }
    }
}
