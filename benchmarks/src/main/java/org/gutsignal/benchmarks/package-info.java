/**
 * JMH benchmarks for gutsignal (not part of the public API): scoring whole cohorts
 * ({@link org.gutsignal.benchmarks.ScoreBenchmark}), fitting with λ selection
 * ({@link org.gutsignal.benchmarks.FitBenchmark}) and reading a cohort from CSV/TSV
 * ({@link org.gutsignal.benchmarks.ReadBenchmark}), each beside its peers: Smile 2.6.0's
 * {@code LogisticRegression}, a bare hand-written loop and, for scoring, a plain read of the same
 * bytes (the bandwidth bound). Data are built in {@code @Setup} from seeded
 * {@link org.gutsignal.synth.SyntheticCohort}s or read from {@code testdata/synthetic} and
 * {@code testdata/lee2022}, so no timed method does I/O or generation. See
 * {@code benchmarks/README.md} for how to run them and the measured results.
 */
package org.gutsignal.benchmarks;
