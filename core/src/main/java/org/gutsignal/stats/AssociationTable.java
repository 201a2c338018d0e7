package org.gutsignal.stats;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link Associations#test}: one {@link FeatureAssociation} per feature for
 * the pooled samples (group {@link #ALL}), followed, when testing by group, by one per
 * feature for each group that has both responders and non-responders (groups in
 * lexicographic order, features in table order). Groups lacking a class are listed in
 * {@link #skippedGroups()}. Immutable and thread-safe.
 */
public final class AssociationTable {

    /** Group name of the pooled rows. */
    public static final String ALL = "all";

    private final List<FeatureAssociation> rows;
    private final List<String> skippedGroups;

    AssociationTable(List<FeatureAssociation> rows, List<String> skippedGroups) {
        this.rows = List.copyOf(rows);
        this.skippedGroups = List.copyOf(skippedGroups);
    }

    /** @return all rows, pooled first (unmodifiable) */
    public List<FeatureAssociation> rows() {
        return rows;
    }

    /**
     * @param group {@link #ALL} or a group name
     * @return the rows of that group in feature order (empty if the group was not tested)
     */
    public List<FeatureAssociation> rows(String group) {
        return rows.stream().filter(r -> r.group().equals(group)).toList();
    }

    /**
     * @param group {@link #ALL} or a group name
     * @param feature a feature name
     * @return the row, if that group and feature were tested
     */
    public Optional<FeatureAssociation> row(String group, String feature) {
        return rows.stream().filter(r -> r.group().equals(group) && r.feature().equals(feature)).findFirst();
    }

    /** @return groups not tested because they lack responders or non-responders (sorted) */
    public List<String> skippedGroups() {
        return skippedGroups;
    }

    @Override
    public String toString() {
        return "AssociationTable[" + rows.size() + " rows" + (skippedGroups.isEmpty() ? "" : ", skipped " + skippedGroups)
                + "]";
    }
}
