import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuthMeResponseSchema, ErrorBodySchema } from '../../contract/api.ts';
import type { ServeContext } from '../serve-context.ts';

/**
 * GET /auth/me: the role of the bearer token a request carries, so the web UI shows who is signed
 * in and offers only what that role may do. No token is an anonymous answer, not a refusal; a token
 * the server does not know is the same 401 every route gives it. Only the role is said: never the
 * token, its name or its digest.
 *
 * @example
 * await app.register(authRoutes, { ctx, prefix: '/api' });
 * await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
 * // { role: 'operator', signed_in: true }
 */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.get(
    '/auth/me',
    {
      schema: {
        summary:
          'The role of the bearer token sent (reader, operator, admin); role null without a token; 401 for an unknown token',
        tags: ['auth'],
        // The token is optional here: `{}` documents the anonymous call.
        security: [{ bearer: [] }, {}],
        response: { 200: AuthMeResponseSchema, 401: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const role = ctx.access.caller(req)?.role ?? null;
      // The answer depends on the Authorization header: no cache may hand it to another caller.
      void reply.header('cache-control', 'no-store');
      return { role, signed_in: role !== null };
    },
  );
};
