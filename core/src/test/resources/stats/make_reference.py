#!/usr/bin/python3
"""Fixture and scipy/numpy reference values for gutsignal's association tests.

Run from this directory (Debian python3: scipy 1.10.1, numpy 1.24.2), then make_reference.R:
    /usr/bin/python3 make_reference.py && Rscript make_reference.R
Writes
    associations_fixture.csv  sample_id,label,group,<features>   (relative abundances, zero-inflated, ties)
    reference_scipy.csv       group,feature,n_responders,n_non_responders,p_value,method,auroc,gfc,
                              median_difference,prevalence_responders,prevalence_non_responders
    mannwhitney_cases.csv     case,x,y,p_value,method  (x and y as ';'-separated values)
The group "all" is the pooled test over every sample.
"""
import csv

import numpy as np
import scipy
from scipy.stats import mannwhitneyu

PSEUDO = 1e-6
PROBS = np.array([0.10 + 0.05 * k for k in range(0, 17)])  # SIAMCAT probs.fc = seq(.1, .9, .05)
THRESHOLD = 0.0


def method_of(x, y):
    # scipy's rule for method='auto'
    ties = len(np.unique(np.concatenate([x, y]))) < len(x) + len(y)
    return "exact" if (min(len(x), len(y)) <= 8 and not ties) else "asymptotic"


def gfc(pos, neg):
    qp = np.quantile(np.log10(pos + PSEUDO), PROBS)
    qn = np.quantile(np.log10(neg + PSEUDO), PROBS)
    return float(np.mean(qp - qn))


def row(group, name, pos, neg):
    res = mannwhitneyu(pos, neg, alternative="two-sided", method="auto")
    auroc = res.statistic / (len(pos) * len(neg))
    return [group, name, len(pos), len(neg), repr(float(res.pvalue)), method_of(pos, neg), repr(float(auroc)),
            repr(gfc(pos, neg)), repr(float(np.median(pos) - np.median(neg))),
            repr(float(np.mean(pos > THRESHOLD))), repr(float(np.mean(neg > THRESHOLD)))]


rng = np.random.default_rng(2025)
n = 60
y = np.array([1 if i % 5 in (0, 2) else 0 for i in range(n)])  # 24 responders
groups = np.array(["siteA" if i < 36 else "siteB" for i in range(n)])
features = {}
features["HMBPP"] = np.round(rng.gamma(2.0, 0.01, n) * (1 + 0.8 * y), 4)            # higher in responders, ties
features["LPS"] = np.where(rng.random(n) < 0.3, 0.0, np.round(rng.gamma(2.0, 0.01, n) * (1.5 - 0.6 * y), 4))
features["BUTYRATE"] = np.round(rng.gamma(2.0, 0.01, n), 3)                            # no signal, heavy ties
features["RARE"] = np.where(rng.random(n) < 0.85, 0.0, np.round(rng.random(n) * 1e-3, 6))  # mostly zero
features["CONSTANT"] = np.full(n, 0.002)                                               # all tied
names = list(features)
with open("associations_fixture.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["sample_id", "label", "group"] + names)
    for i in range(n):
        w.writerow([f"s{i:02d}", int(y[i]), groups[i]] + [repr(float(features[k][i])) for k in names])

rows = []
for group, mask in [("all", np.ones(n, bool)), ("siteA", groups == "siteA"), ("siteB", groups == "siteB")]:
    for k in names:
        x = features[k][mask]
        rows.append(row(group, k, x[y[mask] == 1], x[y[mask] == 0]))
with open("reference_scipy.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["group", "feature", "n_responders", "n_non_responders", "p_value", "method", "auroc", "gfc",
                "median_difference", "prevalence_responders", "prevalence_non_responders"])
    w.writerows(rows)

cases = {
    "exact_6_7": (rng.normal(size=6) + 1.0, rng.normal(size=7)),
    "exact_5_40": (rng.normal(size=5) + 0.8, rng.normal(size=40)),
    "exact_8_8_extreme": (np.arange(8) + 100.0, np.arange(8) * 1.0),
    "asymptotic_ties_8_12": (np.round(rng.normal(size=8) + 0.5), np.round(rng.normal(size=12))),
    "asymptotic_9_10": (rng.normal(size=9) + 0.7, rng.normal(size=10)),
    "asymptotic_ties_50_70": (np.round(rng.normal(size=50) * 2 + 0.4), np.round(rng.normal(size=70) * 2)),
}
with open("mannwhitney_cases.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "x", "y", "p_value", "method"])
    for name, (a, b) in cases.items():
        p = mannwhitneyu(a, b, alternative="two-sided", method="auto").pvalue
        w.writerow([name, ";".join(repr(float(v)) for v in a), ";".join(repr(float(v)) for v in b),
                    repr(float(p)), method_of(a, b)])
print("scipy", scipy.__version__, "numpy", np.__version__)
