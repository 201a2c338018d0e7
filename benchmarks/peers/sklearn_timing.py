"""Times scikit-learn on the matrices FitBenchmark fits, as a peer for benchmarks/README.md.

Not run by CI. Needs Debian's python3-sklearn (run with /usr/bin/python3).

    java -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.FitPeerData target/peers
    /usr/bin/python3 benchmarks/peers/sklearn_timing.py target/peers

LogisticRegressionCV with an L1 penalty is scikit-learn's counterpart of cv.glmnet and of
LogisticTrainer.train: a grid of penalties, 10 stratified folds, the penalty with the best held-out
log-loss, then a refit on all samples. The grid is glmnet's: λ from λmax down by the ratio
r^(1/99) per step, r = 1e-4 when there are more samples than features and 1e-2 otherwise; 51 λ
for molecules (where gutsignal's and glmnet's paths stop) and 100 for KOs; as C = 1 / (n λ)
because scikit-learn penalises the summed loss and glmnet the mean.
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.model_selection import StratifiedKFold

folder = sys.argv[1] if len(sys.argv) > 1 else "target/peers"
print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
for level, steps, reps in (("MOLECULE", 51, 20), ("KO", 100, 1)):
    data = np.genfromtxt(f"{folder}/fit-{level}.tsv", delimiter="\t", skip_header=1)
    y = data[:, 1].astype(int)
    x = data[:, 2:]
    n = len(y)
    sd = x.std(axis=0)
    sd[sd == 0] = 1.0  # a constant column never enters the path
    xc = (x - x.mean(axis=0)) / sd
    lambda_max = np.max(np.abs(xc.T @ (y - y.mean()))) / n
    ratio = 1e-4 if n > x.shape[1] else 1e-2
    lambdas = lambda_max * (ratio ** (1 / 99)) ** np.arange(steps)
    cs = 1.0 / (n * lambdas)
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=42)
    for solver in ("liblinear", "saga"):
        for jobs in (1, 2):
            model = LogisticRegressionCV(Cs=cs, cv=folds, penalty="l1", solver=solver, scoring="neg_log_loss",
                                         n_jobs=jobs, max_iter=10000)
            model.fit(x, y)  # warm-up
            t0 = time.perf_counter()
            for _ in range(reps):
                model.fit(x, y)
            ms = 1000 * (time.perf_counter() - t0) / reps
            print(f"{level:8s} {n} x {x.shape[1]}: LogisticRegressionCV l1 {solver:9s} n_jobs={jobs}, "
                  f"{steps} C x 10 folds: {ms:.1f} ms (mean of {reps})")
    t0 = time.perf_counter()
    for _ in range(reps):
        LogisticRegression(C=1.0 / (n * 0.01), penalty="l2", solver="lbfgs", max_iter=10000).fit(x, y)
    print(f"{level:8s} one L2 lbfgs fit at λ = 0.01: {1000 * (time.perf_counter() - t0) / reps:.2f} ms")
