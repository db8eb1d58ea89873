import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema,
  PredictQuerySchema,
  PredictRequestSchema,
  PredictResponseSchema,
  type Prediction,
} from '../../contract/api.ts';
import { SodaiError } from '../../errors.ts';
import { resolveLang } from '../language.ts';
import { acquireModel, type ServeContext } from '../serve-context.ts';
import { plainJson } from './plain-json.ts';

/** Exact TreeSHAP is slow: a batch asking for it may hold at most this many pairs.
 *
 * @example
 * await app.register(predictRoutes, { ctx });
 * await app.inject({ method: 'POST', url: '/predict?lang=en', payload: { pairs: [{ customer_id: 1, product_id: 2 }] } });
 */
export const MAX_EXACT_PAIRS = 10;

/** Pairs scored in one slicer step: ~2 ms when none is a candidate (2024 champion). */
const PAIRS_PER_STEP = 16;

/** A batch at least this big is validated in a slicer turn of its own (`TimeSlicer.turn`). */
const QUEUED_INTAKE_PAIRS = 64;

/** What scoring one pair costs against a client's budget: cached candidates are nearly free. */
const PAIR_COST = { candidate: 0.05, onTheSpot: 1, exact: 25 } as const;

/**
 * POST /predict: one pair or a batch → probability, decision, model version and the largest SHAP
 * contributions with readable names. Unknown ids → 404 naming every unknown id.
 */
export const predictRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.post(
    '/predict',
    {
      schema: {
        summary: 'Purchase probability of customer × product pairs for the predicted week',
        tags: ['predictions'],
        querystring: PredictQuerySchema,
        body: PredictRequestSchema,
        response: {
          200: PredictResponseSchema,
          404: ErrorBodySchema,
          429: ErrorBodySchema,
          503: ErrorBodySchema,
        },
      },
      serializerCompiler: plainJson,
      preValidation: async (req) => {
        const pairs = (req.body as { pairs?: unknown } | null)?.pairs;
        if (Array.isArray(pairs) && pairs.length >= QUEUED_INTAKE_PAIRS) await ctx.slicer.turn();
      },
    },
    async (req, reply) => {
      const lang = resolveLang(req.query.lang, req.headers['accept-language']);
      const method = req.query.shap ?? 'approx';
      const model = acquireModel(ctx.holder);
      try {
        const body = req.body;
        if (!('pairs' in body) && method === 'approx') {
          // The common case: one candidate pair, answered from the snapshot's serialized cache.
          const json = model.candidateJson(body.customer_id, body.product_id, lang);
          if (json !== undefined) {
            const row = model.features.findRow(body.customer_id, body.product_id);
            const probability = model.scores[row]!;
            ctx.log?.record(
              'predict',
              body.customer_id,
              body.product_id,
              probability,
              probability >= model.threshold,
              0,
              model.version,
              reply.elapsedTime,
            );
            ctx.metrics.predictions.inc({ model_version: model.version, route: 'predict' });
            // Already JSON: `plainJson` passes strings through (the type follows the schema, not this).
            return reply.type('application/json; charset=utf-8').send(json as never);
          }
        }
        if (!('pairs' in body)) {
          const p = model.predict(body.customer_id, body.product_id, lang, method);
          logOne(ctx, p, reply.elapsedTime);
          ctx.metrics.predictions.inc({ model_version: model.version, route: 'predict' });
          return p;
        }
        if (method === 'exact' && body.pairs.length > MAX_EXACT_PAIRS) {
          throw new SodaiError(
            'INVALID_ARGUMENT',
            `exact SHAP is limited to ${MAX_EXACT_PAIRS} pairs a request (it costs ~20 ms a pair)`,
          );
        }
        const unknown = { customers: new Set<number>(), products: new Set<number>() };
        for (const pair of body.pairs) {
          if (!model.catalog.customers.has(pair.customer_id)) unknown.customers.add(pair.customer_id);
          if (!model.catalog.products.has(pair.product_id)) unknown.products.add(pair.product_id);
        }
        if (unknown.customers.size > 0 || unknown.products.size > 0) {
          const parts = [
            unknown.customers.size ? `unknown customer_id ${[...unknown.customers].join(', ')}` : '',
            unknown.products.size ? `unknown product_id ${[...unknown.products].join(', ')}` : '',
          ].filter(Boolean);
          throw new SodaiError(
            unknown.customers.size ? 'UNKNOWN_CUSTOMER' : 'UNKNOWN_PRODUCT',
            parts.join('; '),
          );
        }
        let cost = 0;
        for (const pair of body.pairs) {
          const candidate = model.features.findRow(pair.customer_id, pair.product_id) >= 0;
          cost +=
            method === 'exact' ? PAIR_COST.exact : candidate ? PAIR_COST.candidate : PAIR_COST.onTheSpot;
        }
        const wait = ctx.scoringBudget.take(req.ip, cost);
        if (wait > 0) {
          void reply.header('retry-after', String(wait));
          throw new SodaiError(
            'RATE_LIMITED',
            `scoring budget used up: this batch costs ${Math.ceil(cost)} pair units; retry in ${wait} s`,
          );
        }
        // Sliced: a 1,000-pair batch scored on the spot must not hold the event loop for a second.
        // A step scores a few pairs at once (one native call explains them all; exact SHAP is ~20 ms
        // a pair, so it goes one pair a step), logs them and keeps only their JSON: a thousand
        // answer objects held to the end would be serialized in one go when the batch finishes.
        const perStep = method === 'exact' ? 1 : PAIRS_PER_STEP;
        const steps: (typeof body.pairs)[] = [];
        for (let i = 0; i < body.pairs.length; i += perStep) steps.push(body.pairs.slice(i, i + perStep));
        const parts = await ctx.slicer.map(steps, (pairs) => {
          const predictions = model.predictMany(pairs, lang, method);
          for (const p of predictions) logOne(ctx, p, reply.elapsedTime);
          return JSON.stringify(predictions).slice(1, -1); // the array's items, without its brackets
        });
        ctx.metrics.predictions.inc({ model_version: model.version, route: 'predict' }, body.pairs.length);
        // Already JSON: `plainJson` passes strings through (the type follows the schema, not this).
        const json = `{"model_version":${model.version},"predictions":[${parts.join(',')}]}`;
        return reply.type('application/json; charset=utf-8').send(json as never);
      } finally {
        model.release();
      }
    },
  );
};

function logOne(ctx: ServeContext, p: Prediction, latencyMs: number): void {
  ctx.log?.record(
    'predict',
    p.customer_id,
    p.product_id,
    p.probability,
    p.will_buy,
    0,
    p.model_version,
    latencyMs,
  );
}
