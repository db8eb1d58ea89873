import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UsageQuerySchema, UsageResponseSchema } from '../../contract/usage-api.ts';
import { usageReport } from '../../monitor/usage-analytics.ts';
import { PREDICTION_LOG_TABLE } from '../../store/prediction-log-table.ts';
import type { ServeContext } from '../serve-context.ts';

/**
 * Usage analytics from the prediction log: answers per day, route, model version, top customers and
 * products, latency percentiles. Read from the catalog, so they survive a restart.
 *
 * @example
 * await app.register(usageRoutes, { ctx, prefix: '/api' });
 * await app.inject({ method: 'GET', url: '/api/monitor/usage?days=7' });
 */
export const usageRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.get(
    '/monitor/usage',
    {
      schema: {
        operationId: 'getUsage',
        summary: 'Answers per day, route, model version and latency; top customers and products asked about',
        tags: ['monitor'],
        querystring: UsageQuerySchema,
        response: { 200: UsageResponseSchema },
      },
    },
    async (req) => {
      // What was answered a moment ago is still in memory: write it first so it counts.
      await ctx.log?.flush();
      const r = await ctx.lane.run(async (c) => {
        // The current log, not the one this server last wrote: other servers append too, and gc
        // deletes the files of log snapshots superseded long ago.
        await ctx.store.refresh([PREDICTION_LOG_TABLE]);
        return usageReport(c, { days: req.query.days, top: req.query.top, now: ctx.now().getTime() });
      });
      return {
        from: r.from,
        to: r.to,
        answers: r.answers,
        customers: r.customers,
        products: r.products,
        per_day: [...r.perDay],
        per_route: [...r.perRoute],
        per_version: [...r.perVersion],
        top_customers: r.topCustomers.map((c) => ({ customer_id: c.customerId, answers: c.answers })),
        top_products: r.topProducts.map((p) => ({ product_id: p.productId, answers: p.answers })),
        latency_ms: r.latencyMs,
      };
    },
  );
};
