package org.gutsignal.fuzz;

import static org.gutsignal.fuzz.FuzzInput.FUZZ_DURATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ModelFormatException;
import org.gutsignal.model.ResponseModel;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of {@link ModelFiles#read}: any bytes either read or are refused with an
 * {@link IOException} naming the file (line and column inside it), and a model that reads writes
 * back with {@link ModelFiles#write} to an equal model.
 *
 * <p>{@code mvn verify} replays the seed corpus in
 * {@code src/test/resources/org/gutsignal/fuzz/ModelFilesFuzzTestInputs/read/}; to fuzz for
 * {@link FuzzInput#FUZZ_DURATION} run
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl core test -Dtest=ModelFilesFuzzTest#read -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p><b>Known finding</b> (fuzzing, issue 15): {@code ModelFiles.read} decodes the file with
 * {@code Files.readString}, so bytes that are not UTF-8 end in a bare {@link MalformedInputException}
 * ({@code "Input length = 1"}) that names no file. {@link #read} lets that one exception pass, so
 * fuzzing goes on past it; {@link #invalidUtf8NamesTheFile} states the fix and is disabled until it
 * is made (then drop {@link #readKnown}). Its input is the seed {@code finding-invalid-utf8}.
 */
class ModelFilesFuzzTest {

    @TempDir
    Path dir;

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void read(byte[] bytes) throws IOException {
        ResponseModel model = FuzzInput.read(dir, "model.json", bytes, ModelFilesFuzzTest::readKnown);
        if (model != null) {
            Path again = dir.resolve("again.json");
            ModelFiles.write(model, again);
            assertEquals(model, ModelFiles.read(again), "ModelFiles.write then read changed the model");
        }
    }

    /** {@link ModelFiles#read}, with the known finding's exception taken as a refusal. */
    private static ResponseModel readKnown(Path file) throws IOException {
        try {
            return ModelFiles.read(file);
        } catch (MalformedInputException e) {
            return null;
        }
    }

    @Test
    @Disabled("known finding: ModelFiles.read throws a bare MalformedInputException on bytes that are not UTF-8")
    void invalidUtf8NamesTheFile() throws IOException {
        Path f = dir.resolve("model.json");
        try (InputStream in = getClass().getResourceAsStream("ModelFilesFuzzTestInputs/read/finding-invalid-utf8")) {
            Files.write(f, in.readAllBytes());
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(f));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
    }
}
