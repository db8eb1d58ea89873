import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RealizedQuerySchema, RealizedResponseSchema } from '../../contract/monitor-api.ts';
import {
  estimationError,
  realizedStatus,
  realizedWeeks,
  type EstimatedWeek,
  type RealizedScorerWeek,
} from '../../monitor/realized-performance.ts';
import type { ServeContext } from '../serve-context.ts';

const scorerJson = (s: RealizedScorerWeek) => ({
  version: s.version,
  scorer: s.scorer,
  metrics: { ...s.metrics },
});
const estimatedJson = (e: EstimatedWeek) => ({ version: e.version, metrics: { ...e.metrics } });

/**
 * Realized performance of stored predictions, scored once their week was in the data (by the weekly
 * run's `score_realized` task or `sodai monitor backfill`), beside what each version expected when it
 * predicted.
 *
 * @example
 * await app.register(monitorRoutes, { ctx, prefix: '/api' });
 * await app.inject({ method: 'GET', url: '/api/monitor/realized?from=2024-10-07' });
 */
export const monitorRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.get(
    '/monitor/realized',
    {
      schema: {
        operationId: 'getRealizedPerformance',
        summary: 'Realized metrics per predicted week: each serving version beside every rule',
        tags: ['monitor'],
        querystring: RealizedQuerySchema,
        response: { 200: RealizedResponseSchema },
      },
    },
    async (req) => {
      const { from, version } = req.query;
      const weeks = (await realizedWeeks(ctx.store.shared.catalog.monitor, from)).filter(
        (w) => version === undefined || w.served.some((s) => s.version === version),
      );
      const status = await ctx.lane.run(() => realizedStatus(ctx.store));
      const error = estimationError(weeks);
      return {
        weeks: weeks.map((w) => ({
          week: w.week,
          days_observed: w.daysObserved,
          served: w.served.map(scorerJson),
          best_rule: w.bestRule ? scorerJson(w.bestRule) : null,
          rules: w.rules.map(scorerJson),
          estimated: w.estimated.map(estimatedJson),
        })),
        waiting: status.waiting.map((w) => ({
          week: w.week,
          days_observed: w.daysObserved,
          estimated: w.estimated.map(estimatedJson),
        })),
        estimation_error: {
          weeks: error.weeks,
          f1_mean_abs_error: error.f1MeanAbsError,
          f1_mean_bias: error.f1MeanBias,
        },
      };
    },
  );
};
