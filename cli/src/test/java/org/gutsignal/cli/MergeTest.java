package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.FeatureTableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {

    static final Path SPECIES = Path.of("testdata/synthetic/species.tsv");
    static final Path KO = Path.of("testdata/synthetic/ko.tsv");

    @TempDir
    Path dir;

    /** Writes sample {@code i} of {@code t} as a one-sample MetaPhlAn profile holding only its detected species. */
    private Path profile(FeatureTable t, int i) throws Exception {
        List<String> detected = new ArrayList<>();
        for (int j = 0; j < t.featureCount(); j++) {
            if (t.get(i, j) > 0) {
                detected.add(t.featureNames().get(j));
            }
        }
        String id = t.sampleIds().get(i);
        Path f = dir.resolve("in").resolve(id + "_profile.tsv");
        FeatureTableWriter.featuresAsRows("clade_name").write(t.selectSamples(List.of(id)).selectFeatures(detected), f);
        return f;
    }

    @Test
    void perSampleProfilesMergeBackIntoTheTableTheyCameFrom() throws Exception {
        FeatureTable species = FeatureTableReader.metaphlan().read(SPECIES);
        List<Path> files = List.of(profile(species, 0), profile(species, 1), profile(species, 2));
        Path out = dir.resolve("merged.tsv");
        Cli.Run r = Cli.run("merge", files.get(0), files.get(1), files.get(2), "-o", out);
        assertEquals(0, r.code(), r.toString());
        assertEquals("clade_name\tP0001\tP0002\tP0003", Files.readAllLines(out).get(0), "MetaPhlAn layout kept");
        FeatureTable merged = FeatureTableReader.metaphlan().read(out);
        assertEquals(AbundanceUnit.PERCENT, merged.unit());
        assertEquals(List.of("P0001", "P0002", "P0003"), merged.sampleIds());
        int filled = 0;
        for (String f : merged.featureNames()) {
            for (int i = 0; i < 3; i++) {
                double v = species.get(i, species.indexOfFeature(f));
                assertEquals(v, merged.get(i, merged.indexOfFeature(f)), f);
                filled += v == 0 ? 1 : 0;
            }
        }
        assertTrue(filled > 0);
        assertTrue(r.err().contains("filled " + filled + " values with 0 in "), r.err());

        Path viaDir = dir.resolve("dir.tsv");
        assertEquals(0, Cli.run("merge", "--dir", dir.resolve("in"), "--glob", "*_profile.tsv", "-o", viaDir, "-q")
                .code());
        assertEquals(Files.readString(out), Files.readString(viaDir), "the same files in name order");
        Path threaded = dir.resolve("threads.tsv");
        Cli.Run t = Cli.run("merge", "--dir", dir.resolve("in"), "--glob", "*_profile.tsv", "--threads", "2", "-o",
                threaded);
        assertEquals(0, t.code(), t.toString());
        assertEquals(Files.readString(out), Files.readString(threaded), "read on two threads");
        assertEquals(r.err().replace("merged.tsv", "threads.tsv"), t.err(), "the same report");
        Cli.Run zero = Cli.run("merge", "--dir", dir.resolve("in"), "--glob", "*_profile.tsv", "--threads", "0", "-o",
                dir.resolve("zero.tsv"));
        assertEquals(3, zero.code(), zero.toString());
        assertTrue(zero.err().contains("--threads must be at least 1 but is 0"), zero.err());
        assertTrue(Files.notExists(dir.resolve("zero.tsv")));

        Path rows = dir.resolve("rows.csv");
        Cli.Run q = Cli.run("merge", "--dir", dir.resolve("in"), "--layout", "samples", "-o", rows, "--quiet");
        assertEquals(0, q.code(), q.toString());
        assertEquals("", q.err(), "--quiet");
        assertEquals(merged, FeatureTableReader.samplesAsRows().withUnit(AbundanceUnit.PERCENT).read(rows));
    }

    @Test
    void humannTablesOfDisjointSamplesMergeWithTheirUnit() throws Exception {
        FeatureTable ko = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(KO);
        List<String> firstFeatures = ko.featureNames().subList(0, 300);
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        FeatureTableWriter.featuresAsRows("# Gene Family").write(ko.selectSamples(ko.sampleIds().subList(0, 500))
                .selectFeatures(firstFeatures), a);
        FeatureTableWriter.featuresAsRows("# Gene Family").write(ko.selectSamples(ko.sampleIds().subList(500, 947)), b);
        Path out = dir.resolve("ko.tsv");
        Cli.Run r = Cli.run("merge", a, b, "--unit", "CPM", "-o", out);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("filled " + 100 * 500 + " values with 0 in 500 samples"), r.err());
        assertTrue(r.err().contains("read it back with --unit CPM"), r.err());
        FeatureTable merged = FeatureTableReader.humann().withUnit(AbundanceUnit.CPM).read(out);
        assertEquals(ko.sampleIds(), merged.sampleIds());
        for (int j = 0; j < ko.featureCount(); j++) {
            String f = ko.featureNames().get(j);
            int m = merged.indexOfFeature(f);
            for (int i = 0; i < ko.sampleCount(); i++) {
                assertEquals(i < 500 && j >= 300 ? 0.0 : ko.get(i, j), merged.get(i, m));
            }
        }
    }

    @Test
    void theSameSampleTwiceMalformedInputAndOutputOverInputExitThree() throws Exception {
        Cli.Run twice = Cli.run("merge", KO, KO, "--unit", "CPM", "-o", dir.resolve("x.tsv"));
        assertEquals(3, twice.code());
        assertEquals("gutsignal merge: sample id 'P0001' is in ko.tsv and in ko.tsv: sample ids must be unique"
                + " across the files (rename them with withSampleIdRename)\n", twice.err());

        Path bad = Files.writeString(dir.resolve("bad.tsv"), "clade_name\tS1\ns__A_b\t50\ns__C_d\tx\n");
        Cli.Run malformed = Cli.run("merge", SPECIES, bad, "-o", dir.resolve("y.tsv"));
        assertEquals(3, malformed.code());
        assertEquals("gutsignal merge: bad.tsv, line 3, column 2 ('S1'): expected a number but found 'x'\n",
                malformed.err(), "one line naming file, line and column");

        Path copy = Files.copy(SPECIES, dir.resolve("species.tsv"));
        Cli.Run over = Cli.run("merge", copy, bad, "-o", dir.resolve(".").resolve("species.tsv"));
        assertEquals(3, over.code());
        assertEquals("gutsignal merge: -o " + dir.resolve(".").resolve("species.tsv") + " is the input file " + copy
                + ": choose another output, gutsignal never writes over its inputs\n", over.err());
        assertEquals(Files.readString(SPECIES), Files.readString(copy));

        Cli.Run none = Cli.run("merge", "-o", dir.resolve("z.tsv"));
        assertEquals(3, none.code());
        assertEquals("gutsignal merge: give the files to merge, or --dir DIR [--glob GLOB]\n", none.err());
    }
}
