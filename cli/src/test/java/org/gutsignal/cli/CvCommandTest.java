package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gutsignal.cohort.Splitters;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.CrossValidation;
import org.gutsignal.eval.CvResult;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.model.ResponseModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvCommandTest {

    @TempDir
    Path tmp;

    private static List<List<String>> rows(Path file) throws java.io.IOException {
        List<List<String>> rows = new ArrayList<>();
        DelimitedText.read(file, (cells, line) -> rows.add(cells));
        return rows;
    }

    private static double num(String cell) {
        return cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
    }

    @Test
    void leaveOneSiteOutMatchesTheApi() throws Exception {
        Path dir = tmp.resolve("cv");
        CliRun r = CliRun.of(CliRun.cohortArgs("cv", "-o", dir.toString(), "--split", "logo"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("fold 6/6 done"), r.err());
        CvResult<ResponseModel> cv = CrossValidation.of(Splitters.leaveOneGroupOut())
                .run(FitCommandTest.defaults()::fit, CliRun.cohort());

        List<List<String>> groups = rows(dir.resolve("groups.tsv"));
        assertEquals(List.of("group", "n", "responders", "auroc", "ci_lower", "ci_upper", "degenerate"), groups.get(0));
        Map<String, Auroc> byGroup = cv.aurocByGroup();
        assertEquals(byGroup.size() + 1, groups.size());
        int k = 1;
        for (Map.Entry<String, Auroc> e : byGroup.entrySet()) {
            List<String> row = groups.get(k++);
            Auroc a = e.getValue();
            assertEquals(e.getKey(), row.get(0));
            assertEquals(a.positives() + a.negatives(), Integer.parseInt(row.get(1)));
            assertEquals(a.positives(), Integer.parseInt(row.get(2)));
            assertEquals(a.value(), num(row.get(3)));
            assertEquals(a.ci95().lower(), num(row.get(4)));
            assertEquals(a.ci95().upper(), num(row.get(5)));
            assertEquals("FALSE", row.get(6));
        }

        List<List<String>> pooled = rows(dir.resolve("pooled.tsv"));
        assertEquals(List.of("method", "k", "estimate", "ci_lower", "ci_upper", "pi_lower", "pi_upper", "tau2", "i2",
                "q", "q_p", "excluded"), pooled.get(0));
        PooledAuroc p = cv.pooledByGroup();
        List<String> row = pooled.get(1);
        assertEquals(p.method().label(), row.get(0));
        assertEquals(p.k(), Integer.parseInt(row.get(1)));
        double[] expected = {p.estimate(), p.ci95().lower(), p.ci95().upper(), p.predictionInterval95().lower(),
            p.predictionInterval95().upper(), p.tau2(), p.i2(), p.q(), p.qPValue()};
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], num(row.get(j + 2)), pooled.get(0).get(j + 2));
        }

        List<List<String>> scores = rows(dir.resolve("oof_scores.tsv"));
        assertEquals(List.of("sample_id", "group", "label", "repeat", "score"), scores.get(0));
        double[] oof = cv.outOfFold(0);
        for (int i = 0; i < oof.length; i++) {
            assertEquals(cv.sampleIds().get(i), scores.get(i + 1).get(0));
            assertEquals(oof[i], num(scores.get(i + 1).get(4)));
        }
        List<List<String>> summary = rows(dir.resolve("summary.tsv"));
        assertTrue(summary.contains(List.of("auroc_concatenated",
                DelimitedText.format(cv.aurocConcatenated().value()))), summary.toString());
        List<List<String>> folds = rows(dir.resolve("folds.tsv"));
        assertEquals(List.of("repeat", "fold", "held_out_groups", "n_test", "auroc", "degenerate", "intercept_only"),
                folds.get(0));
        assertEquals(List.of("0", "0", "site1"), folds.get(1).subList(0, 3));
        Map<String, Double> freq = CvResult.selectionFrequency(cv.predictors());
        List<List<String>> selection = rows(dir.resolve("selection.tsv"));
        assertEquals(freq.size() + 1, selection.size());
        assertEquals(freq.get(selection.get(1).get(0)), num(selection.get(1).get(1)));
    }

    @Test
    void oneSeedGivesByteIdenticalFilesWhateverTheThreads() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String[] common = {"--split", "repeated:3:2", "--seed", "7", "--folds", "3", "-q"};
        assertEquals(0, CliRun.of(concat(CliRun.cohortArgs("cv", "-o", a.toString(), "--threads", "1"), common))
                .exitCode());
        CliRun second = CliRun.of(concat(CliRun.cohortArgs("cv", "-o", b.toString(), "--threads", "2"), common));
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(Files.notExists(a.resolve("groups.tsv")), "no groups for an ungrouped split");
        for (String name : List.of("oof_scores.tsv", "folds.tsv", "summary.tsv", "selection.tsv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
        assertEquals(2 * 926 + 1, Files.readAllLines(a.resolve("oof_scores.tsv")).size());
    }

    @Test
    void unknownSplitIsExit3() {
        CliRun r = CliRun.of(CliRun.cohortArgs("cv", "-o", tmp.toString(), "--split", "loo"));
        assertEquals(3, r.exitCode());
        assertTrue(r.err().startsWith("gutsignal cv: --split must be"), r.err());
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
