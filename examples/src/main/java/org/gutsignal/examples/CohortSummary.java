package org.gutsignal.examples;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;

/** Prints a cohort's samples per group with responder counts; shared by the examples. */
final class CohortSummary {

    private CohortSummary() {
    }

    static void print(String title, Cohort cohort, PrintStream out) {
        SampleMetadata m = cohort.metadata();
        out.printf("%s: %d samples × %d features (%s); %s%n", title, cohort.sampleCount(),
                cohort.features().featureCount(), cohort.features().unit(), cohort.joinReport());
        Map<String, int[]> byGroup = new TreeMap<>();
        for (int i = 0; i < m.sampleCount(); i++) {
            int[] c = byGroup.computeIfAbsent(m.group(i), g -> new int[3]);
            c[m.response(i).ordinal()]++;
        }
        out.printf("  %-12s %8s %10s %14s %8s %15s%n", "group", "samples", "responders", "non-responders",
                "unknown", "responder rate");
        int[] total = new int[3];
        byGroup.forEach((g, c) -> {
            row(out, g, c);
            for (int k = 0; k < 3; k++) {
                total[k] += c[k];
            }
        });
        row(out, "all", total);
    }

    private static void row(PrintStream out, String group, int[] c) {
        int labelled = c[Response.RESPONDER.ordinal()] + c[Response.NON_RESPONDER.ordinal()];
        out.printf("  %-12s %8d %10d %14d %8d %14.1f%%%n", group, c[0] + c[1] + c[2], c[Response.RESPONDER.ordinal()],
                c[Response.NON_RESPONDER.ordinal()], c[Response.UNKNOWN.ordinal()],
                labelled == 0 ? Double.NaN : 100.0 * c[Response.RESPONDER.ordinal()] / labelled);
    }
}
