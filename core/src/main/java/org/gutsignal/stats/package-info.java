/**
 * Univariate statistics on cohorts: {@link org.gutsignal.stats.Associations} tests every
 * feature between responders and non-responders (Wilcoxon rank-sum p-values matching scipy,
 * Benjamini-Hochberg q-values matching R's {@code p.adjust}, AUROC, SIAMCAT's generalised
 * fold change, median difference, prevalence) and returns an
 * {@link org.gutsignal.stats.AssociationTable} of {@link org.gutsignal.stats.FeatureAssociation}
 * rows; {@link org.gutsignal.stats.BenjaminiHochberg} is usable on its own. Reference values
 * in the tests come from scipy and R (scripts in {@code src/test/resources/stats}).
 * Everything here is immutable or stateless and thread-safe.
 */
package org.gutsignal.stats;
