/**
 * Why an XGBoost operation failed. Codes are stable; messages are for humans.
 *
 * - `LIBRARY_NOT_FOUND`: no loadable `libxgboost` (the message says how to install it).
 * - `NATIVE`: the C API returned an error; the message is XGBoost's own `XGBGetLastError` text.
 * - `DISPOSED`: a DMatrix or Booster was used after `dispose()`.
 * - `UNKNOWN_PARAMETER`: a parameter name XGBoost does not know (the message names it).
 * - `INVALID_ARGUMENT`: an argument failed validation before reaching native code.
 * - `FEATURE_MISMATCH`: the data's feature count or names differ from the model's.
 * - `ABORTED`: training was stopped by an `AbortSignal`.
 * - `WORKER`: the training worker thread failed outside XGBoost.
 */
export type XGBoostErrorCode =
  | 'LIBRARY_NOT_FOUND'
  | 'NATIVE'
  | 'DISPOSED'
  | 'UNKNOWN_PARAMETER'
  | 'INVALID_ARGUMENT'
  | 'FEATURE_MISMATCH'
  | 'ABORTED'
  | 'WORKER';

/**
 * The one error class of `@sodai/xgboost`.
 *
 * @example
 * ```ts
 * import { XGBoostError } from '@sodai/xgboost';
 * try {
 *   // ... train or predict
 * } catch (err) {
 *   if (err instanceof XGBoostError && err.code === 'UNKNOWN_PARAMETER') console.error(err.message);
 * }
 * ```
 */
export class XGBoostError extends Error {
  readonly code: XGBoostErrorCode;

  constructor(code: XGBoostErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'XGBoostError';
    this.code = code;
  }
}

/** Narrows an unknown thrown value to an {@link XGBoostError}, optionally of one code. */
export function isXGBoostError(value: unknown, code?: XGBoostErrorCode): value is XGBoostError {
  return value instanceof XGBoostError && (code === undefined || value.code === code);
}
