package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.stats.AssociationTable;
import org.gutsignal.stats.Associations;
import org.gutsignal.stats.BenjaminiHochberg;
import org.gutsignal.stats.FeatureAssociation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssocTest {

    static final Path META = Path.of("testdata/synthetic/metadata.tsv");

    @TempDir
    Path dir;

    @Test
    void everyRowIsTheLibrarysAndTheQValuesAreBhOfThePValues() throws Exception {
        Path out = dir.resolve("assoc.tsv");
        Cli.Run r = Cli.run("assoc", MergeTest.SPECIES, "-m", META, "--per-group", "-o", out);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("left out 21 samples of unknown response"), r.err());
        Cohort c = Cohort.join(FeatureTableReader.metaphlan().read(MergeTest.SPECIES), MetadataReader.gutsignal()
                .read(META), JoinPolicy.STRICT, "species", "metadata").labelled();
        AssociationTable expected = Associations.withDefaults().byGroup(true)
                .test(c.features(), c.labels(), c.metadata().groups().toArray(String[]::new));
        List<List<String>> rows = Cli.rows(out);
        assertEquals(Assoc.COLUMNS, rows.get(0));
        assertEquals(160 * 7, expected.rows().size(), "all samples and six sites");
        assertEquals(expected.rows().size() + 1, rows.size());
        for (int k = 0; k < expected.rows().size(); k++) {
            FeatureAssociation f = expected.rows().get(k);
            assertEquals(List.of(f.group(), f.feature(), "" + f.responders(), "" + f.nonResponders(), "" + f.pValue(),
                    "" + f.qValue(), "" + f.exact(), "" + f.auroc(), "" + f.generalisedFoldChange(),
                    "" + f.medianDifference(), "" + f.prevalenceResponders(), "" + f.prevalenceNonResponders(),
                    f.direction().name().toLowerCase(Locale.ROOT)).stream().map(AssocTest::number).toList(),
                    rows.get(k + 1).stream().map(AssocTest::number).toList());
        }
        // independent of the table above: the README's class sizes, and BH of the written p-values
        List<List<String>> all = rows.subList(1, 161);
        assertTrue(all.stream().allMatch(row -> row.get(0).equals("all") && row.get(2).equals("372")
                && row.get(3).equals("554")));
        double[] p = all.stream().mapToDouble(row -> Double.parseDouble(row.get(4))).toArray();
        double[] q = all.stream().mapToDouble(row -> Double.parseDouble(row.get(5))).toArray();
        assertArrayEquals(BenjaminiHochberg.adjust(p), q);
        for (List<String> row : all) {
            double auroc = Double.parseDouble(row.get(7));
            assertEquals(auroc > 0.5 ? "higher_in_responders" : auroc < 0.5 ? "lower_in_responders" : "none",
                    row.get(12));
        }
    }

    /** A cell as a number where it is one, so 0.5 and 0.5000 compare equal; else the text. */
    private static Object number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    @Test
    void lee2022WithItsOwnColumnsAndLabels() throws Exception {
        Path out = dir.resolve("lee.csv");
        Cli.Run r = Cli.run("assoc", "testdata/lee2022/species_relab.tsv", "-m", "testdata/lee2022/metadata.tsv",
                "--id-column", "NCBI_accession", "--response-column", "ORR", "--labels", "yes_no", "--group-column",
                "subcohort", "--lenient", "--per-group", "--pseudo-count", "1e-4", "-o", out);
        assertEquals(0, r.code(), r.toString());
        List<String> groups = Cli.column(out, "group");
        assertTrue(groups.contains("all") && groups.stream().distinct().count() > 2, groups.toString());
        List<String> features = Cli.column(out, "feature");
        double[] p = Cli.doubles(Cli.column(out, "p"));
        double[] q = Cli.doubles(Cli.column(out, "q"));
        int n = (int) groups.stream().filter("all"::equals).count();
        assertEquals(FeatureTableReader.metaphlan().read(Path.of("testdata/lee2022/species_relab.tsv"))
                .featureCount(), n);
        assertArrayEquals(BenjaminiHochberg.adjust(java.util.Arrays.copyOf(p, n)), java.util.Arrays.copyOf(q, n));
        assertEquals(features.get(0), features.get(n), "each group lists the features in table order");
    }

    @Test
    void perGroupWithoutGroupsMalformedMetadataAndOutputOverInputExitThree() throws Exception {
        Cli.Run noGroups = Cli.run("assoc", "testdata/lee2022/species_relab.tsv", "-m",
                "testdata/lee2022/metadata.tsv", "--id-column", "NCBI_accession", "--response-column", "ORR",
                "--labels", "yes_no", "--lenient", "--per-group", "-o", dir.resolve("x.tsv"));
        assertEquals(3, noGroups.code());
        assertEquals("gutsignal assoc: --per-group needs the samples' groups: testdata/lee2022/metadata.tsv has none"
                + " (give --group-column COLUMN)\n", noGroups.err());

        Path meta = Files.writeString(dir.resolve("meta.tsv"), "sample_id\tresponse\tgroup\nP0001\tresponder\ts1\n"
                + "P0002\tmaybe\ts1\n");
        Cli.Run bad = Cli.run("assoc", MergeTest.SPECIES, "-m", meta, "-o", dir.resolve("y.tsv"));
        assertEquals(3, bad.code());
        assertTrue(bad.err().startsWith("gutsignal assoc: meta.tsv, line 3, column 2 ('response'): expected a response"
                + " label"), bad.err());
        assertEquals(1, bad.err().lines().count());

        Cli.Run over = Cli.run("assoc", MergeTest.SPECIES, "-m", META, "-o", META);
        assertEquals(3, over.code());
        assertEquals("gutsignal assoc: -o " + META + " is the input file " + META
                + ": choose another output, gutsignal never writes over its inputs\n", over.err());
    }
}
