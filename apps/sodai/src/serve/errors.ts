/**
 * Errors the serving layer raises on purpose. Like every error of the app they carry a stable
 * code and know nothing of HTTP; `error-handler.ts` maps codes to status in one table.
 */
export type ServeErrorCode =
  'UNKNOWN_CUSTOMER' | 'UNKNOWN_PRODUCT' | 'MODEL_NOT_READY' | 'UNAUTHORIZED' | 'NOT_FOUND';

export class ServeError extends Error {
  readonly code: ServeErrorCode;
  constructor(code: ServeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServeError';
    this.code = code;
  }
}

/**
 * @example
 * import { ServeError, isServeError } from './errors.ts';
 * isServeError(new ServeError('NOT_FOUND', 'no such report'), 'NOT_FOUND'); // true
 */
export function isServeError(error: unknown, code?: ServeErrorCode): error is ServeError {
  return error instanceof ServeError && (code === undefined || error.code === code);
}
