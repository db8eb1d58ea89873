import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidArgumentBody, type FieldIssue } from './error-handler.ts';
import { HTTP_STATUS } from './error-status.ts';

const NUL = '\u0000';
/** Deeper than any body the API takes; a deeper one is left to the schema. */
const MAX_DEPTH = 8;
/** Requests already looked at: an app that mounts the plugin checks its tracking routes at its root too. */
const checked = new WeakSet<FastifyRequest>();

/** Where, in one part of a request, a string or a key holds a NUL character. */
function nulPaths(value: unknown, at: string, depth: number, out: string[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) out.push(at || '(root)');
    return;
  }
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    const path = at ? `${at}.${key}` : String(key);
    if (typeof key === 'string' && key.includes(NUL)) out.push(path);
    else nulPaths(child, path, depth + 1, out);
  }
}

/**
 * A `preValidation` hook that answers 422 (`INVALID_ARGUMENT`, each field in `issues`) when a path
 * parameter, a query parameter or a JSON body's string holds a NUL character (`\u0000`, `%00`).
 * Postgres text cannot hold one, so without this check the same request is a 404 or a stored row
 * on SQLite and a 500 on Postgres; binary bodies (uploads) are not looked at.
 *
 * @example
 * app.addHook('preValidation', rejectNulCharacters);
 */
export async function rejectNulCharacters(
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (checked.has(req)) return undefined;
  checked.add(req);
  const issues: FieldIssue[] = [];
  const parts = [
    ['params', req.params],
    ['querystring', req.query],
    ['body', req.body],
  ] as const;
  for (const [location, value] of parts) {
    const paths: string[] = [];
    nulPaths(value, '', 0, paths);
    for (const path of paths) {
      issues.push({
        location,
        path,
        message: 'holds a NUL character (\\u0000), which text cannot hold',
        type: 'nul_character',
      });
    }
  }
  if (issues.length === 0) return undefined;
  // Answered here, so no handler runs: Fastify's way for an async hook is to return the reply.
  return reply.code(HTTP_STATUS.INVALID_ARGUMENT).send(invalidArgumentBody(issues));
}
