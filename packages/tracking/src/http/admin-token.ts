import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const callers = new WeakMap<FastifyRequest, string>();

/** Records who an authorized request comes from (the audit actor of its writes). */
export function rememberCaller(req: FastifyRequest, name: string): void {
  callers.set(req, name);
}

/**
 * The audit actor of a write: the authorized caller's name. A body may no longer choose it, so the
 * alias history says who really moved an alias.
 */
export function callerOf(req: FastifyRequest): string {
  const name = callers.get(req);
  if (name === undefined) throw new Error('callerOf: the request was not authorized as a writer');
  return name;
}

/**
 * Reads (GET, HEAD) open; writes need `Authorization: Bearer <adminToken>` and are recorded as
 * `admin`. The comparison takes the same time wherever it differs.
 */
export function adminTokenAuthorizer(adminToken: string) {
  const expected = Buffer.from(`Bearer ${adminToken}`);
  return (req: FastifyRequest, access: 'read' | 'write'): string | null => {
    if (access === 'read') return null;
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw Object.assign(new Error('writes need the admin bearer token'), {
        statusCode: 401,
        code: 'UNAUTHORIZED',
      });
    }
    return 'admin';
  };
}
