package org.gutsignal.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.profile.SignallingProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gutsignal-spark profile}: per-sample bioBakery files → capacities, with {@link SparkProfiler}. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profiles every file a path or glob names (HUMAnN gene-family/KO or pathway tables, MetaPhlAn"
            + " profiles; plain, .gz or .bz2; any Hadoop file system) on the executors with the core's readers and"
            + " profiler: one row per sample with its molecule capacities, unit, coverage and warnings.",
            "Sample ids must be unique across the files (checked before writing)."})
final class ProfileCommand implements Callable<Integer> {

    @ParentCommand
    SparkMain main;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A path or glob, e.g. 'hdfs:///humann/*_ko.tsv.gz'"
            + " (quote it); a directory stands for its files.")
    String input;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "What the files hold: genes (KEGG KOs), pathways (MetaCyc) or species (MetaPhlAn).")
    String kind;

    @Option(names = "--catalog", paramLabel = "URI", description = "Molecule catalog (default: the built-in one).")
    String catalog;

    @Option(names = "--traits", paramLabel = "URI",
            description = "Trait table for species (default: the built-in genus-level HMBPP table).")
    String traits;

    @Option(names = "--unit", paramLabel = "UNIT", description = "The files' unit (RPK, CPM, FRACTION, PERCENT …)"
            + " instead of the one each read decides (HUMAnN: column suffixes, else RPK; MetaPhlAn: PERCENT).")
    AbundanceUnit unit;

    @Option(names = "--partitions", paramLabel = "N", description = "Tasks to spread the files over (default: the"
            + " cluster's default parallelism × 4, at most one per file).")
    Integer partitions;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT",
            description = "Output: a .parquet path, or a .csv / .tsv directory of part files.")
    String out;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "parquet, csv or tsv (default: ${DEFAULT-VALUE}, by the output's name: parquet unless"
                    + " .csv / .tsv).")
    String format;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = main.session.get();
        List<String> inputs = new ArrayList<>(List.of(input));
        inputs.add(catalog);
        inputs.add(traits);
        Tables.refuse(spark, out, inputs, "-o");
        SparkProfiler profiler = SparkProfiler.of(spark, source(kind));
        if (catalog != null) {
            profiler = profiler.withCatalog(catalog);
        }
        if (traits != null) {
            profiler = profiler.withTraits(traits);
        }
        if (unit != null) {
            profiler = profiler.withUnit(unit);
        }
        if (partitions != null) {
            profiler = profiler.withPartitions(partitions);
        }
        Dataset<Row> profiles = profiler.profile(input).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        List<Row> repeated = profiles.groupBy("sample_id").agg(functions.count("*").as("n"),
                functions.min("file").as("first"), functions.max("file").as("last")).filter("n > 1").limit(5)
                .collectAsList();
        if (!repeated.isEmpty()) {
            Row r = repeated.get(0);
            throw new IllegalArgumentException("sample id '" + r.getString(0) + "' is in " + r.getLong(1) + " files ("
                    + r.getString(2) + " … " + r.getString(3) + "): sample ids must be unique across the files");
        }
        Tables.write(profiles, out, format, inputs, "-o");
        if (!main.quiet) {
            main.err.println("wrote " + out + " (" + profiles.count() + " samples × " + profiler.moleculeIds().size()
                    + " molecules from " + kind.toLowerCase(Locale.ROOT) + "; unit per sample in column 'unit')");
        }
        profiles.unpersist();
        return 0;
    }

    static SignallingProfile.Source source(String kind) {
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "genes":
                return SignallingProfile.Source.GENES;
            case "pathways":
                return SignallingProfile.Source.PATHWAYS;
            case "species":
                return SignallingProfile.Source.SPECIES;
            default:
                throw new IllegalArgumentException("--kind must be genes, pathways or species but is '" + kind + "'");
        }
    }
}
