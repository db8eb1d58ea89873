import { SodaiError, type SodaiErrorCode } from '../errors.ts';

/**
 * Why a store operation failed. Callers branch on these (an ingest reports DATE_OVERLAP as a
 * rejected batch, a writer retries SNAPSHOT_CONFLICT); the app-wide code decides HTTP status and exit
 * code through the existing `SodaiError` tables.
 */
export type StoreErrorReason =
  | 'INVALID_KEY'
  | 'INVALID_URL'
  | 'OBJECT_NOT_FOUND'
  | 'HASH_MISMATCH'
  | 'OBJECT_STORE_UNAVAILABLE'
  | 'SNAPSHOT_CONFLICT'
  | 'DUPLICATE_CONTENT'
  | 'DATE_OVERLAP'
  | 'DUPLICATE_FILE'
  | 'INVALID_CHANGE'
  | 'SNAPSHOT_NOT_FOUND'
  | 'WATERMARK_CONFLICT'
  | 'CATALOG_ERROR';

const CODE_OF: Record<StoreErrorReason, SodaiErrorCode> = {
  INVALID_KEY: 'INVALID_ARGUMENT',
  INVALID_URL: 'INVALID_CONFIG',
  OBJECT_NOT_FOUND: 'NOT_FOUND',
  HASH_MISMATCH: 'STORE_ERROR',
  OBJECT_STORE_UNAVAILABLE: 'STORE_ERROR',
  SNAPSHOT_CONFLICT: 'STORE_ERROR',
  DUPLICATE_CONTENT: 'BATCH_REJECTED',
  DATE_OVERLAP: 'BATCH_REJECTED',
  DUPLICATE_FILE: 'STORE_ERROR',
  INVALID_CHANGE: 'INVALID_ARGUMENT',
  SNAPSHOT_NOT_FOUND: 'NOT_FOUND',
  WATERMARK_CONFLICT: 'STORE_ERROR',
  CATALOG_ERROR: 'STORE_ERROR',
};

/** An error of the object store or the catalog, with a `reason` finer than the app-wide `code`. */
export class StoreError extends SodaiError {
  readonly reason: StoreErrorReason;
  constructor(reason: StoreErrorReason, message: string, options?: { cause?: unknown }) {
    super(CODE_OF[reason], message, options);
    this.name = 'StoreError';
    this.reason = reason;
  }
}

export function isStoreError(error: unknown, reason?: StoreErrorReason): error is StoreError {
  return error instanceof StoreError && (reason === undefined || error.reason === reason);
}
