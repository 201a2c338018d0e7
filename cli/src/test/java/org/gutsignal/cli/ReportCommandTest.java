package org.gutsignal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesASelfContainedPageAndDecodablePngs() throws Exception {
        Path cv = tmp.resolve("cv");
        Path model = tmp.resolve("fit/model.json");
        assertEquals(0, CliRun.of(CliRun.cohortArgs("cv", "-o", cv.toString(), "--split", "logo", "-q")).exitCode());
        assertEquals(0, CliRun.of(CliRun.cohortArgs("fit", "-o", model.toString(), "-q")).exitCode());
        Path html = tmp.resolve("report/report.html");
        CliRun r = CliRun.of("report", "--cv", cv.toString(), "--model", model.toString(), "-o", html.toString());
        assertEquals(0, r.exitCode(), r.err());
        String page = Files.readString(html);
        assertEquals(5, page.split("data:image/png;base64,", -1).length - 1);
        assertTrue(page.contains("random effects (REML)"), "the pool table");
        assertTrue(page.contains("selected in CV folds"), "coefficients with selection frequency");
        for (String name : Report.PNGS) {
            BufferedImage image = ImageIO.read(html.resolveSibling(name).toFile());
            assertNotNull(image, name);
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, name);
        }
    }

    @Test
    void anUngroupedRunHasNoForestAndNoModelNoCoefficients() throws Exception {
        Path cv = tmp.resolve("cv");
        assertEquals(0, CliRun.of(CliRun.cohortArgs("cv", "-o", cv.toString(), "--split", "kfold:5", "-q"))
                .exitCode());
        Path html = tmp.resolve("r.html");
        assertEquals(0, CliRun.of("report", "--cv", cv.toString(), "-o", html.toString(), "-q").exitCode());
        assertEquals(3, Files.readString(html).split("data:image/png;base64,", -1).length - 1);
        assertTrue(Files.notExists(tmp.resolve("forest.png")));
    }

    @Test
    void aBrokenScoresFileIsExit3NamingTheLine() throws Exception {
        Path cv = tmp.resolve("cv");
        Files.createDirectories(cv);
        Files.writeString(cv.resolve("oof_scores.tsv"), "sample_id\tgroup\tlabel\trepeat\tscore\nP1\ts\t1\t0\t0.3\n"
                + "P2\ts\tyes\t0\t0.2\n");
        Files.writeString(cv.resolve("summary.tsv"), "key\tvalue\n");
        CliRun r = CliRun.of("report", "--cv", cv.toString(), "-o", tmp.resolve("r.html").toString());
        assertEquals(3, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("oof_scores.tsv") && r.err().contains("line 3"), r.err());
    }
}
