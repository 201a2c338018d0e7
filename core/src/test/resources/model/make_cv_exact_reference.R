# Reference curves for LogisticTrainer's cv.glmnet-exact mode (GlmnetCvExactTest).
# Run from this folder after make_reference.R:  Rscript make_cv_exact_reference.R
# cv.glmnet itself, glmnet 4.1.6: each fold fits its own default lambda path and its coefficients are
# interpolated at the full-data lambdas (glmnet's lambda.interp); type.measure = "deviance".
# Every number is written with 17 significant digits so Java reads the same doubles.
suppressMessages(library(glmnet))
stopifnot(packageVersion("glmnet") >= "4.1")
g17 <- function(x) sprintf("%.17g", x)
TH <- 1e-14

write_cv <- function(file, cv) {
  write.csv(data.frame(lambda = g17(cv$lambda), cvm = g17(cv$cvm), cvsd = g17(cv$cvsd),
                       is_min = cv$lambda == cv$lambda.min, is_1se = cv$lambda == cv$lambda.1se),
            file, row.names = FALSE, quote = FALSE)
}

mol <- read.csv("mol.data.csv")
X <- as.matrix(mol[, 4:ncol(mol)])
for (a in c(1, 0.5)) {
  tag <- if (a == 1) "a1" else "a05"
  cv <- cv.glmnet(X, mol$y, family = "binomial", alpha = a, thresh = TH, foldid = mol$fold,
                  type.measure = "deviance")
  write_cv(sprintf("mol_%s_cvexact.ref.csv", tag), cv)
}

wide <- read.csv("wide.data.csv")
X <- as.matrix(wide[, 3:ncol(wide)])
set.seed(20251129)
fold <- sample(rep(1:5, length.out = nrow(X)))
write.csv(data.frame(sample_id = wide$sample_id, fold = fold), "wide_folds.csv", row.names = FALSE, quote = FALSE)
cv <- cv.glmnet(X, wide$y, family = "binomial", alpha = 1, thresh = TH, foldid = fold, type.measure = "deviance")
write_cv("wide_a1_cvexact.ref.csv", cv)
