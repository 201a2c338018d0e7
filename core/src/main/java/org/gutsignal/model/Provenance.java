package org.gutsignal.model;

import java.util.Objects;

/**
 * How a {@link ResponseModel} was made. No timestamp is recorded, so training the same data with
 * the same settings gives an identical model file.
 *
 * @param libraryVersion   the gutsignal version that trained the model
 * @param trainingSamples  number of labelled samples the model was trained on
 * @param trainingChecksum {@code "sha256:"} followed by 64 lowercase hex digits: the SHA-256 of the
 *                         training feature names, values (IEEE-754 bits, sample-major) and labels
 * @param seed             the seed of the inner cross-validation's fold assignment
 */
public record Provenance(String libraryVersion, int trainingSamples, String trainingChecksum, long seed) {

    /**
     * @throws NullPointerException     if a text is null
     * @throws IllegalArgumentException if the sample count is negative
     */
    public Provenance {
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(trainingChecksum, "trainingChecksum");
        if (trainingSamples < 0) {
            throw new IllegalArgumentException("trainingSamples is negative: " + trainingSamples);
        }
    }
}
