"""Python side of bench/xgboost.bench.ts: the same data file, parameters and timings."""
import json
import sys
import time

import numpy as np
import xgboost as xgb

folder, rows, cols, rounds, nthread = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(f"{folder}/X.f32", dtype=np.float32).reshape(rows, cols)
y = np.fromfile(f"{folder}/y.f32", dtype=np.float32)
params = {
    "objective": "binary:logistic",
    "tree_method": "hist",
    "max_depth": 6,
    "eta": 0.3,
    "nthread": nthread,
    "seed": 0,
}

t0 = time.perf_counter()
dtrain = xgb.DMatrix(X, label=y, nthread=nthread)
t1 = time.perf_counter()
booster = xgb.train(params, dtrain, num_boost_round=rounds)
t2 = time.perf_counter()
# XGBoost caches predictions per matrix, so each timed call gets a fresh one; best of 3.
predict_ms = []
for _ in range(3):
    dtest = xgb.DMatrix(X, nthread=nthread)
    s = time.perf_counter()
    pred = booster.predict(dtest)
    predict_ms.append((time.perf_counter() - s) * 1000)
    del dtest
print(json.dumps({
    "dmatrixMs": (t1 - t0) * 1000,
    "trainMs": (t2 - t1) * 1000,
    "predictMs": min(predict_ms),
    "checksum": float(pred[:1000].astype(np.float64).sum()),
}))
