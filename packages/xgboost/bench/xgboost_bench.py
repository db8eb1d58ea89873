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
pred = booster.predict(dtrain)
t3 = time.perf_counter()
print(json.dumps({
    "dmatrixMs": (t1 - t0) * 1000,
    "trainMs": (t2 - t1) * 1000,
    "predictMs": (t3 - t2) * 1000,
    "checksum": float(pred[:1000].astype(np.float64).sum()),
}))
