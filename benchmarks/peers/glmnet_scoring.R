# Times R glmnet scoring the cohort ScoreBenchmark scores at the KO level, as a peer for
# benchmarks/README.md. Not run by CI. Needs R with glmnet (Debian: apt-get install r-cran-glmnet).
#
#   java -Xmx8g -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.ScorePeerData target/peers 80000
#   Rscript benchmarks/peers/glmnet_scoring.R target/peers
#
# glmnet fits the model itself (ridge, alpha = 0, lambda = 0.01, glmnet's other defaults, as
# gutsignal's model, on the 800 training patients preprocessed as gutsignal preprocessed them:
# log10(x + 1), standardised), then predict.glmnet scores the 80,000 patients: from the prepared
# matrix, and from the raw abundances with the preprocessing written out in R, as an R user would.
# The probabilities are compared with gutsignal's (ScorePeerData's expected file; glmnet's own fit,
# the same algorithm and threshold, so they agree to rounding): the script stops if a file's size
# does not match the model file's counts or a probability differs by more than 1e-9. R's sum() accumulates in long
# double, so it is no bandwidth bound here. Times: fastest and median of the repetitions, in ms.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "target/peers"
reps <- if (length(args) >= 2) as.integer(args[2]) else 7
head <- strsplit(readLines(file.path(dir, "score-KO-model.tsv"), n = 1), "\t")[[1]]
meta <- setNames(as.numeric(head[c(FALSE, TRUE)]), head[c(TRUE, FALSE)])
n <- meta[["patients"]]; p <- meta[["features"]]; pc <- meta[["pseudocount"]]; a0 <- meta[["intercept"]]
for (f in c("score-KO-raw.f64", "score-KO-expected.f64")) {
  want <- 8 * (if (f == "score-KO-raw.f64") n * p else n)
  got <- file.size(file.path(dir, f))
  if (is.na(got) || got != want) stop(sprintf("%s holds %s bytes but the model file promises %.0f", f, got, want))
}
model <- read.delim(file.path(dir, "score-KO-model.tsv"), skip = 1)
train <- read.delim(file.path(dir, "score-KO-train.tsv"), check.names = FALSE)
con <- file(file.path(dir, "score-KO-raw.f64"), "rb")
raw <- matrix(readBin(con, "double", n * p, size = 8, endian = "little"), nrow = n, ncol = p, byrow = TRUE)
close(con)
con <- file(file.path(dir, "score-KO-expected.f64"), "rb")
expected <- readBin(con, "double", n, size = 8, endian = "little")
close(con)
cat(sprintf("R %s, glmnet %s; %d patients x %d KOs, %d repetitions\n", getRversion(), packageVersion("glmnet"),
            n, p, reps))
fit <- glmnet(as.matrix(train[, -1]), train$response, family = "binomial", alpha = 0, lambda = 0.01)
centre <- model$centre; sds <- model$scale
prepared <- scale(log10(raw + pc), center = centre, scale = sds)
time_it <- function(name, f) {
  got <- f()
  d <- if (is.null(got)) NA else max(abs(got - expected))
  if (!is.null(got) && !(d <= 1e-9)) stop(sprintf("%s: probabilities differ from gutsignal's by %g", name, d))
  times <- sort(sapply(seq_len(reps), function(r) 1000 * system.time(f())[["elapsed"]]))
  check <- if (is.null(got)) "" else sprintf("  (max |p - gutsignal| %.2e)", d)
  cat(sprintf("%-62s fastest %9.1f ms  median %9.1f ms%s\n", name, times[1], times[(reps + 1) %/% 2], check))
}
time_it("prepared: predict(glmnet fit, type = \"response\")",
        function() as.vector(predict(fit, newx = prepared, type = "response")))
time_it("prepared: plogis(x %*% beta + a0)",
        function() as.vector(plogis(prepared %*% model$coefficient + a0)))
time_it("prepared: sum(x) (long double; not a bound)", function() { sum(prepared); NULL })
time_it("raw: log10, scale(), predict(glmnet fit)",
        function() as.vector(predict(fit, newx = scale(log10(raw + pc), center = centre, scale = sds),
                                     type = "response")))
