# Reference fits for org.gutsignal.model.GlmnetAgreementTest.
# Run from this folder:  Rscript make_reference.R
# Writes the fixture data (*.data.csv) and glmnet 4.1 results (*.ref.csv).
# Every number is written with 17 significant digits so Java reads the same doubles.
suppressMessages(library(glmnet))
stopifnot(packageVersion("glmnet") >= "4.1")
g17 <- function(x) sprintf("%.17g", x)

write_data <- function(file, ids, y, X, extra = list()) {
  df <- data.frame(sample_id = ids, y = y, stringsAsFactors = FALSE)
  for (k in names(extra)) df[[k]] <- extra[[k]]
  for (j in colnames(X)) df[[j]] <- g17(X[, j])
  for (k in names(extra)) if (is.numeric(extra[[k]]) && !is.integer(extra[[k]])) df[[k]] <- g17(extra[[k]])
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}

# one row per lambda: lambda, intercept, coefficients (original scale), dev.ratio
write_fit <- function(file, fit, X) {
  b <- as.matrix(coef(fit))
  out <- data.frame(lambda = g17(fit$lambda), intercept = g17(b[1, ]), dev_ratio = g17(fit$dev.ratio))
  for (j in colnames(X)) out[[j]] <- g17(b[j, ])
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

TH <- 1e-14
USER_LAMBDA <- c(0.2, 0.08, 0.03, 0.01, 0.003, 0.001)

## (1) molecule-profile-like: 300 x 6, correlated log-normal capacities ------------------
set.seed(20250101)
n <- 300
mol <- c("HMBPP", "LPS", "BUTYRATE", "SECONDARY_BILE_ACIDS", "INDOLE", "TMA")
S <- 0.5 ^ abs(outer(1:6, 1:6, "-"))           # AR(1) correlation 0.5
Z <- matrix(rnorm(n * 6), n, 6) %*% chol(S)
X <- exp(0.6 * Z + matrix(c(2, 1, 1.5, 0.5, 0, -0.5), n, 6, byrow = TRUE))
colnames(X) <- mol
eta <- -0.5 + 0.35 * (X[, 1] - mean(X[, 1])) - 0.4 * (X[, 2] - mean(X[, 2])) - 0.5 * (X[, 4] - mean(X[, 4]))
y <- rbinom(n, 1, plogis(eta))
fold <- sample(rep(1:10, length.out = n))
ids <- sprintf("m%03d", 1:n)
write_data("mol.data.csv", ids, y, X, list(fold = fold))
for (a in c(1, 0.5)) {
  tag <- if (a == 1) "a1" else "a05"
  write_fit(sprintf("mol_%s_path.ref.csv", tag), glmnet(X, y, family = "binomial", alpha = a, thresh = TH), X)
  write_fit(sprintf("mol_%s_user.ref.csv", tag),
            glmnet(X, y, family = "binomial", alpha = a, thresh = TH, lambda = USER_LAMBDA), X)
}
# Cross-validation curve on the folds in mol.data.csv. cv.glmnet fits each fold on that fold's own
# default lambda path and interpolates its coefficients at the full-data lambdas; gutsignal fits each
# fold at the full-data lambdas exactly. So the folds are fitted here with lambda = full path, and
# glmnet's own cv.lognet / cvstats / getOptcv.glmnet turn the held-out predictions into the curve.
# (cv.glmnet's interpolated curve differs from this by up to ~5e-4 relative in cvm and ~1e-2 in cvsd on this fixture.)
full <- glmnet(X, y, family = "binomial", alpha = 1, thresh = TH)
predmat <- matrix(NA, n, length(full$lambda))
for (i in 1:10) {
  fi <- glmnet(X[fold != i, ], y[fold != i], family = "binomial", alpha = 1, thresh = TH, lambda = full$lambda)
  predmat[fold == i, ] <- predict(fi, X[fold == i, ], type = "link")
}
raw <- glmnet:::cv.lognet(predmat, y, "deviance", rep(1, n), fold, TRUE)
st <- glmnet:::cvstats(raw, fold, 10, full$lambda, full$df, TRUE)
opt <- glmnet:::getOptcv.glmnet(st$lambda, st$cvm, st$cvsd, "deviance")
write.csv(data.frame(lambda = g17(st$lambda), cvm = g17(st$cvm), cvsd = g17(st$cvsd),
                     is_min = st$lambda == opt$lambda.min, is_1se = st$lambda == opt$lambda.1se),
          "mol_a1_cv.ref.csv", row.names = FALSE, quote = FALSE)

## (2) p > n: 80 x 300 sparse KO-like counts, log1p-transformed ------------------------------
set.seed(20250102)
n <- 80; p <- 300
present <- matrix(rbinom(n * p, 1, 0.3), n, p)
counts <- present * matrix(rnbinom(n * p, size = 0.8, mu = 40), n, p)
X <- log1p(counts)
colnames(X) <- sprintf("K%05d", 1:p)
X[, 7] <- 0                                    # an all-zero column
eta <- 0.6 * (X[, 1] - mean(X[, 1])) - 0.6 * (X[, 2] - mean(X[, 2])) + 0.5 * (X[, 3] - mean(X[, 3]))
y <- rbinom(n, 1, plogis(eta))
write_data("wide.data.csv", sprintf("w%02d", 1:n), y, X)
write_fit("wide_a1_path.ref.csv", glmnet(X, y, family = "binomial", alpha = 1, thresh = TH), X)
write_fit("wide_a1_user.ref.csv",
          glmnet(X, y, family = "binomial", alpha = 1, thresh = TH, lambda = c(0.15, 0.1, 0.07, 0.05)), X)

## (3) weights, limits and an unpenalised site column: 200 x 5 ---------------------------------
set.seed(20250103)
n <- 200
X <- cbind(HMBPP = rgamma(n, 2, 1), LPS = rgamma(n, 3, 2), BUTYRATE = rnorm(n, 5, 2),
           INDOLE = rexp(n), site2 = rbinom(n, 1, 0.4))
eta <- -1 + 0.8 * X[, "HMBPP"] - 0.2 * X[, "LPS"] + 0.7 * X[, "site2"] - 0.3 * X[, "INDOLE"]
y <- rbinom(n, 1, plogis(eta))
w <- round(runif(n, 0.2, 3), 3)
write_data("constrained.data.csv", sprintf("c%03d", 1:n), y, X, list(weight = w))
pf <- c(1, 1, 1, 1, 0)
lo <- c(0, -Inf, -Inf, 0, -Inf)                 # HMBPP >= 0; INDOLE >= 0 (true effect negative: binds)
up <- c(Inf, 0, Inf, Inf, Inf)                  # LPS <= 0
write_fit("constrained_path.ref.csv",
          glmnet(X, y, family = "binomial", alpha = 0.7, weights = w, penalty.factor = pf,
                 lower.limits = lo, upper.limits = up, thresh = TH), X)
write_fit("constrained_user.ref.csv",
          glmnet(X, y, family = "binomial", alpha = 0.7, weights = w, penalty.factor = pf,
                 lower.limits = lo, upper.limits = up, thresh = TH, lambda = USER_LAMBDA), X)
