/**
 * The data types every later step works on — the first layer of the pipeline sentence
 * {@code cohort → io → profile → transform → model → eval → report}; this package imports none
 * of the others.
 *
 * <ul>
 *   <li>{@link org.gutsignal.cohort.FeatureTable}: samples × features of one
 *       {@link org.gutsignal.cohort.AbundanceUnit} (immutable, finite, non-negative unless
 *       transformed); {@code FeatureTable.merge} stacks the samples of several tables and reports
 *       the zeros it filled.</li>
 *   <li>{@link org.gutsignal.cohort.SampleMetadata}: one {@link org.gutsignal.cohort.Response},
 *       group and covariates per sample.</li>
 *   <li>{@link org.gutsignal.cohort.Cohort}: a table joined to its metadata by sample id under a
 *       {@link org.gutsignal.cohort.JoinPolicy}, with a join report; ids that do not match come
 *       with a hint of what would make them match.</li>
 *   <li>{@link org.gutsignal.cohort.SampleIds}: the HUMAnN and MetaPhlAn suffixes of sample ids,
 *       in one list for the readers and the join's hints.</li>
 *   <li>{@link org.gutsignal.cohort.Splitters}: seeded, deterministic
 *       {@link org.gutsignal.cohort.Splitter}s (stratified and repeated k-fold, grouped k-fold,
 *       leave-one-group-out, group holdout) returning {@link org.gutsignal.cohort.Split}s; the
 *       trainer's inner λ selection and {@code eval.CrossValidation} deal folds with the same
 *       ones, so both can be compared with another tool on the same folds.</li>
 *   <li>{@link org.gutsignal.cohort.CohortFormatException}: a user's file does not have the
 *       expected form; an {@link java.io.IOException} naming file, 1-based line and column.</li>
 * </ul>
 *
 * <p>Everything here is immutable and thread-safe (except {@code SampleMetadata.Builder}).
 */
package org.gutsignal.cohort;
