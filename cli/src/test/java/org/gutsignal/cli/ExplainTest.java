package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.model.Explanation;
import org.gutsignal.model.ResponseModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {

    @TempDir
    Path dir;

    final Path modelFile = Models.file();
    final ResponseModel model = Models.model();

    @Test
    void oneRowPerSampleAndFeatureThatAddUpToTheScore() throws Exception {
        Path out = dir.resolve("contributions.tsv");
        Cli.Run r = Cli.run("explain", MergeTest.KO, "--unit", "CPM", "--model", modelFile, "-o", out, "--samples",
                "P0003,P0001");
        assertEquals(0, r.code(), r.toString());
        List<List<String>> rows = Cli.rows(out);
        assertEquals(Explain.COLUMNS, rows.get(0));
        assertEquals(1 + 2 * Models.FEATURES, rows.size());
        FeatureTable ko = Models.ko();
        double[] p = model.score(ko);
        int k = 1;
        for (String id : List.of("P0003", "P0001")) {
            int i = ko.indexOfSample(id);
            Explanation e = model.explain(ko, i);
            double sum = Double.parseDouble(rows.get(k).get(5));
            for (Explanation.Contribution c : e.contributions()) {
                List<String> row = rows.get(k++);
                assertEquals(id, row.get(0));
                assertEquals(c.feature(), row.get(1));
                assertEquals(c.value(), Double.parseDouble(row.get(2)));
                assertEquals(c.coefficient(), Double.parseDouble(row.get(3)));
                assertEquals(model.coefficient(c.feature()), Double.parseDouble(row.get(3)));
                assertEquals(c.contribution(), Double.parseDouble(row.get(4)));
                assertEquals(model.intercept(), Double.parseDouble(row.get(5)));
                assertEquals(e.linearPredictor(), Double.parseDouble(row.get(6)));
                assertEquals(p[i], Double.parseDouble(row.get(7)), 1e-12, "the score's probability");
                sum += Double.parseDouble(row.get(4));
            }
            assertEquals(Double.parseDouble(rows.get(k - 1).get(6)), sum, 1e-9, "intercept + contributions");
        }
        Cli.Run all = Cli.run("explain", MergeTest.KO, "--unit", "CPM", "--model", modelFile, "-o", out, "-q");
        assertEquals(0, all.code(), all.toString());
        assertEquals(1 + 947 * Models.FEATURES, Cli.rows(out).size());
    }

    @Test
    void anUnknownSampleAndAMissingFeatureExitThree() throws Exception {
        Cli.Run unknown = Cli.run("explain", MergeTest.KO, "--unit", "CPM", "--model", modelFile, "-o",
                dir.resolve("x.tsv"), "--samples", "P0001,nobody");
        assertEquals(3, unknown.code());
        assertEquals("gutsignal explain: --samples: sample 'nobody' is not in " + MergeTest.KO + "\n", unknown.err());

        Cli.Run species = Cli.run("explain", MergeTest.SPECIES, "--model", modelFile, "-o", dir.resolve("y.tsv"));
        assertEquals(3, species.code());
        assertEquals(1, species.err().lines().count(), species.err());
    }
}
