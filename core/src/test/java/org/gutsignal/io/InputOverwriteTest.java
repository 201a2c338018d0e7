package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read as an input is not written over in the same run, through any name, unless allowed. */
class InputOverwriteTest {

    @TempDir
    Path dir;

    private FeatureTable readInput(Path f) throws IOException {
        Files.writeString(f, "sample,a\ns1,1\ns2,2\n");
        return FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(f);
    }

    @Test
    void aTableIsNotWrittenOverTheFileItWasReadFrom() throws IOException {
        Path f = dir.resolve("in.csv");
        FeatureTable t = readInput(f);
        FileSystemException e = assertThrows(FileSystemException.class, () -> FeatureTableWriter.samplesAsRows().write(t, f));
        assertEquals(f + ": refusing to write over a file read as an input in this run: write the output elsewhere,"
                + " or call AtomicFiles.allowOverwrite for it first", e.getMessage());
        assertEquals("sample,a\ns1,1\ns2,2\n", Files.readString(f), "the input is untouched");

        Path out = dir.resolve("out.csv"); // a new file is fine, and writing it twice too
        FeatureTableWriter.samplesAsRows().write(t, out);
        FeatureTableWriter.samplesAsRows().write(t, out);
    }

    @Test
    void anotherNameForTheInputIsRefusedToo() throws IOException {
        Path f = dir.resolve("in.csv");
        FeatureTable t = readInput(f);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), f);
        Path dotted = dir.resolve("sub/../in.csv");
        Files.createDirectories(dir.resolve("sub"));
        for (Path other : List.of(link, dotted)) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> FeatureTableWriter.samplesAsRows().write(t, other));
            assertEquals(other + ": refusing to write over a file read as an input in this run (" + f.toRealPath()
                    + "): write the output elsewhere, or call AtomicFiles.allowOverwrite for it first", e.getMessage());
        }
    }

    @Test
    void allowOverwriteLetsAnInPlaceUpdateThrough() throws IOException {
        Path f = dir.resolve("in.csv");
        FeatureTable t = readInput(f);
        AtomicFiles.allowOverwrite(f);
        FeatureTableWriter.samplesAsRows().write(t, f);
        assertEquals(t, FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(f));
        assertThrows(FileSystemException.class, () -> FeatureTableWriter.samplesAsRows().write(t, f), "read again: an input again");
    }

    @Test
    void everyReaderRecordsItsInput() throws IOException {
        Path meta = dir.resolve("meta.tsv");
        Files.writeString(meta, "sample_id\tresponse\tgroup\ns1\tresponder\ta\ns2\tnon_responder\ta\n");
        MetadataReader.gutsignal().read(meta);
        assertThrows(FileSystemException.class, () -> DelimitedText.write(meta, List.of("x"), List.<List<String>>of()));
        Path traits = dir.resolve("rows.tsv");
        Files.writeString(traits, "# a comment\na\tb\n");
        DelimitedText.readSkippingComments(traits, (cells, line) -> { });
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(traits, w -> w.write("x")));
    }

    @Test
    void forgetInputsStartsANewRun() throws IOException {
        Path f = dir.resolve("in.csv");
        FeatureTable t = readInput(f);
        AtomicFiles.forgetInputs();
        FeatureTableWriter.samplesAsRows().write(t, f);
    }
}
