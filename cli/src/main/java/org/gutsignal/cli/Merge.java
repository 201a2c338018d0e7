package org.gutsignal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.io.FeatureTableWriter;
import org.gutsignal.io.ReadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gutsignal merge}: per-sample MetaPhlAn profiles or HUMAnN outputs, or several tables,
 * into one table ({@link FeatureTableReader#readAll}); a feature absent from a file is 0 for that
 * file's samples, and the read report says how many values were filled so.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges per-sample MetaPhlAn profiles or HUMAnN outputs, or several tables of one layout, into"
            + " one table. A feature absent from a file counts as 0 (not detected) for that file's samples; how many"
            + " values were filled so is reported on standard error.",
            "Output layout auto: features as rows for MetaPhlAn (header clade_name) and HUMAnN (header"
            + " # Gene Family) inputs, samples as rows (header sample_id) for samples-as-rows inputs."})
final class Merge implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The tables or per-sample files, in sample order.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR", description = "Also read the files of DIR that match --glob, in name"
            + " order (after the FILE arguments).")
    Path dir;

    @Option(names = "--glob", defaultValue = "*", paramLabel = "GLOB",
            description = "Which files of --dir, e.g. '*_profile.txt' (default: ${DEFAULT-VALUE}).")
    String glob;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The merged table (.tsv: tabs,"
            + " else commas).")
    Path out;

    @Option(names = "--layout", defaultValue = "auto", paramLabel = "LAYOUT",
            description = "auto (as the inputs), features (one row per feature) or samples (one row per sample)"
                    + " (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--first-cell", paramLabel = "TEXT", description = "The header's first cell of a features-as-rows"
            + " output (default: clade_name for MetaPhlAn inputs, else # Gene Family).")
    String firstCell;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Files read at once; the merged table does not depend on it (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    TableInput input;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 but is " + threads);
        }
        List<Path> all = new ArrayList<>(files);
        if (dir != null) {
            all.addAll(FeatureTableReader.filesIn(dir, glob));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("give the files to merge, or --dir DIR [--glob GLOB]");
        }
        OutputFiles.refuseInput(out, "-o", all);
        String inputLayout = input.layout(all.get(0));
        boolean featuresAsRows = switch (layout.toLowerCase(Locale.ROOT)) {
            case "auto" -> inputLayout.equals("humann") || inputLayout.equals("metaphlan");
            case "features" -> true;
            case "samples" -> false;
            default -> throw new IllegalArgumentException("--layout must be auto, features or samples but is '"
                    + layout + "'");
        };
        ReadReport r;
        try (Progress progress = Progress.of(main.quiet ? null : main.err, "merge", 50)) {
            r = input.readAll(all, threads, (done, total) -> progress.step(done, total, "file"));
        }
        String first = firstCell != null ? firstCell : inputLayout.equals("metaphlan") ? "clade_name" : "# Gene Family";
        (featuresAsRows ? FeatureTableWriter.featuresAsRows(first) : FeatureTableWriter.samplesAsRows())
                .write(r.table(), out);
        if (!main.quiet) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println(r.summary());
            err.println("wrote " + out + " (" + (featuresAsRows ? "features" : "samples") + " as rows; unit "
                    + r.unit() + ", not stored in the file: read it back with --unit " + r.unit() + ")");
            err.flush();
        }
        return 0;
    }
}
