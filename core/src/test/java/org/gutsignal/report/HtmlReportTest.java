package org.gutsignal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gutsignal.eval.Auroc;
import org.gutsignal.eval.PooledAuroc;
import org.gutsignal.model.Provenance;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.profile.MoleculeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    /** HMBPP and LPS are in the built-in catalog (stimulatory, inhibitory); "age" is not. */
    private static final ResponseModel MODEL = ResponseModel.of(List.of("HMBPP", "LPS", "age"),
            new double[] {0.6, -0.4, 0.012345}, -0.25, 0.01, 0.5, new Provenance("test", 8, "sha256:none", 1));

    @TempDir
    Path dir;

    @Test
    void embedsImagesEscapesTextAndFormatsTables() throws IOException {
        Plot plot = Plots.withDefaults().coefficients("Coefficients", "coefficient (log-odds per SD)", MODEL,
                MoleculeCatalog.builtIn());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("gutsignal", "0.1.0-SNAPSHOT");
        provenance.put("seed", 42L);
        provenance.put("lambda", 0.0123);
        provenance.put("note", null);
        HtmlReport report = HtmlReport.titled("Report for <cohort & \"friends\">")
                .heading("Model")
                .paragraph("Taxon <&> 'quoted'\nsecond line")
                .keyValues("Provenance", provenance)
                .table("AUROC by site", List.of("site", "n", "AUROC"),
                        List.of(List.of("site<1>", 171, 0.71649), Arrays.asList("site2", 158, Double.NaN),
                                Arrays.asList("site3", null, -0.0001)), 2)
                .image("Coefficients <per SD>", plot);
        Path file = dir.resolve("sub/report.html");
        report.write(file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(report.toHtml(), html);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Report for &lt;cohort &amp; &quot;friends&quot;&gt;</title>"));
        assertTrue(html.contains("<p>Taxon &lt;&amp;&gt; &#39;quoted&#39;<br>\nsecond line</p>"));
        assertFalse(html.contains("<cohort"));
        assertFalse(html.contains("site<1>"));
        assertTrue(html.contains("<tr><th>seed</th><td>42</td></tr>"));
        assertTrue(html.contains("<tr><th>lambda</th><td>0.0123</td></tr>"));
        assertTrue(html.contains("<tr><th>note</th><td></td></tr>"));
        assertTrue(html.contains("<caption>AUROC by site</caption>"));
        assertTrue(html.contains("<tr><td>site&lt;1&gt;</td><td class=\"num\">171</td><td class=\"num\">0.72</td></tr>"));
        assertTrue(html.contains("<tr><td>site2</td><td class=\"num\">158</td><td class=\"num\">NA</td></tr>"));
        assertTrue(html.contains("<tr><td>site3</td><td></td><td class=\"num\">0.00</td></tr>"));
        assertTrue(html.contains("alt=\"Coefficients &lt;per SD&gt;\""));
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(m.find(), "no embedded PNG");
        assertArrayEquals(plot.png(), Base64.getDecoder().decode(m.group(1)));
    }

    @Test
    void tablesOfCoefficientsAndAurocsComeStraightFromTheModelAndEval() {
        // AUROC 12/16: the responders' scores 0.9, 0.8, 0.6, 0.3 beat 4, 4, 3 and 1 of the non-responders'
        Auroc site1 = Auroc.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2}, new int[] {1, 1, 0, 1, 0, 0, 1, 0});
        Auroc single = Auroc.of(new double[] {0.9, 0.5, 0.4}, new int[] {1, 0, 0});
        Map<String, Auroc> sites = new LinkedHashMap<>();
        sites.put("site1", site1);
        sites.put("site2", single);
        String html = HtmlReport.titled("t").coefficients("Coefficients (log-odds per SD)", MODEL,
                MoleculeCatalog.builtIn()).aurocs("AUROC by site", "site", sites).toHtml();
        assertTrue(html.contains("<thead><tr><th>feature</th><th>coefficient</th><th>expected direction</th></tr>"
                + "</thead>\n<tbody>\n<tr><td>(intercept)</td><td class=\"num\">-0.2500</td><td></td></tr>\n"
                + "<tr><td>HMBPP</td><td class=\"num\">0.6000</td><td>stimulatory</td></tr>\n"
                + "<tr><td>LPS</td><td class=\"num\">-0.4000</td><td>inhibitory</td></tr>\n"
                + "<tr><td>age</td><td class=\"num\">0.0123</td><td></td></tr>\n"), html);
        String lower = String.format(java.util.Locale.ROOT, "%.3f", site1.ci95().lower());
        String upper = String.format(java.util.Locale.ROOT, "%.3f", site1.ci95().upper());
        assertTrue(html.contains("<thead><tr><th>site</th><th>n</th><th>AUROC</th><th>95% CI lower</th>"
                + "<th>95% CI upper</th></tr></thead>\n<tbody>\n<tr><td>site1</td><td class=\"num\">8</td>"
                + "<td class=\"num\">0.750</td><td class=\"num\">" + lower + "</td><td class=\"num\">" + upper
                + "</td></tr>\n<tr><td>site2</td><td class=\"num\">3</td><td class=\"num\">1.000</td>"
                + "<td class=\"num\">NA</td><td class=\"num\">NA</td></tr>\n"), html);
        String noCatalog = HtmlReport.titled("t").coefficients("c", MODEL, null).toHtml();
        assertTrue(noCatalog.contains("<tr><td>HMBPP</td><td class=\"num\">0.6000</td><td></td></tr>"), noCatalog);
    }

    @Test
    void coefficientTableGainsASelectionFrequencyColumnWhenGivenOne() {
        Map<String, Double> frequency = new LinkedHashMap<>();
        frequency.put("HMBPP", 1.0);
        frequency.put("LPS", 0.4);
        String html = HtmlReport.titled("t").coefficients("c", MODEL, null, frequency).toHtml();
        assertTrue(html.contains("<th>expected direction</th><th>selected in CV folds</th></tr>"), html);
        assertTrue(html.contains("<tr><td>(intercept)</td><td class=\"num\">-0.2500</td><td></td><td></td></tr>\n"
                + "<tr><td>HMBPP</td><td class=\"num\">0.6000</td><td></td><td class=\"num\">1.0000</td></tr>\n"
                + "<tr><td>LPS</td><td class=\"num\">-0.4000</td><td></td><td class=\"num\">0.4000</td></tr>\n"
                + "<tr><td>age</td><td class=\"num\">0.0123</td><td></td><td class=\"num\">NA</td></tr>\n"), html);
    }

    @Test
    void degenerateAurocsAndThePoolAreTabulatedWithoutAZeroWidthInterval() {
        Map<String, Auroc> sites = new LinkedHashMap<>();
        sites.put("site1", Auroc.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2}, new int[] {1, 1, 0, 1, 0, 0, 1, 0}));
        sites.put("site2", Auroc.of(new double[] {0.9, 0.2, 0.7, 0.6, 0.55, 0.4, 0.8, 0.3}, new int[] {1, 1, 0, 1, 0, 0, 1, 0}));
        sites.put("flat", Auroc.of(new double[] {0.5, 0.5, 0.5, 0.5}, new int[] {1, 0, 1, 0}));
        PooledAuroc pool = PooledAuroc.of(sites);
        String html = HtmlReport.titled("t").aurocs("by site", "site", sites).pooled("pool", pool).toHtml();
        assertTrue(html.contains("<tr><td>flat</td><td class=\"num\">4</td><td>degenerate (constant scores)</td>"
                + "<td class=\"num\">NA</td><td class=\"num\">NA</td></tr>"), html);
        assertTrue(html.contains("<tr><td>random effects (REML)</td><td class=\"num\">2</td><td class=\"num\">"
                + String.format(java.util.Locale.ROOT, "%.4f", pool.estimate()) + "</td>"), html);
        assertTrue(html.contains("<td>flat: degenerate (constant scores)</td></tr>"), html);
        assertFalse(html.contains("0.500</td><td class=\"num\">0.500"), html);
    }

    @Test
    void coefficientCsvHasTheInterceptThenTheModelsFeaturesWithFullPrecision() throws IOException {
        Path file = dir.resolve("coefficients.csv");
        CsvTables.writeCoefficients(file, MODEL, MoleculeCatalog.builtIn());
        assertEquals("feature,coefficient,expected_direction\n(intercept),-0.25,\nHMBPP,0.6,stimulatory\n"
                + "LPS,-0.4,inhibitory\nage,0.012345,\n", Files.readString(file));
    }

    @Test
    void rejectsRaggedRowsAndNonPng() {
        HtmlReport report = HtmlReport.titled("t");
        assertThrows(IllegalArgumentException.class,
                () -> report.table("", List.of("a", "b"), List.of(List.of(1)), 2));
        assertThrows(IllegalArgumentException.class, () -> report.table("", List.of("a"), List.of(), 16));
        assertThrows(IllegalArgumentException.class, () -> report.image("x", new byte[] {1, 2, 3}));
    }

    @Test
    void csvRoundTripsThroughCommonsCsv() throws IOException {
        List<String> header = List.of("site", "n", "auroc", "note");
        List<List<?>> rows = List.of(
                Arrays.asList("site1", 171, 0.7164912345678901, "a, \"quoted\" note"),
                Arrays.asList("site2", 158, Double.NaN, null),
                Arrays.asList("site3", 3, 1.0, "line\nbreak"),
                Arrays.asList("site4", 0, 1e-300, ""));
        Path file = dir.resolve("t/auroc.csv");
        CsvTables.write(file, header, rows);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(header, parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(4, records.size());
            assertEquals("site1", records.get(0).get("site"));
            assertEquals(171, Integer.parseInt(records.get(0).get("n")));
            assertEquals(0.7164912345678901, Double.parseDouble(records.get(0).get("auroc")));
            assertEquals("a, \"quoted\" note", records.get(0).get("note"));
            assertEquals("NA", records.get(1).get("auroc"));
            assertEquals("NA", records.get(1).get("note"));
            assertEquals("1", records.get(2).get("auroc"));
            assertEquals("line\nbreak", records.get(2).get("note"));
            assertEquals(1e-300, Double.parseDouble(records.get(3).get("auroc")));
        }
        Path tsv = dir.resolve("auroc.tsv");
        CsvTables.write(tsv, List.of("a", "b"), List.of(List.of("x", 2.5)));
        assertEquals("a\tb\nx\t2.5\n", Files.readString(tsv));
        assertThrows(IllegalArgumentException.class,
                () -> CsvTables.write(dir.resolve("bad.csv"), List.of("a", "b"), List.of(List.of(1))));
    }
}
