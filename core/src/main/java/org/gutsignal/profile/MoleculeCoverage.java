package org.gutsignal.profile;

import java.util.List;

/**
 * How much of a molecule's evidence the input table contained.
 *
 * <p>For gene and pathway tables, {@code found}/{@code total} count distinct marker (or
 * MetaCyc pathway) ids, a marker being found if its feature is present with a non-zero value
 * in at least one sample; {@code fraction = found / total}; {@code missing} lists the ids not
 * found. For species tables, {@code found}/{@code total} count taxa (features), {@code found}
 * being those with a known trait, {@code fraction} is the share of the table's summed abundance
 * (over all samples) held by taxa with a known trait, and {@code missing} lists the unknown
 * taxa, most abundant first.
 *
 * @param moleculeId the molecule
 * @param found      markers, pathways or taxa found
 * @param total      markers, pathways or taxa looked for
 * @param fraction   in [0, 1]; 0 if {@code total} is 0
 * @param missing    what was not found (unmodifiable)
 */
public record MoleculeCoverage(String moleculeId, int found, int total, double fraction, List<String> missing) {

    /** Copies {@code missing}. */
    public MoleculeCoverage {
        missing = List.copyOf(missing);
    }

    /** Whether nothing at all was found, so the molecule's capacity is 0 in every sample. */
    public boolean absent() {
        return found == 0;
    }
}
