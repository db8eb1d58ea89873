import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  LangQuerySchema,
  RecommendRequestSchema,
  RecommendResponseSchema,
} from '../../contract/api.ts';
import { resolveLang } from '../language.ts';
import { recommend } from '../../scoring/recommender.ts';
import { acquireModel, type ServeContext } from '../serve-context.ts';
import { plainJson } from './plain-json.ts';
import { servedByBody } from '../served-by.ts';

/** POST /recommend: a customer's top products for the predicted week, with reasons.
 *
 * @example
 * await app.register(recommendRoutes, { ctx });
 * await app.inject({ method: 'POST', url: '/recommend', payload: { customer_id: 1, k: 3 } });
 */
export const recommendRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.post(
    '/recommend',
    {
      schema: {
        summary: 'Ranked products for a customer, with score, attributes and a short reason',
        tags: ['predictions'],
        querystring: LangQuerySchema,
        body: RecommendRequestSchema,
        response: { 200: RecommendResponseSchema, 404: ErrorBodySchema, 503: ErrorBodySchema },
      },
      serializerCompiler: plainJson,
    },
    async (req, reply) => {
      const lang = resolveLang(req.query.lang, req.headers['accept-language']);
      const model = acquireModel(ctx.holder);
      try {
        const result = recommend(model, req.body, lang);
        const log = ctx.log;
        if (log) {
          const latency = reply.elapsedTime;
          for (const r of result.recommendations) {
            log.record(
              'recommend',
              result.customer_id,
              r.product_id,
              r.score,
              null,
              r.rank,
              model.version,
              latency,
            );
          }
        }
        ctx.metrics.predictions.inc(
          { model_version: model.version, route: 'recommend' },
          result.recommendations.length,
        );
        return { ...result, served_by: servedByBody(model, lang) };
      } finally {
        model.release();
      }
    },
  );
};
