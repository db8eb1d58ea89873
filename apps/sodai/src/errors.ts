/**
 * Every error the application raises on purpose. Codes are stable and know nothing of HTTP or
 * exit codes; the CLI and the server map them in one table each.
 */
export type SodaiErrorCode =
  | 'INVALID_CONFIG'
  | 'INVALID_ARGUMENT'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'SCHEMA_MISMATCH'
  | 'BATCH_REJECTED'
  | 'STORE_ERROR'
  | 'STORAGE_UNAVAILABLE'
  | 'UNKNOWN_CUSTOMER'
  | 'UNKNOWN_PRODUCT'
  | 'MODEL_NOT_READY'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'RATE_LIMITED'
  | 'FORBIDDEN';

export class SodaiError extends Error {
  readonly code: SodaiErrorCode;
  constructor(code: SodaiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SodaiError';
    this.code = code;
  }
}

export function isSodaiError(error: unknown, code?: SodaiErrorCode): error is SodaiError {
  return error instanceof SodaiError && (code === undefined || error.code === code);
}
