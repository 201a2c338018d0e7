"""Times scikit-learn and numpy scoring the cohort ScoreBenchmark scores at the KO level, as a peer
for benchmarks/README.md. Not run by CI. Needs Debian's python3-sklearn (run with /usr/bin/python3).

    java -Xmx8g -cp benchmarks/target/benchmarks.jar org.gutsignal.benchmarks.ScorePeerData target/peers 80000
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/peers/sklearn_scoring.py target/peers
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 benchmarks/peers/sklearn_scoring.py target/peers

The model is gutsignal's (ScorePeerData writes its centres, scales, coefficients and intercept):
scikit-learn gets it as a fitted Pipeline(FunctionTransformer(log10(x + 1)), StandardScaler,
LogisticRegression), which is how a scikit-learn user scores raw abundances, and its
LogisticRegression alone on the prepared matrix. Every contender's probabilities are checked
against gutsignal's (ScorePeerData's expected file) before it is timed. Times: the fastest and the
median of the repetitions, in ms.
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

folder = sys.argv[1] if len(sys.argv) > 1 else "target/peers"
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
with open(f"{folder}/score-KO-model.tsv") as f:
    head = f.readline().rstrip("\n").split("\t")
meta = dict(zip(head[0::2], head[1::2]))
intercept, c = float(meta["intercept"]), float(meta["pseudocount"])
n, p = int(meta["patients"]), int(meta["features"])
model = np.genfromtxt(f"{folder}/score-KO-model.tsv", delimiter="\t", skip_header=2, usecols=(1, 2, 3))
centre, scale, beta = model[:, 0], model[:, 1], model[:, 2]
raw = np.fromfile(f"{folder}/score-KO-raw.f64", dtype="<f8").reshape(n, p)
expected = np.fromfile(f"{folder}/score-KO-expected.f64", dtype="<f8")
prepared = (np.log10(raw + c) - centre) / scale
print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}; {n} patients x {p} KOs, {reps} repetitions")

lr = LogisticRegression()
lr.classes_ = np.array([0, 1])
lr.coef_ = beta.reshape(1, -1)
lr.intercept_ = np.array([intercept])
lr.n_features_in_ = p
scaler = StandardScaler()
scaler.mean_, scaler.scale_, scaler.var_ = centre, scale, scale ** 2
scaler.n_features_in_, scaler.n_samples_seen_ = p, 800
log = FunctionTransformer(lambda x: np.log10(x + c)).fit(raw[:2])
pipeline = make_pipeline(log, scaler, lr)


def numpy_raw(x):
    eta = ((np.log10(x + c) - centre) / scale) @ beta + intercept
    return 1.0 / (1.0 + np.exp(-eta))


def numpy_prepared(x):
    return 1.0 / (1.0 + np.exp(-(x @ beta + intercept)))


contenders = [
    ("prepared: scikit-learn LogisticRegression.predict_proba", lambda: lr.predict_proba(prepared)[:, 1]),
    ("prepared: numpy x @ beta + sigmoid", lambda: numpy_prepared(prepared)),
    ("prepared: numpy sum of the matrix (stream bound)", lambda: np.full(n, prepared.sum())),
    ("raw: scikit-learn Pipeline(log10, StandardScaler, LR).predict_proba", lambda: pipeline.predict_proba(raw)[:, 1]),
    ("raw: numpy log10, standardise, x @ beta, sigmoid", lambda: numpy_raw(raw)),
]
for name, f in contenders:
    got = f()
    if "stream" not in name:
        diff = np.max(np.abs(got - expected))
        if not diff <= 1e-9:
            raise SystemExit(f"{name}: probabilities differ from gutsignal's by {diff}")
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        times.append(1000 * (time.perf_counter() - t0))
    times.sort()
    check = "" if "stream" in name else f"  (max |p - gutsignal| {np.max(np.abs(got - expected)):.2e})"
    print(f"{name:70s} fastest {times[0]:9.1f} ms  median {times[len(times) // 2]:9.1f} ms{check}", flush=True)
