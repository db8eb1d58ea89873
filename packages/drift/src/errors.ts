/** Every failure `@sodai/drift` reports on purpose carries one of these codes. */
export type DriftErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_COLUMN'
  | 'COLUMN_NOT_FOUND'
  | 'KIND_MISMATCH'
  | 'LENGTH_MISMATCH'
  | 'INVALID_SNAPSHOT';

/**
 * The one error class of the package; `code` says what went wrong so callers branch on it, not on text.
 *
 * @example
 * try {
 *   detectDrift(snapshot, { basket: new Float64Array([1, 2]) });
 * } catch (e) {
 *   if (e instanceof DriftError && e.code === 'COLUMN_NOT_FOUND') console.log('current data lacks a column');
 * }
 */
export class DriftError extends Error {
  override readonly name = 'DriftError';
  readonly code: DriftErrorCode;

  constructor(code: DriftErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
