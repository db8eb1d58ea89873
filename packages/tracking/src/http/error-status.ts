import type { TrackingErrorCode } from '../errors.ts';

/**
 * The one table from error codes to HTTP status. Typed as a full Record, so adding a code to
 * `TrackingErrorCode` fails type-checking until it is mapped here.
 *
 * @example
 * import { HTTP_STATUS } from '@sodai/tracking/http';
 * HTTP_STATUS.RUN_NOT_FOUND; // 404
 */
export const HTTP_STATUS: Readonly<Record<TrackingErrorCode, number>> = Object.freeze({
  // A request whose fields fail validation, as FastAPI answers it.
  INVALID_ARGUMENT: 422,
  EXPERIMENT_NOT_FOUND: 404,
  RUN_NOT_FOUND: 404,
  ARTIFACT_NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  ALIAS_NOT_FOUND: 404,
  EXPERIMENT_ALREADY_EXISTS: 409,
  RUN_NOT_ACTIVE: 409,
  RUN_IN_USE: 409,
  PARAM_ALREADY_LOGGED: 409,
  VERSION_ARCHIVED: 409,
  VERSION_IN_USE: 409,
  ARTIFACT_IN_USE: 409,
  NOTHING_TO_ROLL_BACK: 409,
  ARTIFACT_CORRUPT: 500,
  STORE_ERROR: 500,
});
