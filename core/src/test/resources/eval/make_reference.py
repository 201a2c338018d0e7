#!/usr/bin/python3
"""Generates the eval fixtures and the scikit-learn reference values for gutsignal's metric tests.

Run from this directory with Debian's python3 (scikit-learn 1.2.1, numpy 1.24.2):
    /usr/bin/python3 make_reference.py && Rscript make_reference.R
Outputs (checked in, read by the Java tests; R or Python are NOT needed to run the tests):
    fixture_<name>.csv           label,score_a,score_b   (scores are probabilities in (0,1), rounded -> ties)
    reference_sklearn.csv        fixture,name,value
    roc_<name>.csv               fpr,tpr,threshold       (roc_curve(drop_intermediate=False) on score_a)
    pr_<name>.csv                recall,precision,threshold (precision_recall_curve on score_a)
    calib_<name>_<strategy>.csv  prob_true,prob_pred     (calibration_curve(n_bins=10) on score_a)
"""
import csv

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (average_precision_score, brier_score_loss, log_loss,
                             precision_recall_curve, roc_auc_score, roc_curve)


def make_fixture(n, decimals, seed):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.4).astype(int)
    # make sure both classes are present
    y[0], y[1] = 1, 0
    signal = rng.normal(size=n) + 1.2 * y
    a = 1.0 / (1.0 + np.exp(-(signal - 0.5)))
    b = 1.0 / (1.0 + np.exp(-(0.6 * signal + rng.normal(size=n) - 0.3)))
    lo = 10.0 ** -decimals
    a = np.clip(np.round(a, decimals), lo, 1 - lo)
    b = np.clip(np.round(b, decimals), lo, 1 - lo)
    return y, a, b


FIXTURES = {"small": (20, 2, 11), "medium": (200, 2, 12), "ties": (500, 1, 13)}

rows = []
for name, (n, dec, seed) in FIXTURES.items():
    y, a, b = make_fixture(n, dec, seed)
    with open(f"fixture_{name}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["label", "score_a", "score_b"])
        for yi, ai, bi in zip(y, a, b):
            w.writerow([int(yi), repr(float(ai)), repr(float(bi))])
    rows.append((name, "roc_auc_a", roc_auc_score(y, a)))
    rows.append((name, "roc_auc_b", roc_auc_score(y, b)))
    rows.append((name, "average_precision_a", average_precision_score(y, a)))
    rows.append((name, "brier_a", brier_score_loss(y, a)))
    rows.append((name, "log_loss_a", log_loss(y, a)))
    fpr, tpr, thr = roc_curve(y, a, drop_intermediate=False)
    with open(f"roc_{name}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["fpr", "tpr", "threshold"])
        for i in range(len(fpr)):
            # sklearn 1.2 puts max(score)+1 as the first threshold; gutsignal uses +Infinity
            w.writerow([repr(float(fpr[i])), repr(float(tpr[i])), "Infinity" if i == 0 else repr(float(thr[i]))])
    prec, rec, thr = precision_recall_curve(y, a)
    with open(f"pr_{name}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["recall", "precision", "threshold"])
        # sklearn order: increasing threshold, then the final (recall 0, precision 1) point without threshold
        for i in range(len(prec)):
            w.writerow([repr(float(rec[i])), repr(float(prec[i])), repr(float(thr[i])) if i < len(thr) else "Infinity"])
    for strategy in ("uniform", "quantile"):
        pt, pp = calibration_curve(y, a, n_bins=10, strategy=strategy)
        with open(f"calib_{name}_{strategy}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["prob_true", "prob_pred"])
            for t, p in zip(pt, pp):
                w.writerow([repr(float(t)), repr(float(p))])

# log-loss clipping: eps = np.finfo(float64).eps (sklearn 1.2 eps="auto")
y_clip = np.array([0, 1, 1, 0])
p_clip = np.array([0.0, 1.0, 0.5, 1.0])
rows.append(("clip", "log_loss", log_loss(y_clip, p_clip)))

with open("reference_sklearn.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["fixture", "name", "value"])
    for fixture, name, value in rows:
        w.writerow([fixture, name, repr(float(value))])
print("scikit-learn", sklearn.__version__, "numpy", np.__version__)
