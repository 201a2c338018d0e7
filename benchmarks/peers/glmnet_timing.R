# Times R glmnet on the matrices FitBenchmark fits, as a peer for benchmarks/README.md.
# Not run by CI. Needs R with glmnet (Debian: apt-get install r-cran-glmnet).
#
#   java -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.FitPeerData target/peers
#   Rscript benchmarks/peers/glmnet_timing.R target/peers [LEVEL ...]
#
# glmnet(family = "binomial") with its defaults is the algorithm gutsignal's LogisticTrainer ports
# (100 λ, λmin ratio 1e-4 when n > p and 1e-2 when p > n, thresh 1e-7); cv.glmnet with the same 10
# folds as FitBenchmark (the file's fold column) fits the full path and then each fold at the full
# path's λ values, which is what LogisticTrainer.train does. GENES is given to glmnet as a sparse
# dgCMatrix (glmnet's sparse solver; zeros stay zeros, glmnet standardises internally) and, for
# reference, as a dense matrix.
suppressMessages({library(glmnet); library(Matrix)})
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "target/peers"
levels <- if (length(args) >= 2) args[-1] else c("MOLECULE", "KO", "GENES")
cat(sprintf("R %s, glmnet %s, %s\n", getRversion(), packageVersion("glmnet"), date()))
time_fits <- function(label, x, y, foldid, reps) {
  fit <- glmnet(x, y, family = "binomial")
  invisible(cv.glmnet(x, y, family = "binomial", foldid = foldid)) # warm-up
  path_ms <- 1000 * system.time(for (r in 1:reps) glmnet(x, y, family = "binomial"))[["elapsed"]] / reps
  cv_ms <- 1000 * system.time(for (r in 1:reps)
    cv.glmnet(x, y, family = "binomial", foldid = foldid))[["elapsed"]] / reps
  cat(sprintf("%-14s %d x %d: glmnet path (%d λ) %.2f ms; cv.glmnet 10-fold %.2f ms (mean of %d)\n",
              label, nrow(x), ncol(x), length(fit$lambda), path_ms, cv_ms, reps))
}
for (level in levels) {
  d <- read.delim(file.path(dir, paste0("fit-", level, ".tsv")), check.names = FALSE)
  y <- d$response
  foldid <- d$fold
  if (level == "GENES") {
    x <- as(readMM(file.path(dir, "fit-GENES.mtx")), "CsparseMatrix")
    time_fits("GENES sparse", x, y, foldid, 3)
    time_fits("GENES dense", as.matrix(x), y, foldid, 1)
  } else {
    x <- as.matrix(d[, -(1:3)])
    time_fits(level, x, y, foldid, if (ncol(x) <= 20) 50 else 3)
  }
}
