package org.gutsignal.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One immunomodulatory molecule of a {@link MoleculeCatalog}: what it is, which genes or
 * pathways mark the community's capacity to make it, how those combine, and which way it is
 * expected to push response.
 *
 * <p>{@code markerSteps} is a list of steps, each a list of alternative marker ids (KEGG KO
 * such as {@code K01662}, or any gene-family id). For {@link Aggregation#MARKER} every step
 * has exactly one marker and the capacity is their sum; for {@link Aggregation#PATHWAY_MIN}
 * the capacity is the minimum over steps of the sum of each step's alternatives. A marker may
 * appear in two steps of a pathway (the bifunctional ispDF gene K12506 does), but not twice in
 * one step, and a {@code MARKER} molecule may not list a marker twice. {@code pathways} are
 * MetaCyc pathway ids (as HUMAnN writes them, e.g. {@code NONMEVIPP-PWY}), possibly empty.
 *
 * <p>A molecule needs markers, pathways or both. One with pathways only is profiled from pathway
 * tables; profiled from a gene table it is absent (zero column, listed in the profile's absent
 * molecules and warnings), and its aggregation is not used.
 *
 * <p>Immutable and thread-safe; lists are unmodifiable copies.
 *
 * @param id          unique id, e.g. {@code HMBPP} (letters, digits, {@code _})
 * @param name        human-readable name
 * @param hostTarget  host receptor or pathway (may be empty)
 * @param markerSteps marker ids per step (empty only if there are pathways)
 * @param pathways    MetaCyc pathway ids (empty only if there are markers)
 * @param aggregation how markers combine
 * @param direction   expected effect on response
 * @param evidence    evidence level (free text, may be empty)
 * @param reference   a DOI ({@code doi:...}) or {@code none} (may be empty)
 * @param verified    what was and was not verified about the markers (free text, may be empty)
 */
public record Molecule(String id, String name, String hostTarget, List<List<String>> markerSteps,
        List<String> pathways, Aggregation aggregation, Direction direction, String evidence, String reference,
        String verified) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");
    static final Pattern MARKER_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");
    static final Pattern PATHWAY_ID = Pattern.compile("[A-Za-z0-9_.+\\-]+");

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the id, a marker or a pathway id is malformed, there are
     *                                  neither markers nor pathways, a step is empty, a {@code MARKER} step has
     *                                  alternatives, or a marker repeats where it may not
     * @throws NullPointerException     if any argument is null
     */
    public Molecule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostTarget, "hostTarget");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(verified, "verified");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("molecule id '" + id + "' is not letters, digits and '_'");
        }
        if (markerSteps.isEmpty() && pathways.isEmpty()) {
            throw new IllegalArgumentException("molecule " + id + " has neither markers nor pathways");
        }
        List<List<String>> steps = new ArrayList<>(markerSteps.size());
        Set<String> all = new LinkedHashSet<>();
        for (List<String> step : markerSteps) {
            if (step.isEmpty()) {
                throw new IllegalArgumentException("molecule " + id + " has an empty marker step");
            }
            if (aggregation == Aggregation.MARKER && step.size() > 1) {
                throw new IllegalArgumentException("molecule " + id
                        + " aggregates by MARKER, so its markers cannot have alternatives " + step);
            }
            Set<String> inStep = new LinkedHashSet<>();
            for (String marker : step) {
                if (!MARKER_ID.matcher(marker).matches()) {
                    throw new IllegalArgumentException("molecule " + id + " has a malformed marker id '" + marker + "'");
                }
                if (!inStep.add(marker)) {
                    throw new IllegalArgumentException("molecule " + id + " lists marker " + marker + " twice in one step");
                }
                if (aggregation == Aggregation.MARKER && !all.add(marker)) {
                    throw new IllegalArgumentException("molecule " + id + " lists marker " + marker + " twice");
                }
            }
            steps.add(List.copyOf(step));
        }
        markerSteps = List.copyOf(steps);
        for (String p : pathways) {
            if (!PATHWAY_ID.matcher(p).matches()) {
                throw new IllegalArgumentException("molecule " + id + " has a malformed pathway id '" + p + "'");
            }
        }
        pathways = List.copyOf(pathways);
    }

    /** All distinct marker ids, in order of first appearance (empty for a pathways-only molecule). */
    public List<String> markers() {
        Set<String> all = new LinkedHashSet<>();
        markerSteps.forEach(all::addAll);
        return List.copyOf(all);
    }
}
