/**
 * Every error code an HTTP answer can carry, with its status. Codes are stable: clients (the web
 * UI translates them) branch on `code`, never on `message`, which is English and may change.
 *
 * Every error answer, on every route (tracking included), has one shape:
 * `{ code, message, issues? }`, where `issues` lists each failing field of a 422 as
 * `{ location, path, message, type }` (`path` is dotted: `pairs.0.product_id`).
 *
 * Validation failures are 422 (as FastAPI answers them); a body that is not JSON at all is 400.
 */
export const ERROR_CODES = {
  // The request
  INVALID_ARGUMENT: { status: 422, meaning: 'a field is missing or has a value out of its range' },
  MALFORMED_BODY: { status: 400, meaning: 'the body is not valid JSON (or not the declared type)' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'the content type is not accepted on this route' },
  BODY_TOO_LARGE: { status: 413, meaning: 'the body is larger than the route accepts' },
  BAD_REQUEST: { status: 400, meaning: 'another malformed request (bad header, bad URL)' },
  RATE_LIMITED: { status: 429, meaning: 'too many requests from this address; retry later' },
  UNAUTHORIZED: { status: 401, meaning: 'a protected route without a valid bearer token' },
  FORBIDDEN: { status: 403, meaning: "the token's role does not allow this action" },
  ALREADY_EXISTS: {
    status: 409,
    meaning: 'an uploaded batch of that name is already waiting to be ingested',
  },
  NOT_FOUND: { status: 404, meaning: 'no such route, report, run or batch' },
  // The application
  UNKNOWN_CUSTOMER: { status: 404, meaning: 'a customer id not in the catalog' },
  UNKNOWN_PRODUCT: { status: 404, meaning: 'a product id not in the catalog' },
  MODEL_NOT_READY: {
    status: 503,
    meaning: 'nothing serving yet (no model and no rule); the message says why',
  },
  FILE_NOT_FOUND: { status: 404, meaning: 'an uploaded or named file is missing' },
  FILE_UNREADABLE: { status: 422, meaning: 'an uploaded file is not readable Parquet/CSV' },
  SCHEMA_MISMATCH: { status: 422, meaning: 'an uploaded file has the wrong columns or types' },
  BATCH_REJECTED: { status: 422, meaning: 'a batch failed validation; the report says which rows' },
  INVALID_CONFIG: { status: 500, meaning: 'the server configuration is invalid' },
  STORE_ERROR: { status: 500, meaning: 'the data store failed' },
  STORAGE_UNAVAILABLE: {
    status: 503,
    meaning: 'a folder the server writes to is read-only or full; the message names it',
  },
  INTERNAL: { status: 500, meaning: 'an unexpected failure (logged; no details sent)' },
  // Experiment tracking and the model registry (/api/tracking)
  EXPERIMENT_NOT_FOUND: { status: 404, meaning: 'no experiment by that id or name' },
  RUN_NOT_FOUND: { status: 404, meaning: 'no experiment run by that id' },
  ARTIFACT_NOT_FOUND: { status: 404, meaning: 'the run has no artifact at that path' },
  MODEL_NOT_FOUND: { status: 404, meaning: 'no registered model by that name' },
  VERSION_NOT_FOUND: { status: 404, meaning: 'the model has no such version' },
  ALIAS_NOT_FOUND: { status: 404, meaning: 'the model has no such alias' },
  EXPERIMENT_ALREADY_EXISTS: { status: 409, meaning: 'an experiment by that name exists' },
  RUN_NOT_ACTIVE: { status: 409, meaning: 'the run has ended; it takes no more writes' },
  RUN_IN_USE: { status: 409, meaning: 'the run is still running or a model version was made from it' },
  PARAM_ALREADY_LOGGED: { status: 409, meaning: 'a parameter is logged once per run' },
  VERSION_ARCHIVED: { status: 409, meaning: 'the version is archived' },
  VERSION_IN_USE: { status: 409, meaning: 'an alias points at the version' },
  ARTIFACT_IN_USE: { status: 409, meaning: 'a run records the artifact file or a version points at it' },
  NOTHING_TO_ROLL_BACK: { status: 409, meaning: 'the alias has no earlier version' },
  ARTIFACT_CORRUPT: { status: 500, meaning: 'a stored artifact does not match its checksum' },
} as const satisfies Record<string, { readonly status: number; readonly meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The status of every code, for the server's error handler. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = Object.freeze(
  Object.fromEntries(Object.entries(ERROR_CODES).map(([code, e]) => [code, e.status])) as Record<
    ErrorCode,
    number
  >,
);
