#!/usr/bin/env python3
"""Reference values for org.gutsignal.transform tests, computed independently with numpy.

Run: python3 make_reference.py  (prints Java array literals pasted into TransformReferenceTest).
Not run in CI. Conventions: sd with ddof=1 (R's sd); near-zero variance follows
caret::nearZeroVar (freqCut 95/5, uniqueCut 10).
"""
import numpy as np

train = np.array([
    [0.5, 0.3, 0.2, 0.0, 0.01],
    [0.2, 0.0, 0.8, 0.0, 0.01],
    [0.0, 0.6, 0.4, 0.0, 0.01],
    [0.3, 0.2, 0.0, 0.5, 0.01],
    [0.1, 0.05, 0.0, 0.85, 0.01],
])
test = np.array([
    [0.1, 0.4, 0.0, 0.5, 0.01],
    [0.0, 0.0, 0.9, 0.1, 0.02],
])


def jarr(name, a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 1:
        body = ", ".join(repr(float(v)) for v in a)
        print(f"    static final double[] {name} = {{{body}}};")
    else:
        rows = ",\n        ".join("{" + ", ".join(repr(float(v)) for v in r) + "}" for r in a)
        print(f"    static final double[][] {name} = {{\n        {rows}}};")


# total-sum scaling (row-wise)
jarr("TSS_TEST", test / test.sum(axis=1, keepdims=True))
# log10 with fixed pseudocount
jarr("LOG10_TEST", np.log10(test + 1e-5))
# natural log, pseudocount = half the smallest non-zero TRAINING value
pc = train[train > 0].min() / 2
jarr("LN_HALFMIN_PSEUDOCOUNT", [pc])
jarr("LN_HALFMIN_TEST", np.log(test + pc))
# centred log-ratio per sample, pseudocount 1e-5
lt = np.log(test + 1e-5)
jarr("CLR_TEST", lt - lt.mean(axis=1, keepdims=True))
# standardisation with training mean and sd (ddof=1); constant columns get scale 1
m = train.mean(axis=0)
s = train.std(axis=0, ddof=1)
s[s == 0] = 1.0
jarr("STD_CENTRE", m)
jarr("STD_SCALE", s)
jarr("STD_TEST", (test - m) / s)
# SIAMCAT's normalisations are checked against SIAMCAT's own code instead:
# make_siamcat_norm_reference.R and SiamcatNormalizationTest
# prevalence filter: value > 0 in >= 60% of training samples
prev = (train > 0).mean(axis=0)
print("    // prevalence > 0 per feature:", prev.tolist(), "-> kept", [f"f{j+1}" for j in range(5) if prev[j] >= 0.6])
# abundance filters
print("    // max per feature:", train.max(axis=0).tolist(), "-> max >= 0.5 kept",
      [f"f{j+1}" for j in range(5) if train.max(axis=0)[j] >= 0.5])
print("    // mean per feature:", train.mean(axis=0).tolist(), "-> mean >= 0.25 kept",
      [f"f{j+1}" for j in range(5) if train.mean(axis=0)[j] >= 0.25])
# pipeline: prevalence(>0, 0.6) -> log10(1e-5) -> standardize, fitted on train, applied to test
keep = prev >= 0.6
lt = np.log10(train[:, keep] + 1e-5)
pm, ps = lt.mean(axis=0), lt.std(axis=0, ddof=1)
ps[ps == 0] = 1.0  # constant in training: scale 1, as gutsignal does
jarr("PIPELINE_TEST", (np.log10(test[:, keep] + 1e-5) - pm) / ps)

# caret::nearZeroVar rule on a 20-sample table
nzv = np.zeros((20, 4))
nzv[:, 0] = np.arange(20)                # all distinct: kept
nzv[:, 1] = [0] * 19 + [1]               # freqRatio 19 (not > 19): kept
nzv[:, 2] = [0] * 20                     # zero variance: removed
nzv[:, 3] = [0] * 18 + [1, 1]          # freqRatio 9, 10% unique... not > 19: kept
nzv5 = np.array([0.0] * 39 + [1.0])      # 40 samples: freqRatio 39 > 19 and 5% unique: removed


def caret_nzv(x, freq_cut=95 / 5, unique_cut=10):
    vals, counts = np.unique(x, return_counts=True)
    if len(vals) == 1:
        return True
    c = np.sort(counts)[::-1]
    return (c[0] / c[1] > freq_cut) and (100 * len(vals) / len(x) <= unique_cut)


print("    // caret nzv (n=20) per column:", [bool(caret_nzv(nzv[:, j])) for j in range(4)])
print("    // caret nzv (n=40, 39 zeros + one 1):", caret_nzv(nzv5))
