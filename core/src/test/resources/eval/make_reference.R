#!/usr/bin/env Rscript
# pROC 1.18.0 and R glm reference values for gutsignal's metric tests.
# Run after make_reference.py (which writes the fixtures), from this directory:
#     Rscript make_reference.R
# Writes reference_proc.csv (fixture,name,value). The Java tests read it; they do not need R.
suppressMessages(library(pROC))
out <- data.frame(fixture = character(), name = character(), value = character())
add <- function(f, n, v) out[nrow(out) + 1, ] <<- list(f, n, sprintf("%.17g", v))
for (fx in c("small", "medium", "ties")) {
  d <- read.csv(sprintf("fixture_%s.csv", fx))
  # direction "<": controls have lower scores (no automatic flipping; gutsignal never flips)
  ra <- roc(d$label, d$score_a, levels = c(0, 1), direction = "<", quiet = TRUE)
  rb <- roc(d$label, d$score_b, levels = c(0, 1), direction = "<", quiet = TRUE)
  add(fx, "auc_a", as.numeric(auc(ra)))
  ci <- as.numeric(ci.auc(ra, method = "delong", conf.level = 0.95))
  add(fx, "delong_lower_a", ci[1]); add(fx, "delong_upper_a", ci[3])
  add(fx, "delong_var_a", var(ra, method = "delong"))
  t <- roc.test(ra, rb, method = "delong", paired = TRUE)
  add(fx, "delong_test_z", as.numeric(t$statistic)); add(fx, "delong_test_p", t$p.value)
  # Youden optimum. pROC thresholds are midpoints between distinct scores (predict positive when
  # score > t in direction "<"); gutsignal reports the smallest score above the midpoint
  # (predict positive when score >= threshold). Ties for the optimum are all written.
  best <- coords(ra, "best", best.method = "youden", ret = c("threshold", "specificity", "sensitivity"),
                 transpose = FALSE)
  add(fx, "youden_count", nrow(best))
  for (i in seq_len(nrow(best))) {
    add(fx, sprintf("youden_threshold_%d", i), min(d$score_a[d$score_a > best$threshold[i]]))
    add(fx, sprintf("youden_specificity_%d", i), best$specificity[i])
    add(fx, sprintf("youden_sensitivity_%d", i), best$sensitivity[i])
  }
  # calibration slope (full model) and intercept (logit(p) as offset), Van Calster 2016
  lp <- qlogis(d$score_a)
  tight <- glm.control(epsilon = 1e-14, maxit = 100)
  full <- coef(glm(d$label ~ lp, family = binomial, control = tight))
  add(fx, "calibration_slope", full[2])
  add(fx, "calibration_slope_intercept", full[1])
  add(fx, "calibration_intercept",
      coef(glm(d$label ~ 1 + offset(lp), family = binomial, control = tight))[1])
}
write.csv(out, "reference_proc.csv", row.names = FALSE, quote = FALSE)
cat("pROC", as.character(packageVersion("pROC")), R.version.string, "\n")
