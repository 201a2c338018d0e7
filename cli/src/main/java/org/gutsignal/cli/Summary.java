package org.gutsignal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.gutsignal.cohort.Cohort;
import org.gutsignal.cohort.Response;
import org.gutsignal.io.ReadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gutsignal summary}: what a table (and, with {@code --metadata}, a cohort) holds, as
 * {@code key<TAB>value} lines that R's {@code readr::read_tsv} and pandas read.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"What a feature table or cohort holds: layout, samples, features, unit and how it was decided,"
            + " rows left out, special-row shares, renamed sample ids, warnings; with --metadata also groups and"
            + " responders.", "Output: key<TAB>value lines on standard output."})
final class Summary implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The feature table.")
    Path table;

    @Mixin
    TableInput input;

    @Mixin
    MetadataInput metadata;

    @Override
    public Integer call() throws Exception {
        ReadReport r = input.read(table);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"file", r.file()});
        rows.add(new String[] {"format", r.format()});
        rows.add(new String[] {"samples", Integer.toString(r.table().sampleCount())});
        rows.add(new String[] {"features", Integer.toString(r.table().featureCount())});
        rows.add(new String[] {"unit", r.unit() + " (" + r.unitSource() + ")"});
        r.droppedRows().forEach((k, v) -> rows.add(new String[] {"rows_left_out:" + k, Integer.toString(v)}));
        for (Map.Entry<String, Map<String, Double>> e : r.shares().entrySet()) {
            double mean = e.getValue().values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN);
            rows.add(new String[] {"mean_share:" + e.getKey(), String.format(java.util.Locale.ROOT, "%.4f", mean)});
        }
        rows.add(new String[] {"renamed_sample_ids", Integer.toString(r.renamedSamples().size())});
        if (metadata.file != null) {
            Cohort c = metadata.join(r.table(), table.toString(), null);
            rows.add(new String[] {"joined_samples", Integer.toString(c.sampleCount())});
            Map<String, int[]> byGroup = new TreeMap<>();
            for (int i = 0; i < c.sampleCount(); i++) {
                int[] n = byGroup.computeIfAbsent(c.metadata().group(i), g -> new int[3]);
                Response resp = c.metadata().response(i);
                n[resp == Response.RESPONDER ? 0 : resp == Response.NON_RESPONDER ? 1 : 2]++;
            }
            byGroup.forEach((g, n) -> rows.add(new String[] {"group:" + (g.isEmpty() ? "(none)" : g),
                n[0] + " responders, " + n[1] + " non-responders, " + n[2] + " unknown"}));
            rows.add(new String[] {"join", c.joinReport().toString()});
        }
        r.warnings().forEach(w -> rows.add(new String[] {"warning", w}));
        java.io.PrintWriter w = spec.commandLine().getOut();
        w.println("key\tvalue");
        for (String[] row : rows) {
            w.println(row[0] + "\t" + row[1].replace('\t', ' ').replace('\n', ' '));
        }
        w.flush();
        return 0;
    }
}
