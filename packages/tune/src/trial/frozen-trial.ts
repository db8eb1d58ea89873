import type { Distribution, ParamValue } from '../distributions.ts';

/**
 * A trial's life: `waiting` (enqueued, not yet claimed) → `running` → one of the finished states.
 * Transitions happen in the storage, one method each (`claimWaitingTrial`, `finishTrial`).
 */
export type TrialState = 'waiting' | 'running' | 'complete' | 'pruned' | 'failed';

export type FinishedTrialState = 'complete' | 'pruned' | 'failed';

/** JSON-representable attribute values, so every storage can keep them. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Whether the trial will never change again. */
export function isFinished(state: TrialState): state is FinishedTrialState {
  return state === 'complete' || state === 'pruned' || state === 'failed';
}

/**
 * A snapshot of a trial as a storage returns it. Always frozen: change a trial through the study, never by
 * mutating a record.
 */
export interface FrozenTrial {
  /** Storage identity; unique across studies of one storage. */
  readonly id: number;
  /** 0, 1, 2, … within the study, in creation order, never reused. */
  readonly number: number;
  readonly state: TrialState;
  /** Objective value for `complete`; last reported intermediate value (or null) for `pruned`; null otherwise. */
  readonly value: number | null;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly distributions: Readonly<Record<string, Distribution>>;
  /** Reported intermediate values keyed by step. */
  readonly intermediateValues: Readonly<Record<number, number>>;
  readonly userAttrs: Readonly<Record<string, JsonValue>>;
  /** Parameters fixed in advance by `enqueueTrial`. */
  readonly fixedParams: Readonly<Record<string, ParamValue>>;
  /** The error message of a `failed` trial. */
  readonly error: string | null;
  readonly startedAtMs: number | null;
  readonly completedAtMs: number | null;
}

/** Deep-freezes a trial record built by a storage. */
export function freezeTrial(t: FrozenTrial): FrozenTrial {
  Object.freeze(t.params);
  Object.freeze(t.distributions);
  Object.freeze(t.intermediateValues);
  Object.freeze(t.userAttrs);
  Object.freeze(t.fixedParams);
  return Object.freeze(t);
}

/** The last reported step, or null when nothing was reported. */
export function lastStep(t: FrozenTrial): number | null {
  let last: number | null = null;
  for (const k of Object.keys(t.intermediateValues)) {
    const s = Number(k);
    if (last === null || s > last) last = s;
  }
  return last;
}
