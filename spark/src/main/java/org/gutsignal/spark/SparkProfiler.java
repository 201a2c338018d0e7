package org.gutsignal.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.FeatureTableReader;
import org.gutsignal.profile.MoleculeCatalog;
import org.gutsignal.profile.MoleculeCoverage;
import org.gutsignal.profile.SignallingProfile;
import org.gutsignal.profile.SignallingProfiler;
import org.gutsignal.profile.TraitTable;

/**
 * Profiles a population's per-sample bioBakery outputs on a Spark cluster: every file is read and profiled on an
 * executor by the core's {@link FeatureTableReader} and {@link SignallingProfiler} — the same code, so the same
 * numbers as profiling the file on one machine — and the result is a DataFrame with one row per sample.
 *
 * <pre>{@code
 * Dataset<Row> capacities = SparkProfiler.of(spark, SignallingProfile.Source.GENES)
 *         .profile("s3a://biobank/humann/*_genefamilies_ko.tsv.gz");
 * capacities.write().parquet("s3a://biobank/capacities.parquet");
 * }</pre>
 *
 * <p><b>Input.</b> A path or glob on any Hadoop-compatible file system; a directory stands for its files (names
 * starting with {@code .} or {@code _} are skipped). Each file is one table: a HUMAnN gene-family/KO table
 * ({@code GENES}, read as a stream holding only the catalog's marker rows, {@link
 * SignallingProfiler#profileGenes(FeatureTableReader, java.nio.file.Path)}), a HUMAnN pathway-abundance table
 * ({@code PATHWAYS}), or a MetaPhlAn profile ({@code SPECIES}, capacities from a {@link TraitTable}); plain, gzip or
 * bzip2 (told by the first bytes), single-sample or joined. A file that is not on the executor's local disk is
 * copied to a temporary file there first (the core reads {@link java.nio.file.Path}s), under its own name (which
 * decides the delimiter and may give the sample id) and deleted after.
 *
 * <p><b>Output</b> ({@link #schema()}), one row per sample, files in URI order, samples in file order:
 * <ul>
 * <li>{@code sample_id} (string), {@code file} (the file's URI), {@code source} ({@code genes}, {@code pathways} or
 * {@code species}), {@code unit} (the {@link AbundanceUnit} name of the capacities: the table's unit, as the read
 * decided it or as stated with {@link #withUnit});</li>
 * <li>one double column per catalog molecule, named by its id ({@code HMBPP}, {@code LPS}, …, in catalog order):
 * the capacity, in the table's unit (column metadata {@code gutsignal.unit} when the unit is stated);</li>
 * <li>{@code coverage_<id>} (double in [0, 1]): {@link MoleculeCoverage#fraction()} of the file's profile (for a
 * single-sample file, the sample's own coverage: markers or pathways found, or for species the abundance share of
 * taxa with a known trait);</li>
 * <li>{@code warnings} (string): the profile's warnings, joined by {@code " | "}, empty if none.</li>
 * </ul>
 * Capacities are the doubles the core computes, bit for bit. Sample ids are not checked for uniqueness across files
 * (that needs a shuffle; {@code gutsignal-spark profile} does it).
 *
 * <p><b>Errors</b> are the core's: a file that is not as expected fails its task, and so the job, with a message that
 * names the file's URI, the line and the column (e.g. {@code hdfs://nn/x/S7_ko.tsv, line 12, column 2 (S7):
 * expected a non-negative number but found 'abc'}).
 *
 * <p>Immutable and thread-safe; {@code with…} methods return changed copies. {@link #profile} is lazy, as Spark
 * transformations are, except that the files are listed at once (a glob that matches nothing fails there).
 */
public final class SparkProfiler {

    /** Column metadata key holding a column's {@link AbundanceUnit} name, when known for the whole column. */
    public static final String UNIT_METADATA = "gutsignal.unit";

    private final SparkSession spark;
    private final SignallingProfile.Source source;
    private final TextResource catalog;
    private final TextResource traits;
    private final AbundanceUnit unit;
    private final int partitions;

