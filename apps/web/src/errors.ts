/** Why a call to the SodAI server failed, for messages and retries. */
export type WebErrorCode =
  /** The server could not be reached (offline, server stopped). */
  | 'NETWORK'
  /** No token, an unknown token (401), or a token whose role does not allow the action (403). */
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
    /** The request fields the server named as wrong (`body.k`, `params.name`), when it did. */
    readonly fields: readonly string[] = [],
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

/** Whether the server refused the token itself (401), rather than what it was asked to do (403). */
export function isUnknownToken(error: unknown): boolean {
  return error instanceof WebError && error.status === 401;
}

/** The parts of a server error body the UI reads, whichever of the server's shapes it came in. */
export interface ServerErrorBody {
  readonly code: string | null;
  readonly message: string | null;
  readonly fields: readonly string[];
}

/**
 * Reads an error body: the stable code (`code`, or the older `error`), the message, and the field
 * locations (`issues` / `errors` / `fields`, each with `location`+`path` or a `loc` list).
 *
 * @example
 * readErrorBody({ error: 'INVALID_ARGUMENT', message: '…', issues: [{ location: 'body', path: 'k' }] });
 * // { code: 'INVALID_ARGUMENT', message: '…', fields: ['body.k'] }
 */
export function readErrorBody(body: unknown): ServerErrorBody {
  const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const list = [o.issues, o.errors, o.fields].find(Array.isArray) ?? [];
  const fields = list.flatMap((item: unknown) => {
    if (typeof item === 'string') return [item];
    if (typeof item !== 'object' || item === null) return [];
    const i = item as Record<string, unknown>;
    if (Array.isArray(i.loc)) return [i.loc.map(String).join('.')];
    const path = text(i.path) ?? text(i.field);
    if (!path) return [];
    return [text(i.location) ? `${String(i.location)}.${path}` : path];
  });
  return { code: text(o.code) ?? text(o.error), message: text(o.message), fields };
}
