import type { RetrainVerdict } from '../contract/model-decisions.ts';

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
  /** The verdict in English, for the task's log. */
  readonly reason: string;
  /** What decided, with its figures: readers word it from here, never from `reason`. */
  readonly verdict: RetrainVerdict;
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
  const verdict = retrainVerdict(facts);
  return { retrain: RETRAINS[verdict.kind], reason: retrainReasonText(verdict), verdict };
}

/** Which verdicts train a challenger. */
const RETRAINS: Readonly<Record<RetrainVerdict['kind'], boolean>> = {
  forced: true,
  disabled: false,
  no_champion: true,
  incompatible_champion: true,
  drift: true,
  stale_champion: true,
  fresh_champion: false,
};

function retrainVerdict(facts: RetrainFacts): RetrainVerdict {
  if (facts.mode === 'force') return { kind: 'forced' };
  if (facts.mode === 'never') return { kind: 'disabled' };
  const champion = facts.champion;
  if (!champion) return { kind: 'no_champion' };
  const championVersion = champion.version;
  if (!champion.compatible) return { kind: 'incompatible_champion', championVersion };
  if (facts.drift?.drifted && facts.retrainOnDrift) return { kind: 'drift', detail: facts.drift.reason };
  const ageWeeks = weeksBetween(champion.trainedFor, facts.cutoff);
  const { maxAgeWeeks } = facts;
  if (ageWeeks >= maxAgeWeeks) return { kind: 'stale_champion', championVersion, ageWeeks, maxAgeWeeks };
  const driftIgnored = facts.drift?.drifted === true;
  return { kind: 'fresh_champion', championVersion, ageWeeks, maxAgeWeeks, driftIgnored };
}

/** The verdict as the English sentence the logs have always shown. */
export function retrainReasonText(v: RetrainVerdict): string {
  switch (v.kind) {
    case 'forced':
      return 'forced by the run parameters';
    case 'disabled':
      return 'training disabled by the run parameters';
    case 'no_champion':
      return 'there is no champion yet';
    case 'incompatible_champion':
      return 'the champion was trained on another feature contract';
    case 'drift':
      return `drift: ${v.detail}`;
    case 'stale_champion':
      return `the champion is ${v.ageWeeks.toFixed(1)} weeks of data old (limit ${v.maxAgeWeeks})`;
    case 'fresh_champion':
      return `${v.driftIgnored ? 'drift (model.retrainOnDrift is off)' : 'no drift'} and the champion is ${v.ageWeeks.toFixed(1)} weeks of data old`;
  }
}
