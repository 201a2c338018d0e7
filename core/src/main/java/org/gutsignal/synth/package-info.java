/**
 * Seeded synthetic cohorts with known truth: {@link org.gutsignal.synth.SyntheticCohort} draws a
 * species pool with molecule traits, site-specific species compositions, KO abundances, the true
 * molecule capacities and responses from a known logistic model of those capacities. The
 * checked-in cohort in {@code testdata/synthetic} is its default output.
 */
package org.gutsignal.synth;
