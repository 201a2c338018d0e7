/**
 * Penalised logistic response models: fitting, scoring, explaining and saving.
 *
 * <p>The flow is {@code LogisticTrainer.train(cohort)} → {@link org.gutsignal.model.LogisticFit}
 * (the chosen {@link org.gutsignal.model.ResponseModel}, its {@link org.gutsignal.model.LogisticPath}
 * and the inner-CV {@link org.gutsignal.model.CvCurve}); {@code ResponseModel.score(table)} →
 * probabilities (refused if the table lacks a model feature); {@code ResponseModel.scoreWithCoverage(table)}
 * → {@link org.gutsignal.model.Scores} (probabilities and the table's coverage, absent features
 * filled with 0 only under an explicit {@code MissingFeaturePolicy.fillZero(maxShare)});
 * {@code ResponseModel.explain(table, i)} → {@link org.gutsignal.model.Explanation};
 * {@code ResponseModel.unitCheck(table)} → {@link org.gutsignal.model.UnitCheck} (a model records
 * the unit of its raw training table; scoring converts a table exactly or refuses it);
 * {@link org.gutsignal.model.ModelFiles} saves and loads models as versioned JSON.
 *
 * <p>The fitting reproduces R's glmnet for {@code family = "binomial"} (objective, standardisation,
 * λ path, penalty-factor rescaling, limits, stopping rules) and {@code cv.glmnet}'s deviance
 * curve; the tests compare against glmnet 4.1 output stored beside them.
 */
package org.gutsignal.model;
