package org.gutsignal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Tables#raggedRow}: the file, line and column of the row Spark's strict CSV parse refused. */
class TablesTest {

    @TempDir
    Path dir;

    @Test
    void aRaggedRowInAGzippedPartFileIsNamedByItsPathLineAndColumn() throws IOException {
        Path table = Files.createDirectory(dir.resolve("table.tsv"));
        Files.writeString(table.resolve("part-00000.tsv"), "sample_id\tHMBPP\tLPS\nP1\t1.5\t2\nP2\t3\t4\n");
        Files.writeString(table.resolve("_SUCCESS"), "");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(table.resolve("part-00001.tsv.gz")))) {
            out.write("sample_id\tHMBPP\tLPS\nP3\t1\t2\nP4\t3\nP5\t5\t6\n".getBytes(StandardCharsets.UTF_8));
        }
        String message = Tables.raggedRow(TestSpark.session(), table.toString(), '\t', "P4\t3");
        assertEquals(new org.apache.hadoop.fs.Path(table.resolve("part-00001.tsv.gz").toUri()) + ", line 3, column 3"
                + " ('LPS'): expected 3 cells as in the header but found 2 (a stray delimiter, a decimal comma?)",
                message);
    }

    @Test
    void aQuotedDelimiterIsOneCellAndAnUnfoundRowGivesNull() throws IOException {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, "sample_id,HMBPP\n\"P,1\",1.5,7\nP2,2\n");
        assertEquals(table + ", line 2, column 3: expected 2 cells as in the header but found 3 (a stray delimiter,"
                + " a decimal comma?)", Tables.raggedRow(TestSpark.session(), table.toString(), ',', "\"P,1\",1.5,7"));
        assertNull(Tables.raggedRow(TestSpark.session(), table.toString(), ',', "P9,1,2"));
        assertNull(Tables.raggedRow(TestSpark.session(), dir.resolve("absent-*.csv").toString(), ',', "P9,1,2"));
    }
}
