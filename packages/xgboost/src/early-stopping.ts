const MAXIMIZED = ['auc', 'aucpr', 'pre', 'map', 'ndcg', 'interval-regression-accuracy'];

/** Whether a larger value of `metric` is better (AUC, MAP, NDCG, precision…), as Python decides. */
export function isMaximizedMetric(metric: string): boolean {
  const base = metric.replace(/@.*$/, '').replace(/-$/, '');
  return MAXIMIZED.includes(base);
}

/**
 * Tracks the best score of one metric and says when `rounds` iterations have passed without
 * improvement (strict improvement, as XGBoost's Python `EarlyStopping` callback).
 */
export class EarlyStopping {
  readonly rounds: number;
  readonly maximize: boolean;
  #bestIteration = -1;
  #bestScore = Number.NaN;

  constructor(rounds: number, maximize: boolean) {
    this.rounds = rounds;
    this.maximize = maximize;
  }

  /** Records one iteration's score; returns true when training should stop. */
  update(iteration: number, score: number): boolean {
    const improved =
      this.#bestIteration < 0 || (this.maximize ? score > this.#bestScore : score < this.#bestScore);
    if (improved) {
      this.#bestIteration = iteration;
      this.#bestScore = score;
      return false;
    }
    return iteration - this.#bestIteration >= this.rounds;
  }

  get bestIteration(): number | undefined {
    return this.#bestIteration < 0 ? undefined : this.#bestIteration;
  }

  get bestScore(): number | undefined {
    return this.#bestIteration < 0 ? undefined : this.#bestScore;
  }
}
