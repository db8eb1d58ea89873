import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema, MetricsTextSchema, ReadyResponseSchema } from '../../contract/api.ts';
import type { ServeContext } from '../serve-context.ts';
import { resolveLang } from '../language.ts';
import { servedByBody } from '../served-by.ts';

/**
 * /health (the process answers), /ready (a model serves and the store, the catalog and the registry
 * answer), /metrics (Prometheus).
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
          'Readiness: 200 while predictions serve (the champion, or until one passes the gate, the best rule) and the store, catalog and registry answer; 503 naming what fails',
        tags: ['ops'],
        response: { 200: ReadyResponseSchema, 503: ReadyResponseSchema },
      },
    },
    async (req, reply) => {
      const model = ctx.holder.current();
      const dependencies = await ctx.readiness.status();
      if (!model || !dependencies.ok) {
        const reason = [...(model ? [] : [ctx.holder.reason]), ...dependencies.failures].join('; ');
        return reply.code(503).send({
          ready: false,
          model_version: model?.version ?? null,
          loaded_at: model?.loadedAt.toISOString() ?? null,
          served_by: null,
          reason,
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
    {
      schema: {
        summary: 'Prometheus metrics',
        tags: ['ops'],
        hide: false,
        produces: ['text/plain'],
        response: { 200: MetricsTextSchema },
      },
    },
    async (_req, reply) => {
      const text = await ctx.metrics.registry.metrics();
      return reply.type(ctx.metrics.registry.contentType).send(text);
    },
  );
};
