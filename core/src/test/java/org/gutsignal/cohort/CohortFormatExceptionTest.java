package org.gutsignal.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CohortFormatExceptionTest {

    @Test
    void aCellErrorNamesFileLineColumnAndHeader() {
        CohortFormatException e = CohortFormatException.at("species.tsv", 7, 3, "ERR6281944",
                "expected a non-negative number but found 'abc'");
        assertEquals("species.tsv, line 7, column 3 ('ERR6281944'): expected a non-negative number but found 'abc'",
                e.getMessage());
        assertEquals("species.tsv", e.file());
        assertEquals(7, e.line());
        assertEquals(3, e.column());
        assertEquals("ERR6281944", e.columnName());
    }

    @Test
    void aColumnWithoutHeaderIsGivenByIndexOnly() {
        CohortFormatException e = CohortFormatException.at("m.csv", 2, 5, null, "extra cell");
        assertEquals("m.csv, line 2, column 5: extra cell", e.getMessage());
        assertNull(e.columnName());
    }

    @Test
    void lineAndFileErrorsHaveZeroForWhatTheyLack() {
        CohortFormatException line = CohortFormatException.atLine("m.csv", 4, "ragged");
        assertEquals("m.csv, line 4: ragged", line.getMessage());
        assertEquals(4, line.line());
        assertEquals(0, line.column());
        CohortFormatException file = CohortFormatException.inFile("m.csv", "empty");
        assertEquals("m.csv: empty", file.getMessage());
        assertEquals(0, file.line());
        assertEquals(0, file.column());
        IOException asIo = file;
        assertEquals("m.csv: empty", asIo.getMessage());
    }

    @Test
    void linesAndColumnsBeyondIntRangeArePrinted() {
        assertEquals("big.tsv, line 3000000000, column 2147483648: x",
                CohortFormatException.at("big.tsv", 3_000_000_000L, 2_147_483_648L, null, "x").getMessage());
    }
}
