#!/usr/bin/env Rscript
# R metafor (3.8-1) reference values for gutsignal's PooledAuroc (random-effects meta-analysis of
# per-group AUROCs on the logit scale). From this directory:
#     Rscript make_meta_reference.R
# Reads meta_fixtures.csv (fixture,group,auroc,variance: AUROCs with their DeLong variances) and
# writes meta_reference.csv (fixture,method,name,value). The Java tests read it; they do not need R.
#
# yi = logit(AUROC), vi = DeLong variance / (AUROC (1 - AUROC))^2 (delta method).
# threshold = 1e-12: metafor's REML Fisher scoring stops when tau^2 changes by less than this
# (its default, 1e-5, is looser than the 1e-8 the tests check to); gutsignal uses the same 1e-12.
# predict() is metafor's default for rma.uni with test = "z": normal quantiles for CI and PI.
suppressMessages(library(metafor))
fx <- read.csv("meta_fixtures.csv")
out <- data.frame(fixture = character(), method = character(), name = character(), value = character())
add <- function(f, m, n, v) out[nrow(out) + 1, ] <<- list(f, m, n, sprintf("%.17g", v))
for (f in unique(fx$fixture)) {
  d <- fx[fx$fixture == f, ]
  yi <- qlogis(d$auroc)
  vi <- d$variance / (d$auroc * (1 - d$auroc))^2
  for (m in c("DL", "REML")) {
    fit <- rma(yi, vi, method = m, control = list(threshold = 1e-12, maxiter = 1000))
    logit <- predict(fit)
    auc <- predict(fit, transf = transf.ilogit)
    add(f, m, "k", fit$k)
    add(f, m, "tau2", fit$tau2)
    add(f, m, "Q", fit$QE)
    add(f, m, "Q_p", fit$QEp)
    add(f, m, "I2", fit$I2 / 100)  # metafor reports percent; gutsignal a fraction
    add(f, m, "H2", fit$H2)
    add(f, m, "mu_logit", as.numeric(fit$beta))
    add(f, m, "se_logit", fit$se)
    add(f, m, "ci_lower_logit", logit$ci.lb); add(f, m, "ci_upper_logit", logit$ci.ub)
    add(f, m, "pi_lower_logit", logit$pi.lb); add(f, m, "pi_upper_logit", logit$pi.ub)
    add(f, m, "mu", auc$pred)
    add(f, m, "ci_lower", auc$ci.lb); add(f, m, "ci_upper", auc$ci.ub)
    add(f, m, "pi_lower", auc$pi.lb); add(f, m, "pi_upper", auc$pi.ub)
  }
}
write.csv(out, "meta_reference.csv", row.names = FALSE, quote = FALSE)
