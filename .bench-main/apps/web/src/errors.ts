/** Why a call to the SodAI server failed, for messages and retries. */
export type WebErrorCode =
  /** The server could not be reached (offline, server stopped). */
  | 'NETWORK'
  /** An admin action without a valid admin token. */
  | 'UNAUTHORIZED'
  /** No model is serving yet (the server answers 503). */
  | 'NOT_READY'
  /** The server rejected the request (4xx) — the message says which field. */
  | 'REJECTED'
  /** The server failed (5xx). */
  | 'SERVER';

/**
 * The one error the UI raises; `code` picks the message shown, `message` carries the server's words.
 *
 * @example
 * throw new WebError('UNAUTHORIZED', 'admin routes need the admin bearer token', 401);
 */
export class WebError extends Error {
  override readonly name = 'WebError';
  constructor(
    readonly code: WebErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly serverCode: string | null = null,
  ) {
    super(message);
  }
}

/** Maps an HTTP status to the error code the UI explains. */
export function codeForStatus(status: number): WebErrorCode {
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 503) return 'NOT_READY';
  if (status >= 500) return 'SERVER';
  return 'REJECTED';
}
