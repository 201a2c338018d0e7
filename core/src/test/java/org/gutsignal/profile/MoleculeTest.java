package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoleculeTest {

    private static Molecule molecule(String id, List<List<String>> steps, List<String> pathways, Aggregation a) {
        return new Molecule(id, "name", "", steps, pathways, a, Direction.UNCLEAR, "", "", "");
    }

    private static String rejected(String id, List<List<String>> steps, List<String> pathways, Aggregation a) {
        return assertThrows(IllegalArgumentException.class, () -> molecule(id, steps, pathways, a)).getMessage();
    }

    @Test
    void aPathwayMayReuseAMarkerInAnotherStepAndMarkersListsItOnce() {
        Molecule m = molecule("P", List.of(List.of("K1"), List.of("K2", "K9"), List.of("K3", "K9")), List.of(),
                Aggregation.PATHWAY_MIN);
        assertEquals(List.of("K1", "K2", "K9", "K3"), m.markers());
    }

    @Test
    void stepsAndPathwaysAreUnmodifiableCopies() {
        List<String> step = new ArrayList<>(List.of("K1"));
        List<List<String>> steps = new ArrayList<>(List.of(step));
        List<String> pathways = new ArrayList<>(List.of("PWY-1"));
        Molecule m = molecule("M", steps, pathways, Aggregation.MARKER);
        step.add("K2");
        steps.add(List.of("K3"));
        pathways.clear();
        assertEquals(List.of(List.of("K1")), m.markerSteps());
        assertEquals(List.of("PWY-1"), m.pathways());
        assertThrows(UnsupportedOperationException.class, () -> m.markerSteps().get(0).add("K4"));
        assertThrows(UnsupportedOperationException.class, () -> m.pathways().add("PWY-2"));
    }

    @Test
    void malformedIdsAreRejectedWithTheOffendingText() {
        assertEquals("molecule id 'TMA-O' is not letters, digits and '_'",
                rejected("TMA-O", List.of(List.of("K1")), List.of(), Aggregation.MARKER));
        assertEquals("molecule id '' is not letters, digits and '_'",
                rejected("", List.of(List.of("K1")), List.of(), Aggregation.MARKER));
        assertEquals("molecule M has a malformed marker id 'K 1'",
                rejected("M", List.of(List.of("K 1")), List.of(), Aggregation.MARKER));
        assertEquals("molecule M has a malformed pathway id 'PWY 1'",
                rejected("M", List.of(List.of("K1")), List.of("PWY 1"), Aggregation.MARKER));
        // the documented id alphabets: markers may hold '.', '-'; pathways also '+'
        assertEquals(List.of("PWY-7+"), molecule("M", List.of(List.of("gene.1-a")), List.of("PWY-7+"),
                Aggregation.MARKER).pathways());
    }

    @Test
    void stepsMustBeNonEmptyAndMarkerMoleculesHaveNoAlternativesOrRepeats() {
        assertEquals("molecule M has neither markers nor pathways", rejected("M", List.of(), List.of(),
                Aggregation.MARKER));
        assertEquals("molecule M has an empty marker step",
                rejected("M", List.of(List.of("K1"), List.of()), List.of(), Aggregation.PATHWAY_MIN));
        assertEquals("molecule M aggregates by MARKER, so its markers cannot have alternatives [K1, K2]",
                rejected("M", List.of(List.of("K1", "K2")), List.of(), Aggregation.MARKER));
        assertEquals("molecule M lists marker K1 twice",
                rejected("M", List.of(List.of("K1"), List.of("K1")), List.of(), Aggregation.MARKER));
        assertEquals("molecule M lists marker K2 twice in one step",
                rejected("M", List.of(List.of("K2", "K2")), List.of(), Aggregation.PATHWAY_MIN));
    }

    @Test
    void aMoleculeMayHavePathwaysWithoutMarkers() {
        Molecule m = molecule("MEP", List.of(), List.of("NONMEVIPP-PWY", "PWY-7560"), Aggregation.PATHWAY_MIN);
        assertEquals(List.of(), m.markerSteps());
        assertEquals(List.of(), m.markers());
        assertEquals(List.of("NONMEVIPP-PWY", "PWY-7560"), m.pathways());
    }

    @Test
    void nullFieldsAreNamed() {
        assertEquals("direction", assertThrows(NullPointerException.class, () -> new Molecule("M", "m", "",
                List.of(List.of("K1")), List.of(), Aggregation.MARKER, null, "", "", "")).getMessage());
        assertEquals("verified", assertThrows(NullPointerException.class, () -> new Molecule("M", "m", "",
                List.of(List.of("K1")), List.of(), Aggregation.MARKER, Direction.UNCLEAR, "", "", null))
                .getMessage());
    }

    @Test
    void directionTokensAreTheLowerCaseNames() {
        assertEquals("stimulatory", Direction.STIMULATORY.token());
        assertEquals("inhibitory", Direction.INHIBITORY.token());
        assertEquals("unclear", Direction.UNCLEAR.token());
    }
}
