package org.gutsignal.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gutsignal.model.ModelFiles;
import org.gutsignal.model.ResponseModel;

/**
 * A {@link ResponseModel} as the bytes of its model file ({@link ModelFiles}), which is how models travel between the
 * driver and the executors: the file format round-trips a model exactly (the model read back equals it and scores
 * bit-identically), and {@code ResponseModel} is not {@link java.io.Serializable}.
 */
final class ModelText {

    private ModelText() {
    }

    /** The model file of {@code model}, named {@code model.json}. */
    static TextResource of(ResponseModel model) {
        try {
            Path dir = Files.createTempDirectory("gutsignal-");
            Path file = dir.resolve("model.json");
            try {
                ModelFiles.write(model, file);
                return TextResource.of("model.json", Files.readAllBytes(file));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to a temporary file: " + e.getMessage(), e);
        }
    }

    /** The model of a model file, read once per JVM ({@link ExecutorCache}). */
    static ResponseModel model(TextResource file) {
        return ExecutorCache.get("model " + file.key, () -> parse(file));
    }

    /** The model of a model file, read now (not cached). */
    static ResponseModel parse(TextResource file) {
        return file.parse(ModelFiles::read);
    }
}
