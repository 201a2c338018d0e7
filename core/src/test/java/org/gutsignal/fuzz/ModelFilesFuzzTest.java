package org.gutsignal.fuzz;

import static org.gutsignal.fuzz.FuzzInput.FUZZ_DURATION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of {@link ModelFiles#read}: any bytes either read or are refused with an
 * {@link IOException} naming the file (line and column inside it), and a model that reads writes
 * back with {@link ModelFiles#write} to an equal model.
 *
 * <p>{@code mvn verify} replays the seed corpus in
 * {@code src/test/resources/org/gutsignal/fuzz/ModelFilesFuzzTestInputs/read/}; to fuzz for
 * {@link FuzzInput#FUZZ_DURATION} run
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl core test -Dtest=ModelFilesFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ModelFilesFuzzTest {

    @TempDir
    Path dir;

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void read(byte[] bytes) throws IOException {
        ResponseModel model = FuzzInput.read(dir, "model.json", bytes, ModelFiles::read);
        if (model != null) {
            Path again = dir.resolve("again.json");
            ModelFiles.write(model, again);
            assertEquals(model, ModelFiles.read(again), "ModelFiles.write then read changed the model");
        }
    }
}
