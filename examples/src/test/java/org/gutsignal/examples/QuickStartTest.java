package org.gutsignal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job runs end to end on the bundled data and writes what it promises. */
class QuickStartTest {

    @TempDir
    Path out;

    @Test
    void runsEndToEndAndWritesModelPlotsAndTables() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        QuickStart.run(out, new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Lee 2022 melanoma (real, MetaPhlAn species, label ORR): 164 samples"), printed);
        assertTrue(printed.contains("Validation site (144 labelled patients"), printed);
        for (String png : new String[] {"roc.png", "calibration.png", "coefficients.png", "auroc_by_site.png",
            "hmbpp_by_response.png", "precision_recall.png"}) {
            assertTrue(ImageIO.read(out.resolve(png).toFile()).getWidth() >= 600, png);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
        for (String csv : new String[] {"coefficients.csv", "cv_scores.csv", "validation_scores.csv"}) {
            assertTrue(Files.readAllLines(out.resolve(csv)).size() > 6, csv);
        }
        // model file format 4 since issue 13, which added each feature's "trainingVariance" and changed nothing
        // else (core's GoldenOutputsTest holds the same hash and checks the rest against the format-3 bytes of
        // issue 12 and the format-2 bytes pinned before issue 11)
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.resolve("model.json")));
        assertEquals("74c9078d73d250fbb546c99c6a84a96642af08a6c245f0291837b00787b96899",
                java.util.HexFormat.of().formatHex(sha));
        // the generator's truth: HMBPP and TMA raise, LPS and bile acids lower the odds of response
        ResponseModel model = ModelFiles.read(out.resolve("model.json"));
        assertTrue(model.coefficient("HMBPP") > 0 && model.coefficient("TMA") > 0, model.toString());
        assertTrue(model.coefficient("LPS") < 0 && model.coefficient("SECONDARY_BILE_ACIDS") < 0, model.toString());
    }
}
