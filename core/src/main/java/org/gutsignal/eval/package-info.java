/**
 * Evaluation: how out-of-sample scores are made and judged — the step after {@code model} in
 * the pipeline sentence.
 *
 * <p><b>Cross-validation.</b> {@link org.gutsignal.eval.CrossValidation} runs a
 * {@link org.gutsignal.eval.Learner} over the {@link org.gutsignal.cohort.Split}s of a
 * {@link org.gutsignal.cohort.Splitter} (the same splitters the trainer's inner λ selection
 * uses) and returns a {@link org.gutsignal.eval.CvResult} of out-of-fold scores. Across cohorts
 * the result is the AUROC of each held-out group, summarised by a random-effects meta-analysis,
 * {@link org.gutsignal.eval.PooledAuroc} (with its prediction interval for a new cohort), not the
 * AUROC of all out-of-fold scores concatenated.
 *
 * <p><b>Metrics.</b> Small immutable result types with static factories, all taking
 * {@code double[]} scores or probabilities and {@code int[]} 0/1 labels (1 = responder):
 * {@link org.gutsignal.eval.Auroc} (DeLong and stratified-bootstrap CIs, DeLong test of two
 * correlated AUROCs), {@link org.gutsignal.eval.Auprc} (average precision),
 * {@link org.gutsignal.eval.BrierScore}, {@link org.gutsignal.eval.LogLoss},
 * {@link org.gutsignal.eval.CalibrationCurve}, {@link org.gutsignal.eval.Calibration} (slope
 * and intercept), {@link org.gutsignal.eval.ThresholdMetrics} (sensitivity, specificity,
 * PPV, NPV at a threshold or at Youden's optimum), {@link org.gutsignal.eval.RocCurve} and
 * {@link org.gutsignal.eval.PrecisionRecallCurve} for plots, and
 * {@link org.gutsignal.eval.PermutationTest} for a label-permutation p-value.
 *
 * <p>Conventions: higher scores mean "more likely responder"; a sample is predicted positive
 * when {@code score >= threshold}; tied scores are handled as in the reference tools (AUROC
 * counts a tie as one half; curves and average precision step over distinct scores). NaN or
 * infinite scores, labels other than 0/1 and mismatched lengths are rejected with
 * {@link java.lang.IllegalArgumentException}. Reference values in the tests come from pROC
 * 1.18, scikit-learn 1.2 and metafor 3.8 (scripts in {@code src/test/resources/eval}).
 * Everything in this package is immutable and thread-safe.
 */
package org.gutsignal.eval;
