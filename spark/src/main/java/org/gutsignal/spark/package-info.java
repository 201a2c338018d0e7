/**
 * gutsignal on Apache Spark 3.5: the core's science run on executors, with the core's numbers, bit for bit.
 *
 * <p>The pipeline's nouns, at population scale: {@link org.gutsignal.spark.SparkProfiler} (per-sample bioBakery
 * files on any Hadoop file system → a DataFrame of molecule capacities and coverage),
 * {@link org.gutsignal.spark.SparkScorer} (a DataFrame → probabilities, with a broadcast
 * {@link org.gutsignal.model.ResponseModel}), {@link org.gutsignal.spark.SparkCrossValidation} (repeated
 * cross-validation and its permutation test, one task per fold). {@link org.gutsignal.spark.SparkMain} is the
 * {@code spark-submit} entry point. Learners and splitters travel to the executors as
 * {@link org.gutsignal.spark.SerializableLearner} and {@link org.gutsignal.spark.SerializableSplitter} lambdas; models,
 * catalogs and trait tables as the bytes of their files; cohorts as plain data. See {@code docs/scaling.md}.
 */
package org.gutsignal.spark;
