package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;

/**
 * Writes {@link SampleMetadata} as delimited text, atomically: header
 * {@code sample_id, response, group, <covariates>...}; responses as {@code responder},
 * {@code non_responder} or {@code NA}. The delimiter follows the extension as in
 * {@link FeatureTableWriter}. Read it back with {@link MetadataReader#gutsignal()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MetadataWriter {

    /** Header of the sample id column. */
    public static final String SAMPLE_ID = "sample_id";
    /** Header of the response column. */
    public static final String RESPONSE = "response";
    /** Header of the group column. */
    public static final String GROUP = "group";

    private MetadataWriter() {
    }

    /**
     * Writes the metadata to {@code file}, replacing it atomically if it exists.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(SampleMetadata metadata, Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of(SAMPLE_ID, RESPONSE, GROUP));
        header.addAll(metadata.covariateNames());
        DelimitedText.write(file, header, () -> IntStream.range(0, metadata.sampleCount()).mapToObj(i -> {
            List<String> row = new ArrayList<>(header.size());
            row.add(metadata.sampleIds().get(i));
            row.add(label(metadata.response(i)));
            row.add(metadata.group(i));
            for (String c : metadata.covariateNames()) {
                row.add(metadata.covariate(c).get(i));
            }
            return row;
        }).iterator());
    }

    static String label(Response r) {
        return switch (r) {
            case RESPONDER -> "responder";
            case NON_RESPONDER -> "non_responder";
            case UNKNOWN -> "NA";
        };
    }
}
