/**
 * Preprocessing of feature tables with parameters fitted on training data only.
 *
 * <p>{@link org.gutsignal.transform.Transform} describes one step (total-sum scaling, log10 / ln
 * with a pseudocount, centred log-ratio, standardisation, SIAMCAT's normalisations {@code log.std},
 * {@code log.unit}, {@code rank.unit}, {@code rank.std} and {@code std}, prevalence, abundance and
 * near-zero-variance filters); {@link org.gutsignal.transform.Preprocessing} is a
 * sequence of them; {@code fit(train)} gives a frozen
 * {@link org.gutsignal.transform.FittedPreprocessing} that applies the same parameters to any
 * table or single sample and is described entirely by plain data
 * ({@link org.gutsignal.transform.FittedStep}) for model files.
 */
package org.gutsignal.transform;
