package org.gutsignal.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gutsignal.cohort.AbundanceUnit;
import org.gutsignal.cohort.FeatureTable;
import org.gutsignal.io.DelimitedText;
import org.gutsignal.model.ResponseModel;
import org.gutsignal.model.Scores;
import org.gutsignal.transform.MissingFeaturePolicy;

/**
 * Scores a DataFrame of samples with a {@link ResponseModel} on a Spark cluster: the model travels to the executors
 * once (broadcast as its model file, read once per executor JVM) and every batch of rows is scored there by the core's
 * {@link ResponseModel#scoreWithCoverage}, so each probability is the double {@link ResponseModel#score} gives for
 * the same row, bit for bit, whatever the partitioning.
 *
 * <pre>{@code
 * Dataset<Row> scored = SparkScorer.of(spark, model).score(capacities);   // + a "probability" column
 * Dataset<Row> raw = SparkScorer.read(spark, "hdfs:///models/ko.json").withUnit(AbundanceUnit.CPM)
 *         .withMissingFeatures(MissingFeaturePolicy.fillZero(0.2)).score(koTable);
 * }</pre>
 *
 * <p><b>Input.</b> One row per sample: an id column ({@code sample_id} unless {@link #withIdColumn}) and one numeric
 * column (or text column, read by the core's number rule {@link DelimitedText#parseNumber}, as CSV files are read
 * without schema inference) per raw model input feature ({@link ResponseModel#inputFeatures()}), named as the model names it — molecule
 * capacities from {@link SparkProfiler} ({@code HMBPP}, …), or raw features (KOs, species) of a samples-as-rows table.
 * Other columns are kept and ignored. A null value is an error naming the sample and the column; so is a sample id in
 * two rows, checked over the whole table when {@link #score} is called.
 *
 * <p><b>Units travel.</b> The table's {@link AbundanceUnit} must be known, as in the core, where every table has one:
 * a string column {@code unit} (one unit name per row, as {@link SparkProfiler} writes it), else the
 * {@value SparkProfiler#UNIT_METADATA} metadata of the model's feature columns (kept by Parquet), else
 * {@link #withUnit}. A unit stated with {@code withUnit} that the data contradict is refused naming both. The core's
 * unit check then applies to every row: the model's unit is scored as is, an exactly convertible one (percent,
 * fraction, CPM) converted, any other refused with the core's message. Missing model features are refused, or scored
 * as 0 under {@link #withMissingFeatures} as {@link ResponseModel#scoreWithCoverage} allows. Both checks are made on
 * the driver when {@link #score} is called (from the schema), and again by the core on every batch.
 *
 * <p><b>Output</b>: the input's columns and {@code probability} (double), rows in input order.
 *
 * <p>Immutable and thread-safe; {@code with…} methods return changed copies.
 */
public final class SparkScorer {

    /** The output column. */
    public static final String PROBABILITY = "probability";
    /** The optional per-row unit column. */
    public static final String UNIT_COLUMN = "unit";
    /** Rows scored by one call of the core on an executor. */
    static final int BATCH = 4096;

    private final SparkSession spark;
    private final TextResource modelFile;
    private final ResponseModel model;
    private final AbundanceUnit unit;
    private final String idColumn;
    private final Double fillZeroShare; // null: MissingFeaturePolicy.ERROR
    private final int batch;

