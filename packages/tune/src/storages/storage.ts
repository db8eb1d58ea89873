import type { Distribution, ParamValue } from '../distributions.ts';
import type { FinishedTrialState, FrozenTrial, JsonValue } from '../trial/frozen-trial.ts';

export type Direction = 'minimize' | 'maximize';

/** A study as stored. */
export interface StudyRecord {
  readonly id: number;
  readonly name: string;
  readonly direction: Direction;
}

/** How a trial starts: `running` for `ask()`, `waiting` for `enqueueTrial()` with fixed parameters. */
export interface TrialInit {
  readonly state: 'running' | 'waiting';
  readonly fixedParams?: Readonly<Record<string, ParamValue>>;
}

export interface TrialResult {
  readonly state: FinishedTrialState;
  readonly value?: number | null;
  readonly error?: string | null;
}

/**
 * Where studies and trials live. Kept minimal: the study adds sampling, pruning and the optimize loop on top.
 *
 * Rules every implementation follows (the conformance suite in `test/storage-conformance.ts` checks them):
 * - **Numbering.** `createTrial` allocates the next trial number of the study atomically: numbers are 0, 1, 2, …
 *   without gaps or duplicates even when several processes create trials of one study at once.
 * - **Claiming.** `claimWaitingTrial` moves the lowest-numbered `waiting` trial to `running` atomically; two
 *   callers never receive the same trial.
 * - **Finishing.** `finishTrial` moves `running` → `complete | pruned | failed` once; a second call, or a call on
 *   a trial that is not running, throws `TuneError('TRIAL_NOT_RUNNING')`.
 * - **Ordering.** `getAllTrials` returns trials ordered by number. Writes from one caller are applied in call
 *   order; there is no ordering promise between different callers.
 * - **Records** leave the storage frozen.
 * - Writes to a finished trial's params, intermediate values or attributes throw `TRIAL_NOT_RUNNING`.
 */
export interface Storage {
  /** Creates a study; throws `STUDY_EXISTS` when the name is taken. */
  createStudy(name: string, direction: Direction): Promise<StudyRecord>;
  /** The study of that name, or undefined. */
  getStudy(name: string): Promise<StudyRecord | undefined>;
  /** Deletes a study and all its trials. */
  deleteStudy(name: string): Promise<void>;
  createTrial(studyId: number, init: TrialInit): Promise<FrozenTrial>;
  claimWaitingTrial(studyId: number): Promise<FrozenTrial | undefined>;
  setTrialParam(trialId: number, name: string, distribution: Distribution, value: ParamValue): Promise<void>;
  setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void>;
  setTrialUserAttr(trialId: number, key: string, value: JsonValue): Promise<void>;
  finishTrial(trialId: number, result: TrialResult): Promise<FrozenTrial>;
  /** Marks a running trial as alive now; a no-op for a trial that is not running. */
  recordHeartbeat(trialId: number): Promise<void>;
  /**
   * Moves every running trial of the study whose last heartbeat is older than `staleBeforeMs` (epoch ms) to
   * `failed`, atomically per trial, and returns them. Trials that never sent a heartbeat are left alone.
   */
  failStaleTrials(studyId: number, staleBeforeMs: number): Promise<readonly FrozenTrial[]>;
  /** Throws `TRIAL_NOT_FOUND` for an unknown id. */
  getTrial(trialId: number): Promise<FrozenTrial>;
  getAllTrials(studyId: number): Promise<readonly FrozenTrial[]>;
  /** Releases connections; the storage is unusable afterwards. */
  close(): Promise<void>;
}

/** The error recorded on a trial reaped by `failStaleTrials`. */
export function staleError(lastHeartbeatMs: number): string {
  return `StaleTrial: no heartbeat since ${new Date(lastHeartbeatMs).toISOString()}; its process probably died`;
}
