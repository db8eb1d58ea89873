/**
 * The catalog table the server's prediction log appends to (its shape: the `prediction_log` view in
 * raw-store.ts). Monitoring reads it; retention trims it.
 */
export const PREDICTION_LOG_TABLE = 'prediction_log';
