"""Reference runs for tune.bench.ts: Optuna's default TPESampler on the same test functions.

Reads {"functions": [...], "seeds": [...], "n_trials": N} as JSON on stdin and prints
{"<function>": [[best value after trial 1..N] per seed]} as JSON on stdout.
"""
import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
HARTMANN_P = [
    [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
    [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
    [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
    [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
]


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock5(trial):
    x = [trial.suggest_float(f"x{i}", -5, 10) for i in range(5)]
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(4))


FUNCTIONS = {"branin": branin, "hartmann6": hartmann6, "rosenbrock5": rosenbrock5}


def main():
    config = json.load(sys.stdin)
    out = {}
    for name in config["functions"]:
        runs = []
        for seed in config["seeds"]:
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
            study.optimize(FUNCTIONS[name], n_trials=config["n_trials"])
            best, curve = math.inf, []
            for t in study.trials:
                best = min(best, t.value)
                curve.append(best)
            runs.append(curve)
        out[name] = runs
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
