import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An `onRequest` hook that lets reads (GET, HEAD) through and answers 401 to any write without
 * `Authorization: Bearer <adminToken>`; the comparison takes the same time wherever it differs.
 */
export function requireAdminTokenForWrites(adminToken: string) {
  const expected = Buffer.from(`Bearer ${adminToken}`);
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (req.method === 'GET' || req.method === 'HEAD') return undefined;
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      // An async hook that answered must return the reply, so Fastify stops the request here.
      return reply.code(401).send({ code: 'UNAUTHORIZED', message: 'writes need the admin bearer token' });
    }
    return undefined;
  };
}
