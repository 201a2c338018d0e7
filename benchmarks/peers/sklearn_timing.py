"""Times scikit-learn on the matrices FitBenchmark fits, as a peer for benchmarks/README.md.

Not run by CI. Needs Debian's python3-sklearn (run with /usr/bin/python3).

    java -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.FitPeerData target/peers
    /usr/bin/python3 benchmarks/peers/sklearn_timing.py target/peers [LEVEL ...]
    SKLEARN_SOLVERS=liblinear /usr/bin/python3 benchmarks/peers/sklearn_timing.py target/peers KO

SKLEARN_SOLVERS (default liblinear,saga) picks the solvers: saga does not finish on the KO matrix.

LogisticRegressionCV with an L1 penalty is scikit-learn's counterpart of cv.glmnet and of
LogisticTrainer.train: a grid of penalties, FitBenchmark's 10 folds (the file's fold column), the
penalty with the best held-out log-loss, then a refit on all samples. The grid is glmnet's: λ from λmax down by the ratio
r^(1/99) per step, r = 1e-4 when there are more samples than features and 1e-2 otherwise; 51 λ
for molecules (where gutsignal's and glmnet's paths stop) and 100 for KOs and genes; as C = 1 / (n λ)
because scikit-learn penalises the summed loss and glmnet the mean.
"""
import os
import sys
import time

import numpy as np
import scipy.io
import sklearn
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.model_selection import PredefinedSplit

folder = sys.argv[1] if len(sys.argv) > 1 else "target/peers"
levels = sys.argv[2:] if len(sys.argv) > 2 else ["MOLECULE", "KO", "GENES"]
solvers = [s.strip() for s in os.environ.get("SKLEARN_SOLVERS", "liblinear,saga").split(",") if s.strip()]
print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
for level in levels:
    steps, reps = {"MOLECULE": (51, 20), "KO": (100, 1), "GENES": (100, 1)}[level]
    labels = np.genfromtxt(f"{folder}/fit-{level}.tsv", delimiter="\t", skip_header=1)
    y = labels[:, 1].astype(int)
    folds = PredefinedSplit(labels[:, 2].astype(int) - 1)  # FitBenchmark's folds
    if level == "GENES":
        x = scipy.io.mmread(f"{folder}/fit-GENES.mtx").tocsc()  # sparse, as glmnet's dgCMatrix
        xd = x.toarray()
    else:
        x = xd = labels[:, 3:]
    n = len(y)
    sd = xd.std(axis=0)
    sd[sd == 0] = 1.0  # a constant column never enters the path
    xc = (xd - xd.mean(axis=0)) / sd
    lambda_max = np.max(np.abs(xc.T @ (y - y.mean()))) / n
    ratio = 1e-4 if n > xd.shape[1] else 1e-2
    lambdas = lambda_max * (ratio ** (1 / 99)) ** np.arange(steps)
    cs = 1.0 / (n * lambdas)
    # scikit-learn does not standardise: give it the standardised matrix (dense), as glmnet sees it;
    # for GENES also the sparse ln(1 + x) scaled by 1/sd (zeros kept), the form its sparse solvers take
    inputs = [("std", xc)]
    if level == "GENES":
        inputs.append(("sparse", x.multiply(1.0 / sd).tocsr()))
    for form, xx in inputs:
        for solver in solvers:
            for jobs in (1, 2):
                model = LogisticRegressionCV(Cs=cs, cv=folds, penalty="l1", solver=solver, scoring="neg_log_loss",
                                             n_jobs=jobs, max_iter=10000)
                t0 = time.perf_counter()
                for _ in range(reps):
                    model.fit(xx, y)
                ms = 1000 * (time.perf_counter() - t0) / reps
                print(f"{level:8s} {form:6s} {n} x {xd.shape[1]}: LogisticRegressionCV l1 {solver:9s} n_jobs={jobs}, "
                      f"{steps} C x 10 folds: {ms:.1f} ms (mean of {reps})", flush=True)
    t0 = time.perf_counter()
    for _ in range(reps):
        LogisticRegression(C=1.0 / (n * 0.01), penalty="l2", solver="lbfgs", max_iter=10000).fit(xc, y)
    print(f"{level:8s} one L2 lbfgs fit at λ = 0.01: {1000 * (time.perf_counter() - t0) / reps:.2f} ms", flush=True)
