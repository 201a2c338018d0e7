#!/usr/bin/env Rscript
# Benjamini-Hochberg q-values with R's p.adjust(method = "BH") for gutsignal's association tests.
# Run after make_reference.py, from this directory:  Rscript make_reference.R
# Reads reference_scipy.csv (p-values per group and feature); writes reference_bh.csv with the
# q-values adjusted within each group, plus bh_cases.csv for hand-picked p-value vectors (ties, NA).
d <- read.csv("reference_scipy.csv")
d$q_value <- ave(d$p_value, d$group, FUN = function(p) p.adjust(p, method = "BH"))
out <- data.frame(group = d$group, feature = d$feature, q_value = sprintf("%.17g", d$q_value))
write.csv(out, "reference_bh.csv", row.names = FALSE, quote = FALSE)
cases <- list(
  ties = c(0.01, 0.04, 0.04, 0.03, 0.2, 0.5, 0.04, 0.9, 1e-5, 0.011),
  with_na = c(0.02, NA, 0.001, 0.3, 0.049),
  single = c(0.3))
bh <- data.frame(case = character(), p = character(), q = character())
for (nm in names(cases)) {
  p <- cases[[nm]]
  q <- p.adjust(p, method = "BH")
  bh[nrow(bh) + 1, ] <- list(nm, paste(sprintf("%.17g", p), collapse = ";"),
                             paste(sprintf("%.17g", q), collapse = ";"))
}
write.csv(bh, "bh_cases.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
