package org.gutsignal.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the fixtures and reference values written by src/test/resources/eval/make_reference.{py,R}. */
final class Reference {

    static final List<String> FIXTURES = List.of("small", "medium", "ties");

    private Reference() {
    }

    static List<CSVRecord> csv(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/eval/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /eval/" + name);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture: labels and two score columns. */
    record Fixture(int[] labels, double[] a, double[] b) {
    }

    static Fixture fixture(String name) {
        List<CSVRecord> rows = csv("fixture_" + name + ".csv");
        int n = rows.size();
        int[] y = new int[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Integer.parseInt(rows.get(i).get("label"));
            a[i] = Double.parseDouble(rows.get(i).get("score_a"));
            b[i] = Double.parseDouble(rows.get(i).get("score_b"));
        }
        return new Fixture(y, a, b);
    }

    /** fixture -> name -> value from a reference_*.csv file. */
    static Map<String, Map<String, Double>> values(String file) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (CSVRecord r : csv(file)) {
            out.computeIfAbsent(r.get("fixture"), k -> new HashMap<>())
                    .put(r.get("name"), Double.parseDouble(r.get("value")));
        }
        return out;
    }

    static List<double[]> table(String file) {
        List<double[]> out = new ArrayList<>();
        for (CSVRecord r : csv(file)) {
            double[] row = new double[r.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Double.parseDouble(r.get(i));
            }
            out.add(row);
        }
        return out;
    }
}
