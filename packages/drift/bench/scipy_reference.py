# The same statistics in scipy, for bench:drift: reads two float64 files, prints one JSON line.
import json
import sys
import time

import numpy as np
from scipy import stats

ref = np.fromfile(sys.argv[1], dtype=np.float64)
cur = np.fromfile(sys.argv[2], dtype=np.float64)
t0 = time.perf_counter()
w = stats.wasserstein_distance(ref, cur) / np.std(ref)
t1 = time.perf_counter()
ks = stats.ks_2samp(ref, cur, method="asymp")
t2 = time.perf_counter()
print(json.dumps({
    "normedWasserstein": w, "wassersteinMs": (t1 - t0) * 1000,
    "ks": ks.statistic, "ksP": ks.pvalue, "ksMs": (t2 - t1) * 1000,
}))
