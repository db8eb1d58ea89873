/** Every failure this package reports on purpose. Branch on `code`, never on `message`. */
export type PipelineErrorCode =
  | 'INVALID_ARGUMENT'
  | 'DAG_INVALID'
  | 'DAG_NOT_FOUND'
  | 'RUN_NOT_FOUND'
  | 'RUN_EXISTS'
  | 'TASK_NOT_FOUND'
  | 'INVALID_PARAMS'
  | 'INVALID_TRANSITION'
  | 'INVALID_BRANCH'
  | 'INPUT_NOT_AVAILABLE'
  | 'TASK_TIMEOUT'
  | 'TASK_INTERRUPTED'
  | 'TASK_UNRECOVERABLE'
  | 'NO_SCHEDULE'
  | 'STORE_ERROR';

/**
 * The one error class of `@sodai/pipeline`.
 *
 * @example
 * import { PipelineError } from '@sodai/pipeline';
 * try {
 *   await orchestrator.trigger('nope');
 * } catch (e) {
 *   if (e instanceof PipelineError && e.code === 'DAG_NOT_FOUND') console.log('unknown DAG');
 * }
 */
export class PipelineError extends Error {
  override readonly name: string = 'PipelineError';
  readonly code: PipelineErrorCode;
  /** Structured context (ids, field names) for logs and API bodies. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: PipelineErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/**
 * Thrown by a task to fail at once, without retries (bad input, a violated contract). It is the
 * control signal BullMQ users know under the same name.
 *
 * @example
 * import { UnrecoverableTaskError } from '@sodai/pipeline';
 * dag.task('ingest', { retries: 5 }, async () => {
 *   throw new UnrecoverableTaskError('landing file has no header'); // fails after one attempt
 * });
 */
export class UnrecoverableTaskError extends PipelineError {
  override readonly name = 'UnrecoverableTaskError';
  constructor(message: string, cause?: unknown) {
    super('TASK_UNRECOVERABLE', message, {}, cause);
  }
}

/**
 * Whether `e` is a {@link PipelineError}, optionally with one of the given codes.
 *
 * @example
 * import { isPipelineError } from '@sodai/pipeline';
 * const retryable = (e: unknown) => !isPipelineError(e, 'INVALID_PARAMS');
 */
export function isPipelineError(e: unknown, ...codes: PipelineErrorCode[]): e is PipelineError {
  return e instanceof PipelineError && (codes.length === 0 || codes.includes(e.code));
}

/** Throws INVALID_ARGUMENT naming `field` unless `ok`. */
export function requireArgument(ok: boolean, field: string, message: string): asserts ok {
  if (!ok) throw new PipelineError('INVALID_ARGUMENT', `${field}: ${message}`, { field });
}

/** A short, storable description of any thrown value. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