    private SparkProfiler(SparkSession spark, SignallingProfile.Source source, TextResource catalog,
            TextResource traits, AbundanceUnit unit, int partitions) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.source = Objects.requireNonNull(source, "source");
        this.catalog = catalog;
        this.traits = traits;
        this.unit = unit;
        this.partitions = partitions;
    }

    /**
     * A profiler of tables of one kind with the built-in {@link MoleculeCatalog} (and for species the built-in HMBPP
     * trait table), units as the core's readers decide them, one partition per file up to the session's default
     * parallelism × 4.
     */
    public static SparkProfiler of(SparkSession spark, SignallingProfile.Source source) {
        return new SparkProfiler(spark, source, TextResource.builtIn("built-in catalog"),
                TextResource.builtIn("built-in HMBPP traits"), null, 0);
    }

    /**
     * A copy with the molecule catalog read (on the driver, once) from a CSV file in {@link MoleculeCatalog}'s format
     * on any Hadoop file system.
     *
     * @throws IOException              if the file cannot be read (the message names it)
     * @throws IllegalArgumentException if it is not a catalog (the core's message, naming {@code uri}, the line and
     *                                  the column)
     */
    public SparkProfiler withCatalog(String uri) throws IOException {
        TextResource r = TextResource.read(hadoopConf(), uri);
        r.parse(MoleculeCatalog::read); // refuse a bad catalog here, on the driver, with the core's message
        return new SparkProfiler(spark, source, r, traits, unit, partitions);
    }

    /**
     * A copy with the trait table for {@code SPECIES} read (on the driver, once) from a CSV file in {@link TraitTable}'s
     * format on any Hadoop file system.
     *
     * @throws IOException              if the file cannot be read (the message names it)
     * @throws IllegalArgumentException if it is not a trait table (the core's message, naming {@code uri}, the line
     *                                  and the column)
     */
    public SparkProfiler withTraits(String uri) throws IOException {
        TextResource r = TextResource.read(hadoopConf(), uri);
        r.parse(TraitTable::read);
        return new SparkProfiler(spark, source, catalog, r, unit, partitions);
    }

    /** A copy whose readers are told the tables' unit ({@link FeatureTableReader#withUnit}) instead of deciding it. */
    public SparkProfiler withUnit(AbundanceUnit unit) {
        return new SparkProfiler(spark, source, catalog, traits, Objects.requireNonNull(unit, "unit"), partitions);
    }

    /**
     * A copy that spreads the files over {@code n} partitions (tasks), contiguous runs of the sorted file list. The
     * numbers do not depend on it.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public SparkProfiler withPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("partitions must be at least 1 but is " + n);
        }
        return new SparkProfiler(spark, source, catalog, traits, unit, n);
    }

    /** The molecule ids of the catalog, in catalog order: the capacity columns. */
    public List<String> moleculeIds() {
        return loadCatalog(catalog).ids();
    }

    /** The output's columns; see the class comment. */
    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("sample_id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("source", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("unit", DataTypes.StringType, false));
        Metadata m = unit == null ? Metadata.empty()
                : new MetadataBuilder().putString(UNIT_METADATA, unit.name()).build();
        List<String> ids = moleculeIds();
        for (String id : ids) {
            fields.add(DataTypes.createStructField(id, DataTypes.DoubleType, false, m));
        }
        for (String id : ids) {
            fields.add(DataTypes.createStructField("coverage_" + id, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("warnings", DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    /**
     * The capacities of every sample of the files a path or glob names; see the class comment.
     *
     * @throws java.io.FileNotFoundException if nothing matches (the message names the path or glob)
     * @throws IOException                   if the file system cannot be listed
     */
    public Dataset<Row> profile(String pathOrGlob) throws IOException {
        List<String> files = InputFiles.list(hadoopConf(), pathOrGlob);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = partitions > 0 ? partitions : Math.min(files.size(), 4 * jsc.defaultParallelism());
        Broadcast<SerializableWritable<org.apache.hadoop.conf.Configuration>> conf =
                jsc.broadcast(new SerializableWritable<>(hadoopConf()));
        JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, Math.min(n, files.size())))
                .mapPartitions(new Task(conf, source, catalog, traits, unit));
        return spark.createDataFrame(rows, schema());
    }

    private org.apache.hadoop.conf.Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    static MoleculeCatalog loadCatalog(TextResource r) {
        return ExecutorCache.get("catalog " + r.key, () -> r.isBuiltIn() ? MoleculeCatalog.builtIn()
                : r.parse(MoleculeCatalog::read));
    }

    static TraitTable loadTraits(TextResource r) {
        return ExecutorCache.get("traits " + r.key, () -> r.isBuiltIn() ? TraitTable.builtInHmbpp()
                : r.parse(TraitTable::read));
    }

    /** One partition's files → their samples' rows, on an executor. */
    static final class Task implements FlatMapFunction<Iterator<String>, Row>, Serializable {

        private static final long serialVersionUID = 1L;

        private final Broadcast<SerializableWritable<org.apache.hadoop.conf.Configuration>> conf;
        private final SignallingProfile.Source source;
        private final TextResource catalog;
        private final TextResource traits;
        private final AbundanceUnit unit;

        Task(Broadcast<SerializableWritable<org.apache.hadoop.conf.Configuration>> conf,
                SignallingProfile.Source source, TextResource catalog, TextResource traits, AbundanceUnit unit) {
            this.conf = conf;
            this.source = source;
            this.catalog = catalog;
            this.traits = traits;
            this.unit = unit;
        }

        @Override
        public Iterator<Row> call(Iterator<String> files) {
            org.apache.hadoop.conf.Configuration c = conf.value().value();
            SignallingProfiler profiler = SignallingProfiler.of(loadCatalog(catalog));
            return new Iterator<>() {
                private Iterator<Row> current = java.util.Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && files.hasNext()) {
                        current = profileFile(c, profiler, files.next()).iterator();
                    }
                    return current.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }

        private List<Row> profileFile(org.apache.hadoop.conf.Configuration c, SignallingProfiler profiler,
                String uri) {
            SignallingProfile p;
            try {
                p = InputFiles.onLocalFile(c, uri, file -> profile(profiler, file));
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            return rows(p, uri);
        }

        private SignallingProfile profile(SignallingProfiler profiler, java.nio.file.Path file) throws IOException {
            switch (source) {
                case GENES:
                    return profiler.profileGenes(reader(FeatureTableReader.humann()), file);
                case PATHWAYS:
                    return profiler.profilePathways(reader(FeatureTableReader.humann()), file);
                case SPECIES:
                    FeatureTable species = reader(FeatureTableReader.metaphlan()).read(file);
                    return profiler.withTraits(loadTraits(traits)).profileSpecies(species);
                default:
                    throw new IllegalStateException("unknown source " + source);
            }
        }

        private FeatureTableReader reader(FeatureTableReader r) {
            return unit == null ? r : r.withUnit(unit);
        }

        private List<Row> rows(SignallingProfile p, String uri) {
            FeatureTable caps = p.capacities();
            int q = caps.featureCount();
            String warnings = String.join(" | ", p.warnings());
            String sourceName = source.name().toLowerCase(Locale.ROOT);
            List<Row> out = new ArrayList<>(caps.sampleCount());
            for (int i = 0; i < caps.sampleCount(); i++) {
                Object[] v = new Object[4 + 2 * q + 1];
                v[0] = caps.sampleIds().get(i);
                v[1] = uri;
                v[2] = sourceName;
                v[3] = caps.unit().name();
                for (int m = 0; m < q; m++) {
                    v[4 + m] = caps.get(i, m);
                    v[4 + q + m] = p.coverage().get(m).fraction();
                }
                v[4 + 2 * q] = warnings;
                out.add(RowFactory.create(v));
            }
            return out;
        }
    }
}
