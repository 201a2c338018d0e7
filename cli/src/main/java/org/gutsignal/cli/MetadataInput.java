package org.gutsignal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.JoinPolicy;
import org.gutsignal.cohort.SampleMetadata;
import org.gutsignal.io.MetadataReader;
import org.gutsignal.io.ResponseMapping;
import picocli.CommandLine.Option;

/** The options of commands that need responses: the metadata file, its columns and label mapping. */
final class MetadataInput {

    @Option(names = {"-m", "--metadata"}, paramLabel = "FILE", description = "Sample metadata (CSV or TSV).")
    Path file;

    @Option(names = "--id-column", defaultValue = "sample_id", paramLabel = "COLUMN",
            description = "Metadata column of the sample ids (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--response-column", defaultValue = "response", paramLabel = "COLUMN",
            description = "Metadata column of the response (default: ${DEFAULT-VALUE}).")
    String responseColumn;

    @Option(names = "--labels", defaultValue = "auto", paramLabel = "MAPPING",
            description = "Which labels mean responder: yes_no, r_nr, responder_non_responder, one_zero, recist"
                    + " (CR,PR vs SD,PD), RESP1,RESP2:NON1,NON2 (your own), or auto = gutsignal's own metadata"
                    + " format (default: ${DEFAULT-VALUE}).")
    String labels;

    @Option(names = "--group-column", paramLabel = "COLUMN", description = "Metadata column of the cohort / site.")
    String groupColumn;

    @Option(names = "--lenient", description = "Drop samples present on one side only (reported) instead of failing.")
    boolean lenient;

    SampleMetadata read() throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("this command needs --metadata FILE");
        }
        MetadataReader r = labels.equalsIgnoreCase("auto") ? MetadataReader.gutsignal()
                : MetadataReader.of(idColumn, responseColumn, mapping());
        if (groupColumn != null && !labels.equalsIgnoreCase("auto")) {
            r = r.withGroupColumn(groupColumn);
        }
        return r.read(file);
    }

    /** The table joined with the metadata; the join report goes to {@code notes} unless empty. */
    Cohort join(FeatureTable table, String tableName, java.io.PrintStream notes) throws IOException {
        Cohort c = Cohort.join(table, read(), lenient ? JoinPolicy.LENIENT : JoinPolicy.STRICT, tableName,
                file.toString());
        if (notes != null && !c.joinReport().toString().isEmpty()) {
            notes.println("join: " + c.joinReport());
        }
        return c;
    }

    private ResponseMapping mapping() {
        switch (labels.toLowerCase(Locale.ROOT)) {
            case "yes_no":
                return ResponseMapping.YES_NO;
            case "r_nr":
                return ResponseMapping.R_NR;
            case "responder_non_responder":
                return ResponseMapping.RESPONDER_NON_RESPONDER;
            case "one_zero":
                return ResponseMapping.ONE_ZERO;
            case "recist":
                return ResponseMapping.RECIST;
            default:
                int colon = labels.indexOf(':');
                if (colon <= 0 || colon == labels.length() - 1) {
                    throw new IllegalArgumentException("--labels must be a known mapping or RESP1,RESP2:NON1,NON2"
                            + " but is '" + labels + "'");
                }
                return ResponseMapping.of(Set.of(labels.substring(0, colon).split(",")),
                        Set.of(labels.substring(colon + 1).split(",")));
        }
    }
}
