/** Every failure this package reports on purpose. HTTP status mapping lives in `src/http/`, not here. */
export type TrackingErrorCode =
  | 'INVALID_ARGUMENT'
  | 'EXPERIMENT_NOT_FOUND'
  | 'EXPERIMENT_ALREADY_EXISTS'
  | 'RUN_NOT_FOUND'
  | 'RUN_NOT_ACTIVE'
  | 'RUN_IN_USE'
  | 'PARAM_ALREADY_LOGGED'
  | 'ARTIFACT_NOT_FOUND'
  | 'ARTIFACT_CORRUPT'
  | 'ARTIFACT_IN_USE'
  | 'MODEL_NOT_FOUND'
  | 'VERSION_NOT_FOUND'
  | 'VERSION_ARCHIVED'
  | 'VERSION_IN_USE'
  | 'ALIAS_NOT_FOUND'
  | 'NOTHING_TO_ROLL_BACK'
  | 'STORE_ERROR';

/**
 * The one error class of `@sodai/tracking`; branch on `code`, never on `message`.
 *
 * @example
 * import { TrackingError } from '@sodai/tracking';
 * try {
 *   await client.getRun('nope');
 * } catch (e) {
 *   if (e instanceof TrackingError && e.code === 'RUN_NOT_FOUND') console.log('no such run');
 * }
 */
export class TrackingError extends Error {
  override readonly name = 'TrackingError';
  readonly code: TrackingErrorCode;
  /** Structured context (ids, field names) for logs and API bodies. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: TrackingErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** Whether `e` is a {@link TrackingError}, optionally with one of the given codes. */
export function isTrackingError(e: unknown, ...codes: TrackingErrorCode[]): e is TrackingError {
  return e instanceof TrackingError && (codes.length === 0 || codes.includes(e.code));
}

/** Throws INVALID_ARGUMENT naming `field` unless `ok`. */
export function requireArgument(ok: boolean, field: string, message: string): asserts ok {
  if (!ok) throw new TrackingError('INVALID_ARGUMENT', `${field}: ${message}`, { field });
}
