/** Every failure `@sodai/tune` reports on purpose carries one of these codes. */
export type TuneErrorCode =
  | 'INVALID_DISTRIBUTION'
  | 'INCOMPATIBLE_DISTRIBUTION'
  | 'INVALID_ARGUMENT'
  | 'STUDY_NOT_FOUND'
  | 'STUDY_EXISTS'
  | 'TRIAL_NOT_FOUND'
  | 'TRIAL_NOT_RUNNING'
  | 'NO_COMPLETED_TRIALS'
  | 'STORAGE_ERROR';

/**
 * The one error class of the package; `code` says what went wrong so callers branch on it, not on text.
 *
 * @example
 * try {
 *   await createStudy({ name: 'x', storage, loadIfExists: false });
 * } catch (e) {
 *   if (e instanceof TuneError && e.code === 'STUDY_EXISTS') console.log('already there');
 * }
 */
export class TuneError extends Error {
  override readonly name = 'TuneError';
  readonly code: TuneErrorCode;

  constructor(code: TuneErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A control signal, not a failure: throw it from an objective when `trial.shouldPrune()` says so, and
 * the study records the trial as `pruned` with its last reported value.
 *
 * @example
 * for (let step = 0; step < 100; step++) {
 *   trial.report(loss(step), step);
 *   if (trial.shouldPrune()) throw new TrialPruned(`pruned at step ${step}`);
 * }
 */
export class TrialPruned extends Error {
  override readonly name = 'TrialPruned';
}

/** A one-line description of anything thrown, for a failed trial's record. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
