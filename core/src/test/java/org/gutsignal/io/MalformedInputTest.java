package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gutsignal.cohort.AbundanceUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.gutsignal.cohort.CohortFormatException;

/**
 * Golden-file test: every file in {@code io/malformed/} is read with the reader named in
 * {@code io/malformed_cases.tsv} and must fail with exactly the message written there. The
 * messages (lines, columns, header names) were derived by hand from the files' bytes.
 */
class MalformedInputTest {

    static Path resource(String name) {
        try {
            return Path.of(MalformedInputTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(String reader, Path file) throws IOException {
        switch (reader) {
            case "samples" -> FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.COUNTS).read(file);
            case "humann" -> FeatureTableReader.humann().read(file);
            case "metaphlan" -> FeatureTableReader.metaphlan().read(file);
            case "metadata" -> MetadataReader.of("id", "response", ResponseMapping.YES_NO).withGroupColumn("site")
                    .read(file);
            case "gutsignal" -> MetadataReader.gutsignal().read(file);
            default -> throw new IllegalArgumentException(reader);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/io/malformed_cases.tsv", delimiter = '\t', quoteCharacter = '`')
    void failsWithExactMessage(String file, String reader, String expected) {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> read(reader, resource("malformed/" + file)));
        assertEquals(expected, e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void everyCorpusFileHasACase() throws IOException {
        Set<String> listed;
        try (Stream<String> lines = Files.lines(resource("malformed_cases.tsv"))) {
            listed = lines.filter(l -> !l.startsWith("#")).map(l -> l.split("\t")[0]).collect(Collectors.toSet());
        }
        Set<String> files;
        try (Stream<Path> s = Files.list(resource("malformed"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).collect(Collectors.toSet());
        }
        assertEquals(files, listed);
        assertTrue(files.size() >= 25, "corpus size " + files.size());
    }

    @Test
    void exceptionFieldsLocateTheCell() {
        CohortFormatException e = assertThrows(CohortFormatException.class,
                () -> read("samples", resource("malformed/multiline_quoted_bad_number.csv")));
        assertEquals(8, e.line());
        assertEquals(3, e.column());
        assertEquals("K00002", e.columnName());
    }

    @Test
    void missingFileNamesThePath(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("nope.tsv");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> FeatureTableReader.metaphlan().read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        NoSuchFileException m = assertThrows(NoSuchFileException.class, () -> MetadataReader.gutsignal().read(missing));
        assertEquals(missing + ": no such file", m.getMessage());
    }

    @Test
    void directoryIsAnIoErrorNamingThePath(@org.junit.jupiter.api.io.TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> FeatureTableReader.humann().read(dir));
        assertTrue(e.getMessage().startsWith("cannot read " + dir + ": "), e.getMessage());
    }
}
