package org.gutsignal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.SampleIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real published tool outputs (testdata/formats/real/SOURCES.tsv lists where each comes from):
 * each is read with the right values and unit, or refused with a message that says what the file
 * is. Expected sample ids, cells and column sums come from EXPECTED.tsv, which make_expected.py
 * derives from the files with Python's own parsers, independently of gutsignal.
 *
 * <p>The files themselves live in the steering repository's {@code shared/realdata/formats-real/}
 * (fetched material is not committed here) or, once copied, in {@code testdata/formats/real/};
 * {@code -Dgutsignal.realformats=DIR} points elsewhere. A missing file skips its case.
 */
class RealFormatsTest {

    /**
     * The real files gutsignal refuses, with the part of the message that says what the file is
     * (each refusal was read by a person and judged right: these tables cannot be read correctly
     * as they are).
     */
    private static final java.util.Map<String, String> REFUSED = java.util.Map.of(
            "humann/head/demo_pathcoverage_with_names.tsv", "this is a HUMAnN pathway coverage column",
            "humann/v3.6/demo_pathcoverage_with_names.tsv", "this is a HUMAnN pathway coverage column",
            "humann/v2.8.2/demo_pathcoverage_with_names.tsv", "this is a HUMAnN pathway coverage column",
            "galaxy/humann/demo_joined_pathabundance_pathcoverage.tsv", "this is a HUMAnN pathway coverage column",
            "metaphlan2/HMP.species.slice.txt", "none of the 34 rows is a MetaPhlAn clade with rank prefixes",
            "metaphlan2/merge-very-good.slice.txt", "duplicate sample id 'MetaHIT' (first in column 2)",
            "galaxy/metaphlan2/merged_community_profile.tabular", "duplicate sample id 'community' from "
                    + "'community_profile' (first in column 2)",
            "hmp2/Maaslin2_HMP2_taxonomy.slice.tsv", "if the samples are rows, read it with samplesAsRows()",
            "hmp2/maaslin3_HMP2_taxonomy.slice.tsv", "expected a HUMAnN header");

    /** MetaPhlAn's placeholder sample names: a single-sample profile is then named after its file. */
    private static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("Metaphlan_Analysis",
            "Metaphlan2_Analysis");
    private static final Path META = Path.of(System.getProperty("gutsignal.testdata", "../testdata"), "formats", "real");

    record Expected(String file, String kind, String unitAsWritten, List<String> samples, List<String[]> cells,
            String columnSums, String outcome) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> expected() throws IOException {
        List<String> lines = Files.readAllLines(META.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        List<Expected> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            List<String[]> cells = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                String f = c[header.indexOf("feature" + k)];
                if (!f.isEmpty() && !f.equals("NA")) {
                    cells.add(new String[] {f, c[header.indexOf("sample" + k)], c[header.indexOf("value" + k)]});
                }
            }
            int outcome = header.indexOf("gutsignal");
            out.add(new Expected(c[0], c[header.indexOf("kind")], c[header.indexOf("unit_as_written")],
                    Arrays.asList(c[header.indexOf("sample_ids")].split(";")), cells, c[header.indexOf("column_sums")],
                    outcome < 0 ? "" : c[outcome]));
        }
        return out.stream();
    }

    static Path locate(String file) {
        List<Path> roots = new ArrayList<>();
        String dir = System.getProperty("gutsignal.realformats");
        if (dir != null) {
            roots.add(Path.of(dir));
        }
        roots.add(META);
        roots.add(Path.of("..", "..", "shared", "realdata", "formats-real"));
        for (Path root : roots) {
            Path p = root.resolve(file);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The species columns sum as make_expected.py found (MetaPhlAn: rows whose last clade is
     * {@code s__}), to the 6 significant digits it wrote.
     */
    private static void checkColumnSums(Expected e, FeatureTable t, boolean metaphlan) {
        if (!metaphlan || e.columnSums().isEmpty() || e.columnSums().equals("NA")) {
            return;
        }
        for (String part : e.columnSums().split(";")) {
            int eq = part.lastIndexOf('=');
            String sample = part.substring(0, eq);
            double expected = Double.parseDouble(part.substring(eq + 1));
            int i = t.sampleCount() == 1 ? 0 : t.indexOfSample(SampleIds.stripToolSuffix(sample));
            assertTrue(i >= 0, e.file() + ": sample " + sample);
            double sum = 0;
            for (int j = 0; j < t.featureCount(); j++) {
                sum += t.get(i, j);
            }
            assertEquals(expected, sum, Math.abs(expected) * 5e-6 + 1e-9, e.file() + " species sum of " + sample);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void readsRightOrRefusesClearly(Expected e) throws Exception {
        Path p = locate(e.file());
        assumeTrue(p != null, "real file not present: " + e.file());
        boolean metaphlan = e.kind().startsWith("metaphlan");
        String refusal = REFUSED.get(e.file());
        if (refusal != null) {
            FeatureTableReader reader = metaphlan ? FeatureTableReader.metaphlan() : FeatureTableReader.humann();
            Exception x = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> reader.read(p));
            assertTrue(x instanceof IOException || x instanceof IllegalArgumentException, x.toString());
            assertTrue(x.getMessage().contains(refusal), x.getMessage());
            return;
        }
        boolean biom = e.kind().startsWith("biom");
        {
            FeatureTable t;
            if (biom) {
                // BIOM states no unit; these are counts or HUMAnN's reads per kilobase
                AbundanceUnit unit = e.unitAsWritten().startsWith("RPK") ? AbundanceUnit.RPK : AbundanceUnit.COUNTS;
                t = BiomReader.withDefaults().withUnit(unit).read(p);
                assertEquals(e.samples(), t.sampleIds(), e.file());
            } else {
                FeatureTableReader reader = metaphlan ? FeatureTableReader.metaphlan()
                        : FeatureTableReader.humann().withStratifiedRows(true).withUnmappedRows(true)
                                .withFullLabels(true);
                ReadReport r = reader.readWithReport(p);
                System.out.println(r.summary().replace("\n", " | "));
                t = r.table();
            }
            for (String[] cell : e.cells()) {
                String feature = metaphlan ? cell[0].substring(cell[0].lastIndexOf('|') + 1) : cell[0];
                String sample = PLACEHOLDERS.contains(cell[1]) || t.sampleCount() == 1 && !biom ? t.sampleIds().get(0)
                        : biom ? cell[1] : SampleIds.stripToolSuffix(cell[1]);
                int i = t.indexOfSample(sample);
                int j = t.indexOfFeature(feature);
                if (metaphlan && j < 0) {
                    continue; // a higher-rank row: not kept by the species reader
                }
                assertTrue(i >= 0, e.file() + ": sample " + sample + " in " + t.sampleIds());
                assertTrue(j >= 0, e.file() + ": feature " + feature);
                assertEquals(Double.parseDouble(cell[2]), t.get(i, j), 0, e.file() + " " + feature + " " + sample);
            }
            checkColumnSums(e, t, metaphlan);
        }
    }
}
