package org.gutsignal.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.gutsignal.cohort.FeatureTable;

/** A core {@link FeatureTable} as a DataFrame: {@code sample_id}, optionally {@code unit}, then its features. */
final class Frames {

    private Frames() {
    }

    static Dataset<Row> of(SparkSession spark, FeatureTable t, boolean unitColumn, int partitions) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("sample_id", DataTypes.StringType, false));
        if (unitColumn) {
            fields.add(DataTypes.createStructField("unit", DataTypes.StringType, false));
        }
        for (String f : t.featureNames()) {
            fields.add(DataTypes.createStructField(f, DataTypes.DoubleType, false));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < t.sampleCount(); i++) {
            List<Object> v = new ArrayList<>();
            v.add(t.sampleIds().get(i));
            if (unitColumn) {
                v.add(t.unit().name());
            }
            for (double x : t.row(i)) {
                v.add(x);
            }
            rows.add(RowFactory.create(v.toArray()));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields)).repartition(partitions);
    }
}
