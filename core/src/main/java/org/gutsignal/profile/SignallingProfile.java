package org.gutsignal.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gutsignal.cohort.FeatureTable;

/**
 * The result of {@link SignallingProfiler}: per-sample molecule capacities and how well the
 * input covered each molecule.
 *
 * <p>{@link #capacities()} always has one column per catalog molecule, in catalog order, with
 * the input table's unit (capacities are sums of the input's values, so they keep its scale: see
 * {@link SignallingProfiler}); the sample rows are the input's. A molecule none of whose markers, pathways or taxa was found keeps its column, filled
 * with 0 (so tables profiled from different cohorts have the same columns), and is listed in
 * {@link #absentMolecules()} and {@link #warnings()}: a zero column is never silent.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignallingProfile {

    /** The kind of table a profile was computed from. */
    public enum Source {
        /** Gene families / KEGG KO abundances. */
        GENES,
        /** MetaCyc pathway abundances (HUMAnN). */
        PATHWAYS,
        /** Species abundances with a {@link TraitTable}. */
        SPECIES
    }

    private final Source source;
    private final FeatureTable capacities;
    private final List<MoleculeCoverage> coverage;
    private final List<String> warnings;

    SignallingProfile(Source source, FeatureTable capacities, List<MoleculeCoverage> coverage,
            List<String> warnings) {
        this.source = source;
        this.capacities = capacities;
        this.coverage = List.copyOf(coverage);
        this.warnings = List.copyOf(warnings);
    }

    /** The kind of input table. */
    public Source source() {
        return source;
    }

    /** Samples × molecules, in the input table's unit (its abundance scale, times copy number for species). */
    public FeatureTable capacities() {
        return capacities;
    }

    /** Coverage per molecule, in catalog order (unmodifiable). */
    public List<MoleculeCoverage> coverage() {
        return coverage;
    }

    /** Coverage of one molecule, if it is in the catalog. */
    public Optional<MoleculeCoverage> coverage(String moleculeId) {
        return coverage.stream().filter(c -> c.moleculeId().equals(moleculeId)).findFirst();
    }

    /** Ids of molecules for which nothing was found (their capacity column is all 0). */
    public List<String> absentMolecules() {
        List<String> out = new ArrayList<>();
        for (MoleculeCoverage c : coverage) {
            if (c.absent()) {
                out.add(c.moleculeId());
            }
        }
        return List.copyOf(out);
    }

    /** Human-readable warnings: absent molecules, partial coverage, unknown taxa (unmodifiable). */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "SignallingProfile[" + source + ", " + capacities + ", absent " + absentMolecules() + "]";
    }
}
