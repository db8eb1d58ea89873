import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuthMeResponseSchema, ErrorBodySchema } from '../../contract/api.ts';
import type { ServeContext } from '../serve-context.ts';

/**
 * GET /auth/me: what the bearer token a request carries may do (its role, and whether it may use the
 * alert inbox), so the web UI shows who is signed in and offers only that. No token is an anonymous
 * answer, not a refusal; a token the server does not know is the same 401 every route gives it. Never
 * the token, its name or its digest. It also says whether anyone could sign in at all: a server with
 * no reader token and closed reads shows its data pages to nobody, and the UI says how to open them.
 *
 * @example
 * await app.register(authRoutes, { ctx, prefix: '/api' });
 * await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
 * // { role: 'operator', alerts: true, signed_in: true, readers_configured: true, tokens_configured: true, public_read: 'predictions' }
 */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.get(
    '/auth/me',
    {
      schema: {
        summary:
          'What the bearer token sent may do: its role (reader, operator, admin; null for the alerts-only token and without a token) and whether it may use the alert inbox; 401 for an unknown token',
        tags: ['auth'],
        // The token is optional here: `{}` documents the anonymous call.
        security: [{ bearer: [] }, {}],
        response: { 200: AuthMeResponseSchema, 401: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const caller = ctx.access.caller(req);
      // The answer depends on the Authorization header: no cache may hand it to another caller.
      void reply.header('cache-control', 'no-store');
      return {
        role: caller?.role ?? null,
        alerts: caller?.alerts ?? false,
        signed_in: caller !== undefined,
        readers_configured: ctx.access.hasReaders,
        tokens_configured: ctx.access.hasTokens,
        public_read: ctx.access.publicRead,
      };
    },
  );
};
