package org.gutsignal.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.cohort.Response;
import org.gutsignal.cohort.SampleMetadata;

/** Test helpers: cohorts from arrays and the CSV fixtures written by make_reference.R. */
final class Fixtures {

    private Fixtures() {
    }

    static Cohort cohort(List<String> names, double[][] x, int[] y) {
        List<String> ids = new ArrayList<>();
        SampleMetadata.Builder b = SampleMetadata.builder();
        for (int i = 0; i < y.length; i++) {
            String id = "s" + i;
            ids.add(id);
            b.add(id, y[i] == 1 ? Response.RESPONDER : Response.NON_RESPONDER, "g");
        }
        return Cohort.of(FeatureTable.of(ids, names, x, AbundanceUnit.TRANSFORMED), b.build());
    }

    static List<String> names(int p) {
        List<String> n = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            n.add("f" + j);
        }
        return n;
    }

    /** A CSV read into header + rows of text cells. */
    record Csv(List<String> header, List<String[]> rows) {
        int col(String name) {
            int c = header.indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + name);
            }
            return c;
        }

        double[] doubles(String name) {
            int c = col(name);
            return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
        }
    }

    static Csv csv(String resource) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/model/" + resource)) {
            if (in == null) {
                throw new IOException("missing resource /model/" + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return new Csv(Arrays.asList(lines[0].split(",", -1)), rows);
        }
    }

    /** A data fixture: sample_id, y, then optional non-feature columns, then features. */
    static final class Data {
        final Cohort cohort;
        final Csv csv;
        final List<String> features;

        Data(String resource, List<String> nonFeatures) throws IOException {
            csv = csv(resource);
            features = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            for (int c = 0; c < csv.header().size(); c++) {
                String h = csv.header().get(c);
                if (!h.equals("sample_id") && !h.equals("y") && !nonFeatures.contains(h)) {
                    features.add(h);
                    cols.add(c);
                }
            }
            int n = csv.rows().size();
            double[][] x = new double[n][features.size()];
            List<String> ids = new ArrayList<>();
            SampleMetadata.Builder b = SampleMetadata.builder();
            for (int i = 0; i < n; i++) {
                String[] r = csv.rows().get(i);
                for (int k = 0; k < cols.size(); k++) {
                    x[i][k] = Double.parseDouble(r[cols.get(k)]);
                }
                ids.add(r[0]);
                b.add(r[0], r[1].equals("1") ? Response.RESPONDER : Response.NON_RESPONDER, "g");
            }
            cohort = Cohort.of(FeatureTable.of(ids, features, x, AbundanceUnit.TRANSFORMED), b.build());
        }
    }
}
