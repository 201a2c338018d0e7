package org.gutsignal.fuzz;

import static org.gutsignal.fuzz.FuzzInput.FUZZ_DURATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gutsignal.io.AtomicFiles;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ModelFormatException;
import org.gutsignal.model.ResponseModel;
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
 * <p><b>Finding</b> (fuzzing, issue 15): {@code ModelFiles.read} used to decode the file with
 * {@code Files.readString}, so bytes that are not UTF-8 ended in a bare
 * {@code MalformedInputException} that named no file; it now gives a {@link ModelFormatException}
 * naming the file and the byte ({@link #invalidUtf8NamesTheFile}, on the seed
 * {@code finding-invalid-utf8}).
 */
class ModelFilesFuzzTest {

    @TempDir
    Path dir;

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void read(byte[] bytes) throws IOException {
        ResponseModel model = FuzzInput.read(dir, "model.json", bytes, ModelFiles::read);
        if (model != null) {
            Path again = dir.resolve("again.json");
            AtomicFiles.allowOverwrite(again); // read by the previous input's round trip: replacing it is meant
            ModelFiles.write(model, again);
            assertEquals(model, ModelFiles.read(again), "ModelFiles.write then read changed the model");
        }
    }

    @Test
    void invalidUtf8NamesTheFile() throws IOException {
        Path f = dir.resolve("model.json");
        try (InputStream in = getClass().getResourceAsStream("ModelFilesFuzzTestInputs/read/finding-invalid-utf8")) {
            Files.write(f, in.readAllBytes());
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.read(f));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
    }
}