    private SparkScorer(SparkSession spark, TextResource modelFile, ResponseModel model, AbundanceUnit unit,
            String idColumn, Double fillZeroShare, int batch) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.modelFile = modelFile;
        this.model = model;
        this.unit = unit;
        this.idColumn = idColumn;
        this.fillZeroShare = fillZeroShare;
        this.batch = batch;
    }

    /**
     * A scorer of this model (its missing-feature policy is not kept: the default is to refuse, see
     * {@link #withMissingFeatures}).
     */
    public static SparkScorer of(SparkSession spark, ResponseModel model) {
        TextResource file = ModelText.of(model);
        return new SparkScorer(spark, file, ModelText.parse(file), null, "sample_id", null, BATCH);
    }

    /**
     * A scorer of the model file at {@code uri} on any Hadoop file system, read on the driver.
     *
     * @throws IOException if the file cannot be read, or is not a model file (the core's {@code ModelFormatException}
     *                     message, naming {@code uri}, the line and the column)
     */
    public static SparkScorer read(SparkSession spark, String uri) throws IOException {
        TextResource file = TextResource.read(spark.sparkContext().hadoopConfiguration(), uri);
        ResponseModel m;
        try {
            m = ModelText.parse(file);
        } catch (IllegalArgumentException e) { // the message names uri
            throw new IOException(e.getMessage(), e.getCause());
        } catch (java.io.UncheckedIOException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
        return new SparkScorer(spark, file, m, null, "sample_id", null, BATCH);
    }

    /** A copy that takes the table's unit to be {@code unit} (refused if the data say otherwise). */
    public SparkScorer withUnit(AbundanceUnit unit) {
        return new SparkScorer(spark, modelFile, model, Objects.requireNonNull(unit, "unit"), idColumn, fillZeroShare,
                batch);
    }

    /** A copy that reads sample ids from this column. */
    public SparkScorer withIdColumn(String column) {
        return new SparkScorer(spark, modelFile, model, unit, Objects.requireNonNull(column, "column"), fillZeroShare,
                batch);
    }

    /**
     * A copy whose missing model features are handled as the model's {@link ResponseModel#withMissingFeatures} would:
     * {@link MissingFeaturePolicy#ERROR} (the default) or {@code fillZero(max)}.
     */
    public SparkScorer withMissingFeatures(MissingFeaturePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new SparkScorer(spark, modelFile, model, unit, idColumn,
                policy.fillsZero() ? Double.valueOf(policy.maxAbsentShare()) : null, batch);
    }

    /** A copy that scores {@code n} rows per call of the core (the probabilities do not depend on it). */
    SparkScorer withBatch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batch must be at least 1 but is " + n);
        }
        return new SparkScorer(spark, modelFile, model, unit, idColumn, fillZeroShare, n);
    }

    /** The model, as the executors read it. */
    public ResponseModel model() {
        return policy(model, fillZeroShare);
    }

    /**
     * What scoring a table of this schema will do, checked on the driver by the core
     * ({@link ResponseModel#scoreWithCoverage} on one row of ones holding the table's model columns, in its unit): the
     * model's input features present and absent, the absent features' share of the linear-predictor variance and the
     * unit check. Its zero-total counts say nothing of the data, which are not read. With a per-row {@code unit}
     * column the unit check is that of the model's own unit (the rows are checked when scored).
     *
     * @throws IllegalArgumentException as {@link ResponseModel#scoreWithCoverage} refuses (a refused unit, missing
     *                                  features the policy does not allow), if the id column or the unit is missing
     *                                  or a model column is not numeric (the messages name them)
     */
    public Scores.Coverage coverage(StructType schema) {
        Layout layout = layout(schema);
        AbundanceUnit u = layout.unit != null ? layout.unit : model.inputUnit().orElse(AbundanceUnit.CAPACITY);
        double[][] ones = new double[1][layout.features.size()];
        java.util.Arrays.fill(ones[0], 1.0);
        FeatureTable one = FeatureTable.of(List.of("schema check"), layout.features, ones, u);
        return model().scoreWithCoverage(one).coverage();
    }

    /**
     * The table with a {@value #PROBABILITY} column; lazy, as Spark transformations are, after the driver-side
     * checks of {@link #coverage} and a check that no sample id is in two rows (a Spark job over the id column: the
     * core refuses a table with a repeated id, and the executors, which score a batch of rows at a time, would
     * see a repeat only within one batch).
     *
     * @throws IllegalArgumentException as {@link #coverage}, or if a sample id is in more than one row (naming it)
     */
    public Dataset<Row> score(Dataset<Row> table) {
        StructType schema = table.schema();
        coverage(schema);
        Layout layout = layout(schema);
        Column id = table.col("`" + idColumn.replace("`", "``") + "`");
        List<Row> repeated = table.where(id.isNotNull()).groupBy(id).count().where(functions.col("count").gt(1))
                .limit(1).collectAsList();
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException("sample id '" + repeated.get(0).get(0) + "' is in "
                    + repeated.get(0).getLong(1) + " rows: sample ids must be unique");
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<TextResource> file = jsc.broadcast(modelFile);
        JavaRDD<Row> rows = table.javaRDD().mapPartitions(new Task(file, fillZeroShare, layout, batch));
        return spark.createDataFrame(rows, schema.add(DataTypes.createStructField(PROBABILITY, DataTypes.DoubleType,
                false)));
    }

    /** Where the id, the unit and the model's present features are in a schema, and the table-wide unit if known. */
    private Layout layout(StructType schema) {
        List<String> names = List.of(schema.fieldNames());
        int id = names.indexOf(idColumn);
        if (id < 0) {
            throw new IllegalArgumentException("the table has no id column '" + idColumn + "' (columns "
                    + first(names) + "): name it with withIdColumn");
        }
        List<String> features = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        String metadataUnit = null;
        boolean allHaveMetadata = true;
        for (String f : model.inputFeatures()) {
            int c = names.indexOf(f);
            if (c < 0) {
                continue;
            }
            StructField field = schema.fields()[c];
            if (!(field.dataType() instanceof NumericType)
                    && !(field.dataType() instanceof org.apache.spark.sql.types.StringType)) {
                throw new IllegalArgumentException("column '" + f + "' holds " + field.dataType().simpleString()
                        + ", not numbers: the model reads it as its feature '" + f + "'");
            }
            features.add(f);
            columns.add(c);
            if (field.metadata().contains(SparkProfiler.UNIT_METADATA)) {
                String u = field.metadata().getString(SparkProfiler.UNIT_METADATA);
                if (metadataUnit != null && !metadataUnit.equals(u)) {
                    throw new IllegalArgumentException("the model's columns disagree on their unit ("
                            + SparkProfiler.UNIT_METADATA + " metadata " + metadataUnit + " and " + u + ")");
                }
                metadataUnit = u;
            } else {
                allHaveMetadata = false;
            }
        }
        int unitColumn = names.indexOf(UNIT_COLUMN);
        AbundanceUnit tableUnit = null;
        if (unitColumn >= 0) {
            if (!(schema.fields()[unitColumn].dataType() instanceof org.apache.spark.sql.types.StringType)) {
                throw new IllegalArgumentException("column '" + UNIT_COLUMN + "' must hold unit names ("
                        + java.util.Arrays.toString(AbundanceUnit.values()) + ") but holds "
                        + schema.fields()[unitColumn].dataType().simpleString());
            }
        } else if (metadataUnit != null && allHaveMetadata) {
            tableUnit = unitOf(metadataUnit, "the " + SparkProfiler.UNIT_METADATA + " metadata of the model's columns");
        }
        if (unit != null && tableUnit != null && unit != tableUnit) {
            throw new IllegalArgumentException("the unit stated with withUnit (" + unit + ") contradicts the table's "
                    + SparkProfiler.UNIT_METADATA + " metadata (" + tableUnit + ")");
        }
        if (tableUnit == null) {
            tableUnit = unit;
        }
        if (tableUnit == null && unitColumn < 0) {
            throw new IllegalArgumentException("the table's unit is unknown: it has no '" + UNIT_COLUMN + "' column and"
                    + " its model columns no " + SparkProfiler.UNIT_METADATA + " metadata; state it with withUnit"
                    + " (the model's unit is " + model.inputUnit().map(Enum::name).orElse("unknown") + ")");
        }
        return new Layout(id, unitColumn, tableUnit, unit, features, columns.stream().mapToInt(Integer::intValue)
                .toArray());
    }

    static AbundanceUnit unitOf(String name, String where) {
        try {
            return AbundanceUnit.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": unknown unit '" + name + "'; units are "
                    + java.util.Arrays.toString(AbundanceUnit.values()), e);
        }
    }

    private static String first(List<String> names) {
        return names.size() <= 10 ? names.toString() : names.subList(0, 10) + " and " + (names.size() - 10) + " more";
    }

    static ResponseModel policy(ResponseModel m, Double fillZeroShare) {
        return fillZeroShare == null ? m : m.withMissingFeatures(MissingFeaturePolicy.fillZero(fillZeroShare));
    }

    /** Column positions and units, decided on the driver. */
    static final class Layout implements Serializable {
        private static final long serialVersionUID = 1L;
        final int id;
        final int unitColumn; // -1: none
        final AbundanceUnit unit; // the whole table's, or null if per row
        final AbundanceUnit stated; // withUnit's, checked against per-row units
        final List<String> features;
        final int[] columns;

        Layout(int id, int unitColumn, AbundanceUnit unit, AbundanceUnit stated, List<String> features,
                int[] columns) {
            this.id = id;
            this.unitColumn = unitColumn;
            this.unit = unit;
            this.stated = stated;
            this.features = List.copyOf(features);
            this.columns = columns;
        }
    }

    /** One partition's rows → the same rows with their probability, on an executor, {@code batch} rows per core call. */
    static final class Task implements FlatMapFunction<Iterator<Row>, Row>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<TextResource> file;
        private final Double fillZeroShare;
        private final Layout layout;
        private final int batch;

        Task(Broadcast<TextResource> file, Double fillZeroShare, Layout layout, int batch) {
            this.file = file;
            this.fillZeroShare = fillZeroShare;
            this.layout = layout;
            this.batch = batch;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            ResponseModel model = policy(ModelText.model(file.value()), fillZeroShare);
            return new Iterator<>() {
                private Iterator<Row> scored = java.util.Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!scored.hasNext() && rows.hasNext()) {
                        List<Row> next = new ArrayList<>(batch);
                        while (next.size() < batch && rows.hasNext()) {
                            next.add(rows.next());
                        }
                        scored = score(model, next).iterator();
                    }
                    return scored.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return scored.next();
                }
            };
        }

        /** The rows with their probabilities: rows of one unit scored together by the core, in row order. */
        List<Row> score(ResponseModel model, List<Row> rows) {
            Map<AbundanceUnit, List<Integer>> byUnit = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                byUnit.computeIfAbsent(unitOf(rows.get(i)), u -> new ArrayList<>()).add(i);
            }
            double[] p = new double[rows.size()];
            for (Map.Entry<AbundanceUnit, List<Integer>> e : byUnit.entrySet()) {
                List<Integer> members = e.getValue();
                List<String> ids = new ArrayList<>(members.size());
                double[][] values = new double[members.size()][];
                for (int k = 0; k < members.size(); k++) {
                    Row r = rows.get(members.get(k));
                    ids.add(id(r));
                    values[k] = values(r);
                }
                double[] q = model.scoreWithCoverage(FeatureTable.of(ids, layout.features, values, e.getKey()))
                        .probabilities();
                for (int k = 0; k < members.size(); k++) {
                    p[members.get(k)] = q[k];
                }
            }
            List<Row> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                Object[] v = new Object[r.length() + 1];
                for (int c = 0; c < r.length(); c++) {
                    v[c] = r.get(c);
                }
                v[r.length()] = p[i];
                out.add(RowFactory.create(v));
            }
            return out;
        }

        private AbundanceUnit unitOf(Row r) {
            if (layout.unitColumn < 0) {
                return layout.unit;
            }
            if (r.isNullAt(layout.unitColumn)) {
                throw new IllegalArgumentException("sample '" + id(r) + "': the '" + UNIT_COLUMN + "' column is empty");
            }
            AbundanceUnit u = SparkScorer.unitOf(r.getString(layout.unitColumn), "sample '" + id(r) + "', column '"
                    + UNIT_COLUMN + "'");
            if (layout.stated != null && u != layout.stated) {
                throw new IllegalArgumentException("sample '" + id(r) + "': the unit stated with withUnit ("
                        + layout.stated + ") contradicts its '" + UNIT_COLUMN + "' column (" + u + ")");
            }
            return u;
        }

        private String id(Row r) {
            if (r.isNullAt(layout.id)) {
                throw new IllegalArgumentException("a row has no sample id (column " + (layout.id + 1) + " is null, or"
                        + " an empty cell)");
            }
            return String.valueOf(r.get(layout.id));
        }

        private double[] values(Row r) {
            double[] v = new double[layout.columns.length];
            for (int j = 0; j < v.length; j++) {
                int c = layout.columns[j];
                if (r.isNullAt(c)) {
                    throw new IllegalArgumentException("sample '" + id(r) + "', column '" + layout.features.get(j)
                            + "': no value (null, or an empty cell)");
                }
                Object x = r.get(c);
                if (x instanceof String text) {
                    try {
                        v[j] = DelimitedText.parseNumber(text); // the core's number rule, as its readers apply it
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("sample '" + id(r) + "', column '" + layout.features.get(j)
                                + "': " + e.getMessage(), e);
                    }
                } else {
                    v[j] = ((Number) x).doubleValue();
                }
            }
            return v;
        }
    }
}
