import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema, ReadyResponseSchema } from '../../contract/api.ts';
import type { ServeContext } from '../serve-context.ts';
import { resolveLang } from '../language.ts';
import { servedByBody } from '../served-by.ts';

/** /health (the process answers), /ready (a model is serving), /metrics (Prometheus).
 *
 * @example
 * await app.register(opsRoutes, { ctx });
 * (await app.inject({ method: 'GET', url: '/ready' })).statusCode; // 503 until a model serves
 */
export const opsRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  const started = ctx.now().getTime();
  app.get(
    '/health',
    { schema: { summary: 'Liveness', tags: ['ops'], response: { 200: HealthResponseSchema } } },
    async () => ({ status: 'ok' as const, uptime_s: (ctx.now().getTime() - started) / 1000 }),
  );
  app.get(
    '/ready',
    {
      schema: {
        summary:
          'Readiness: 200 once predictions serve (the champion, or until one passes the gate, the best rule), 503 before',
        tags: ['ops'],
        response: { 200: ReadyResponseSchema, 503: ReadyResponseSchema },
      },
    },
    async (req, reply) => {
      const model = ctx.holder.current();
      if (!model) {
        return reply.code(503).send({
          ready: false,
          model_version: null,
          loaded_at: null,
          served_by: null,
          reason: ctx.holder.reason,
        });
      }
      return {
        ready: true,
        model_version: model.version,
        loaded_at: model.loadedAt.toISOString(),
        served_by: servedByBody(model, resolveLang(undefined, req.headers['accept-language'])),
      };
    },
  );
  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['ops'], hide: false } },
    async (_req, reply) => {
      const text = await ctx.metrics.registry.metrics();
      return reply.type(ctx.metrics.registry.contentType).send(text);
    },
  );
};
