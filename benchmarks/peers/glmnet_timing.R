# Times R glmnet on the matrices FitBenchmark fits, as a peer for benchmarks/README.md.
# Not run by CI. Needs R with glmnet (Debian: apt-get install r-cran-glmnet).
#
#   java -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.FitPeerData target/peers
#   Rscript benchmarks/peers/glmnet_timing.R target/peers
#
# glmnet(family = "binomial") with its defaults is the algorithm gutsignal's LogisticTrainer ports
# (100 λ, λmin ratio 1e-4 when n > p, thresh 1e-7); cv.glmnet with 10 folds fits the full path and
# then each fold at the full path's λ values, which is what LogisticTrainer.train does.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "target/peers"
cat(sprintf("R %s, glmnet %s\n", getRversion(), packageVersion("glmnet")))
for (level in c("MOLECULE", "KO")) {
  d <- read.delim(file.path(dir, paste0("fit-", level, ".tsv")), check.names = FALSE)
  x <- as.matrix(d[, -(1:2)])
  y <- d$response
  set.seed(42)
  foldid <- sample(rep(1:10, length.out = nrow(x)))
  reps <- if (ncol(x) <= 20) 50 else 1
  fit <- glmnet(x, y, family = "binomial")
  invisible(cv.glmnet(x, y, family = "binomial", foldid = foldid)) # warm-up
  path_ms <- 1000 * system.time(for (r in 1:reps) glmnet(x, y, family = "binomial"))[["elapsed"]] / reps
  cv_ms <- 1000 * system.time(for (r in 1:reps)
    cv.glmnet(x, y, family = "binomial", foldid = foldid))[["elapsed"]] / reps
  cat(sprintf("%-8s %d x %d: glmnet path (%d λ) %.2f ms; cv.glmnet 10-fold %.2f ms (mean of %d)\n",
              level, nrow(x), ncol(x), length(fit$lambda), path_ms, cv_ms, reps))
}
