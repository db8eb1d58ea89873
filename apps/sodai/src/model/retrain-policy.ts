/** `auto` follows the policy; `force` always trains; `never` never does. */
export type RetrainMode = 'auto' | 'force' | 'never';

export interface RetrainFacts {
  readonly mode: RetrainMode;
  /** The cut-off the run predicts for (the day after the latest data). */
  readonly cutoff: string;
  readonly maxAgeWeeks: number;
  /** Whether a drift verdict retrains (`model.retrainOnDrift`); otherwise it is only reported. */
  readonly retrainOnDrift: boolean;
  readonly champion?: {
    readonly version: number;
    /** Whether it takes today's feature contract as input. */
    readonly compatible: boolean;
    /** The cut-off it was trained to predict; its age counts in data weeks from there. */
    readonly trainedFor: string;
  };
  readonly drift?: { readonly drifted: boolean; readonly reason: string };
}

export interface RetrainDecision {
  readonly retrain: boolean;
  readonly reason: string;
}

const DAY_MS = 86_400_000;

/** Whole and partial weeks from one day to a later one. */
export function weeksBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * DAY_MS);
}

/**
 * Whether a weekly run trains a challenger. The weekly DAG and `sodai replay` both ask this one
 * function, so a replay measures what production does. Age is counted in weeks of data, not of
 * wall-clock time: a replay of last year ages its champion as the year did.
 *
 * @example
 * decideRetrain({ mode: 'auto', cutoff: '2024-12-02', maxAgeWeeks: 4, retrainOnDrift: true }).reason; // 'there is no champion yet'
 */
export function decideRetrain(facts: RetrainFacts): RetrainDecision {
  if (facts.mode === 'force') return { retrain: true, reason: 'forced by the run parameters' };
  if (facts.mode === 'never') return { retrain: false, reason: 'training disabled by the run parameters' };
  const champion = facts.champion;
  if (!champion) return { retrain: true, reason: 'there is no champion yet' };
  if (!champion.compatible)
    return { retrain: true, reason: 'the champion was trained on another feature contract' };
  if (facts.drift?.drifted && facts.retrainOnDrift)
    return { retrain: true, reason: `drift: ${facts.drift.reason}` };
  const age = weeksBetween(champion.trainedFor, facts.cutoff);
  if (age >= facts.maxAgeWeeks) {
    return {
      retrain: true,
      reason: `the champion is ${age.toFixed(1)} weeks of data old (limit ${facts.maxAgeWeeks})`,
    };
  }
  const driftWords = facts.drift?.drifted ? 'drift (model.retrainOnDrift is off)' : 'no drift';
  return { retrain: false, reason: `${driftWords} and the champion is ${age.toFixed(1)} weeks of data old` };
}
