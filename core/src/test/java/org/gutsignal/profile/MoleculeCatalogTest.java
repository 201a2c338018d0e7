package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gutsignal.cohort.CohortFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoleculeCatalogTest {

    static Path resource(String name) throws Exception {
        return Path.of(MoleculeCatalogTest.class.getResource("/profile/" + name).toURI());
    }

    @Test
    void builtInCatalogHasTheSharedMoleculesAndMarkers() {
        MoleculeCatalog c = MoleculeCatalog.builtIn();
        assertEquals(List.of("HMBPP", "LPS", "BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA"), c.ids());
        Molecule hmbpp = c.get("HMBPP").orElseThrow();
        assertEquals(Aggregation.PATHWAY_MIN, hmbpp.aggregation());
        assertEquals(Direction.STIMULATORY, hmbpp.direction());
        assertEquals(List.of(List.of("K01662"), List.of("K00099"), List.of("K00991", "K12506"), List.of("K00919"),
                List.of("K01770", "K12506"), List.of("K03526"), List.of("K03527")), hmbpp.markerSteps());
        assertEquals(List.of("NONMEVIPP-PWY", "PWY-7560"), hmbpp.pathways());
        assertEquals(8, hmbpp.markers().size());
        assertEquals(List.of("K00677", "K02535", "K02536", "K03269", "K00748", "K00912", "K02527"),
                c.get("LPS").orElseThrow().markers());
        assertEquals(Direction.INHIBITORY, c.get("LPS").orElseThrow().direction());
        assertEquals(List.of("K00929", "K00634", "K01034", "K01035"), c.get("BUTYRATE").orElseThrow().markers());
        assertEquals(Direction.UNCLEAR, c.get("BUTYRATE").orElseThrow().direction());
        assertEquals(List.of("K15868", "K15869", "K15870", "K15871", "K15872", "K15873", "K15874", "K01442"),
                c.get("SECONDARY_BILE_ACIDS").orElseThrow().markers());
        assertEquals(Direction.INHIBITORY, c.get("SECONDARY_BILE_ACIDS").orElseThrow().direction());
        assertEquals(List.of("7ALPHADEHYDROX-PWY", "PWY-7754"), c.get("SECONDARY_BILE_ACIDS").orElseThrow().pathways());
        assertEquals(List.of("CENTFERM-PWY", "PWY-5676"), c.get("BUTYRATE").orElseThrow().pathways());
        assertEquals(List.of("NAGLIPASYN-PWY"), c.get("LPS").orElseThrow().pathways());
        assertEquals(List.of("K01667"), c.get("INDOLE").orElseThrow().markers());
        assertEquals(List.of("K20038", "K20037"), c.get("TMA").orElseThrow().markers());
        assertEquals(Direction.STIMULATORY, c.get("TMA").orElseThrow().direction());
        for (Molecule m : c.molecules()) {
            assertTrue(m.reference().equals("none") || m.reference().startsWith("doi:10."), m.reference());
            assertTrue(!m.verified().isEmpty(), m.id());
        }
    }

    @Test
    void readsAUserCatalogInTsvWithCommentsAndOptionalColumns() throws Exception {
        MoleculeCatalog c = MoleculeCatalog.read(resource("catalog_ok.tsv"));
        assertEquals(List.of("A", "B"), c.ids());
        assertEquals(List.of(List.of("K1"), List.of("K2", "K3")), c.get("A").orElseThrow().markerSteps());
        assertEquals(List.of("PWY-1"), c.get("A").orElseThrow().pathways());
        assertEquals(List.of(), c.get("B").orElseThrow().pathways());
        assertEquals("", c.get("B").orElseThrow().hostTarget());
    }

    @Test
    void aRowWithPathwaysButNoMarkersIsAPathwaysOnlyMolecule() throws Exception {
        MoleculeCatalog c = MoleculeCatalog.read(resource("catalog_pathways_only.csv"));
        assertEquals(List.of("MEP", "IND"), c.ids());
        Molecule mep = c.get("MEP").orElseThrow();
        assertEquals(List.of(), mep.markerSteps());
        assertEquals(List.of("NONMEVIPP-PWY", "PWY-7560"), mep.pathways());
        assertEquals(List.of(List.of("K01667")), c.get("IND").orElseThrow().markerSteps());
        assertEquals(List.of(), c.get("IND").orElseThrow().pathways());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '!', value = {
        "catalog_unknown_aggregation.csv!2!4!line 2, column 4 ('aggregation'): expected MARKER or PATHWAY_MIN but found 'SUM'",
        "catalog_unknown_direction.csv!2!5!line 2, column 5 ('direction'): expected stimulatory, inhibitory or unclear but found 'positive'",
        "catalog_empty_markers.csv!2!3!line 2, column 3 ('markers'): expected at least one marker id (steps separated by ';'), or MetaCyc pathway ids in the column 'pathways', but the cell is empty and there are no pathways",
        "catalog_no_markers_no_pathways.csv!2!3!line 2, column 3 ('markers'): expected at least one marker id (steps separated by ';'), or MetaCyc pathway ids in the column 'pathways', but the cell is empty and there are no pathways",
        "catalog_duplicate_id.csv!4!1!line 4, column 1 ('id'): molecule id 'X' was already defined on line 2",
        "catalog_empty_step.csv!2!3!line 2, column 3 ('markers'): expected a marker id in step 2 of 'K00001;;K00002' but the step is empty",
        "catalog_alternatives_in_marker.csv!2!3!line 2, column 3 ('markers'): alternatives with '|' need aggregation PATHWAY_MIN but this molecule uses MARKER (step 1: 'K00001|K00002')",
        "catalog_bad_marker_id.csv!2!3!line 2, column 3 ('markers'): expected a marker id of letters, digits, '_', '.' or '-' but found 'K0 0002' in step 2",
        "catalog_long_row.csv!2!6!line 2, column 6: expected 5 cells like the header but found 6",
        "catalog_latin1.csv!2!2!line 2, column 2: expected UTF-8 text but found the byte 0xE9 (save the file as UTF-8)",
        "catalog_missing_column.csv!1!0!line 1: expected a column 'aggregation' (required: [id, name, markers, aggregation, direction]) but the header has [id, name, markers, direction]",
        "catalog_unknown_column.csv!1!6!line 1, column 6 ('colour'): expected one of the columns [id, name, host_target, markers, pathways, aggregation, direction, evidence, reference, verified] but found 'colour'",
        "catalog_repeated_column.csv!1!6!line 1, column 6 ('name'): column 'name' repeats column 2",
        "catalog_marker_twice.csv!2!3!line 2, column 3 ('markers'): marker K1 is listed twice",
        "catalog_twice_in_step.csv!2!3!line 2, column 3 ('markers'): marker K1 appears twice in step 1",
        "catalog_empty_alternative.csv!2!3!line 2, column 3 ('markers'): expected a marker id between '|' in step 1 ('K1|') but found an empty alternative",
        "catalog_duplicate_pathway.csv!2!6!line 2, column 6 ('pathways'): pathway PWY-1 is listed twice",
        "catalog_bad_id.csv!2!1!line 2, column 1 ('id'): expected a molecule id of letters, digits and '_' but found 'A-1'",
        "catalog_short_row.csv!2!5!line 2, column 5 ('direction'): expected 5 cells like the header but found 4",
        "catalog_comment_quote_short_row.csv!6!5!line 6, column 5 ('direction'): expected 5 cells like the header but found 4",
    })
    void malformedCatalogsNameFileLineColumnAndExpectation(String file, long line, int column, String message)
            throws Exception {
        Path path = resource(file);
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> MoleculeCatalog.read(path));
        assertEquals(path + ", " + message, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
    }

    @Test
    void aFileWithoutHeaderOrWithoutRowsIsAWholeFileError() throws Exception {
        Path empty = resource("catalog_empty.csv");
        CohortFormatException e = assertThrows(CohortFormatException.class, () -> MoleculeCatalog.read(empty));
        assertEquals(empty + ": expected a header line but the file is empty", e.getMessage());
        assertEquals(0, e.line());
        Path noRows = resource("catalog_no_rows.csv");
        assertEquals(noRows + ": expected at least one molecule row but found none",
                assertThrows(CohortFormatException.class, () -> MoleculeCatalog.read(noRows)).getMessage());
    }

    @Test
    void ofKeepsTheGivenOrderAndRejectsEmptyOrRepeatedIds() {
        Molecule a = new Molecule("A", "a", "", List.of(List.of("K1")), List.of(), Aggregation.MARKER,
                Direction.STIMULATORY, "", "", "");
        Molecule b = new Molecule("B", "b", "", List.of(List.of("K2")), List.of(), Aggregation.MARKER,
                Direction.INHIBITORY, "", "", "");
        MoleculeCatalog c = MoleculeCatalog.of(List.of(b, a));
        assertEquals(List.of("B", "A"), c.ids());
        assertEquals(List.of(b, a), c.molecules());
        assertEquals(2, c.size());
        assertEquals(Optional.of(a), c.get("A"));
        assertEquals(Optional.empty(), c.get("a"));
        assertEquals("MoleculeCatalog[B, A]", c.toString());
        assertEquals("a catalog needs at least one molecule",
                assertThrows(IllegalArgumentException.class, () -> MoleculeCatalog.of(List.of())).getMessage());
        assertEquals("duplicate molecule id A",
                assertThrows(IllegalArgumentException.class, () -> MoleculeCatalog.of(List.of(a, b, a)))
                        .getMessage());
    }

    @Test
    void catalogListsAreUnmodifiable() {
        MoleculeCatalog c = MoleculeCatalog.builtIn();
        assertThrows(UnsupportedOperationException.class, () -> c.molecules().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> c.ids().add("X"));
        assertEquals(6, c.size());
    }
}
