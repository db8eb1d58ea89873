/**
 * score.py, written beside an exported model (see export-python.ts). It feeds XGBoost exactly what
 * SodAI does: float32 values in the signature's feature order, NaN as missing, categorical features
 * as integer codes typed 'c', and the rounds up to the best iteration when early stopping set one.
 */
export const PYTHON_SCORER = `#!/usr/bin/env python3
"""Scores SodAI's exported feature rows with the exported model.

Usage: python3 score.py [features.csv|features.parquet] [scores.csv]
Needs xgboost (the version that trained the model, see signature.json) and pandas (plus pyarrow for
Parquet input). Writes customer_id, product_id and the purchase probability of every row. The weekly
decision rule (which probabilities count as predicted purchases) is in signature.json, "registered".
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb

HERE = Path(__file__).resolve().parent


def load_rows(path):
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)


def score(rows, signature, booster):
    features = signature["features"]
    names = [f["name"] for f in features]
    missing = [n for n in names if n not in rows.columns]
    if missing:
        raise SystemExit(f"the rows lack the model's features: {', '.join(missing)}")
    types = ["c" if f["type"] == "categorical" else "float" for f in features]
    matrix = rows[names].to_numpy(dtype=np.float32, na_value=np.nan)
    dmatrix = xgb.DMatrix(matrix, feature_names=names, feature_types=types, enable_categorical=True)
    best = booster.attr("best_iteration")
    rounds = (0, int(best) + 1) if best is not None else (0, 0)
    return booster.predict(dmatrix, iteration_range=rounds)


def main(argv):
    rows_path = Path(argv[1]) if len(argv) > 1 else HERE / "features.csv"
    out_path = Path(argv[2]) if len(argv) > 2 else HERE / "scores.csv"
    signature = json.loads((HERE / "signature.json").read_text())
    booster = xgb.Booster(model_file=str(HERE / "model.ubj"))
    rows = load_rows(rows_path)
    out = rows[["customer_id", "product_id"]].copy()
    out["probability"] = score(rows, signature, booster)
    out.to_csv(out_path, index=False, float_format="%.9g")
    print(f"{len(out)} rows of cut-off {signature['cutoff']} scored by v{signature['version']} -> {out_path}")


if __name__ == "__main__":
    main(sys.argv)
`;
