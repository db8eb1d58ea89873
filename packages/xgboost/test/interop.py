"""Interop helper for test/interop.test.ts: reads data, models and writes predictions as files."""
import sys

import numpy as np
import xgboost as xgb

mode, folder, rows, cols = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(f"{folder}/X.f32", dtype=np.float32).reshape(rows, cols)

if mode == "predict":
    # Load models written by the TypeScript side and predict the same rows.
    for fmt in ("json", "ubj"):
        booster = xgb.Booster(model_file=f"{folder}/ts-model.{fmt}")
        dm = xgb.DMatrix(X, feature_names=booster.feature_names)
        booster.predict(dm).astype(np.float32).tofile(f"{folder}/py-pred-{fmt}.f32")
        booster.predict(dm, pred_contribs=True).astype(np.float32).tofile(f"{folder}/py-shap-{fmt}.f32")
else:
    # Train here; the TypeScript side loads the model and must predict identically.
    y = np.fromfile(f"{folder}/y.f32", dtype=np.float32)
    dm = xgb.DMatrix(X, label=y, feature_names=[f"x{i}" for i in range(cols)])
    params = {"objective": "binary:logistic", "max_depth": 4, "tree_method": "hist", "seed": 1}
    booster = xgb.train(params, dm, num_boost_round=15)
    booster.save_model(f"{folder}/py-model.json")
    booster.save_model(f"{folder}/py-model.ubj")
    booster.predict(dm).astype(np.float32).tofile(f"{folder}/py-pred.f32")
    booster.predict(dm, output_margin=True).astype(np.float32).tofile(f"{folder}/py-margin.f32")
