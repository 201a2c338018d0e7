package org.gutsignal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.ReadReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Profiling a table read as a stream that holds only the catalog's rows gives what profiling the
 * whole table gives, bit for bit (capacities, coverage, warnings), or the same refusal (led by the
 * file's name when the profiler refuses the ids): on the
 * bundled synthetic KO table (plain and gzip), the hand-made HUMAnN tables, and every real HUMAnN
 * table of the corpus that is present (testdata/formats/real; skipped in a clone without it).
 */
class StreamingProfileTest {

    private static final Path DATA = Path.of(System.getProperty("gutsignal.testdata", "../testdata"));
    private static final SignallingProfiler PROFILER = SignallingProfiler.of(MoleculeCatalog.builtIn());

    @TempDir
    Path tmp;

    private static void assertSame(SignallingProfile whole, SignallingProfile streamed) {
        assertEquals(whole.capacities(), streamed.capacities());
        assertEquals(whole.coverage(), streamed.coverage());
        assertEquals(whole.warnings(), streamed.warnings());
    }

    @Test
    void theSyntheticKoTablePlainAndCompressed() throws IOException {
        Path ko = DATA.resolve("synthetic/ko.tsv");
        Path gz = tmp.resolve("ko.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(ko, out);
        }
        FeatureTableReader reader = FeatureTableReader.humann();
        SignallingProfile whole = PROFILER.profileGenes(reader.read(ko));
        assertSame(whole, PROFILER.profileGenes(reader, ko));
        assertSame(whole, PROFILER.profileGenes(reader, gz));
        // the rows not held are counted: 400 KOs, of which the catalog's markers are held
        ReadReport r = reader.withFeatureFilter(name -> name.equals("K01662")).readWithReport(ko);
        assertEquals(List.of("K01662"), r.table().featureNames());
        assertEquals(399, r.droppedRows().get("not selected"));
    }

    @Test
    void theHandMadeHumannTables() throws IOException {
        FeatureTableReader reader = FeatureTableReader.humann();
        Path ko = DATA.resolve("formats/humann_ko_rpk.tsv");
        assertSame(PROFILER.profileGenes(reader.read(ko)), PROFILER.profileGenes(reader, ko));
        Path pathways = DATA.resolve("formats/humann_pathways.tsv");
        assertSame(PROFILER.profilePathways(reader.read(pathways)), PROFILER.profilePathways(reader, pathways));
    }

    static Stream<String> realHumannTables() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve("formats/real/EXPECTED.tsv"))) {
            String[] cells = line.split("\t");
            if (cells.length > 1 && cells[1].equals("humann") && !cells[0].endsWith(".biom")) {
                files.add(cells[0]);
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("realHumannTables")
    void everyRealHumannTableOfTheCorpus(String file) throws IOException {
        Path f = DATA.resolve("formats/real").resolve(file);
        Assumptions.assumeTrue(Files.exists(f), "the real corpus is not here: " + f);
        FeatureTableReader reader = FeatureTableReader.humann();
        for (boolean genes : new boolean[] {true, false}) {
            Object whole;
            try {
                whole = genes ? PROFILER.profileGenes(reader.read(f)) : PROFILER.profilePathways(reader.read(f));
            } catch (IOException | IllegalArgumentException e) {
                whole = e;
            }
            if (whole instanceof Exception e) {
                Exception streamed = assertThrows(e.getClass(), () -> {
                    if (genes) {
                        PROFILER.profileGenes(reader, f);
                    } else {
                        PROFILER.profilePathways(reader, f);
                    }
                });
                // a refusal of the ids names the file when the profiler read it; a read error already does
                assertEquals(e instanceof IllegalArgumentException ? f.getFileName() + ": " + e.getMessage()
                        : e.getMessage(), streamed.getMessage(), file);
            } else {
                assertSame((SignallingProfile) whole,
                        genes ? PROFILER.profileGenes(reader, f) : PROFILER.profilePathways(reader, f));
            }
        }
    }
}
