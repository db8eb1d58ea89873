import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChatAnalyticsQuerySchema,
  ChatAnalyticsSchema,
  ChatExamplesSchema,
  ChatFeedbackSchema,
  ChatRequestSchema,
  ChatResponseSchema,
  ErrorBodySchema,
  LangQuerySchema,
} from '../../contract/api.ts';
import { ChatAssistant } from '../../chat/assistant.ts';
import { exampleQuestions } from '../../chat/examples.ts';
import type { ServingModel } from '../../scoring/serving-model.ts';
import type { AlertStore } from '../../monitor/alerts/alert-store.ts';
import { openChatLog } from '../../chat/analytics/open-chat-log.ts';
import type { ChatLog } from '../../chat/analytics/chat-log.ts';
import { CHAT_TABLES, duckDbChatSource, snapshotCachedChatSource } from '../../chat/data-source.ts';
import { storedDriftSource } from '../../chat/drift-source.ts';
import { operatingPolicyOf } from '../../chat/operating-policy.ts';
import { storedReports } from '../../store/stored-reports.ts';
import { LlmPhraser } from '../../chat/llm/llm-phraser.ts';
import { SodaiError } from '../../errors.ts';
import { realizedPerformanceSource } from '../chat-performance-source.ts';
import { resolveLang } from '../language.ts';
import type { ServeContext } from '../serve-context.ts';
import type { PipelineAccess } from './pipeline-api.ts';

/**
 * POST /chat: questions in Spanish or English answered by the grounded assistant (and, when
 * configured, phrased by an LLM whose numbers are checked against the tools' results).
 * POST /chat/feedback: 👍/👎 on an answer. GET /api/chat/analytics: frequent and unanswered questions.
 * GET /api/chat/examples: example questions per family, for the UI.
 *
 * @example
 * await app.register(chatRoutes, { ctx });
 * await app.inject({ method: 'POST', url: '/chat', payload: { message: '¿Qué le ofrezco al cliente 100001?' } });
 */
export const chatRoutes: FastifyPluginAsyncZod<{
  ctx: ServeContext;
  pipeline?: PipelineAccess;
  /** The alert store behind /api/alerts: the chat lists its open alerts, read-only. */
  alerts?: AlertStore;
}> = async (app, { ctx, pipeline, alerts }) => {
  const assistant = new ChatAssistant({
    data: snapshotCachedChatSource(duckDbChatSource(ctx.lane), {
      // The assistant reads only these views, each a catalog snapshot.
      version: () => ctx.store.snapshotKey(CHAT_TABLES),
    }),
    serving: ctx.holder,
    registry: ctx.tracking,
    ...(pipeline ? { pipeline: { store: pipeline.store, dags: pipeline.dags } } : {}),
    drift: storedDriftSource(storedReports(ctx.store.shared.objects, ctx.paths.reportsDir)),
    // Scored by each weekly run's `score_realized` task: what the model did once purchases arrived.
    performance: realizedPerformanceSource(ctx.store.shared.catalog.monitor),
    // The log lives in the catalog, so a batch another process ingested shows without a restart.
    ingestions: (limit) => ctx.lane.run(() => ctx.store.ingestions(limit)),
    ...(alerts ? { alerts: { open: () => alerts.list({ state: 'open' }) } } : {}),
    policy: operatingPolicyOf(ctx.config),
    now: ctx.now,
  });
  const llmConfig = ctx.config.chat.llm;
  const phraser = llmConfig.baseUrl
    ? new LlmPhraser(
        {
          baseUrl: llmConfig.baseUrl,
          model: llmConfig.model,
          timeoutMs: llmConfig.timeoutMs,
          ...(llmConfig.apiKey ? { apiKey: llmConfig.apiKey } : {}),
        },
        (error) => app.log.warn({ err: error }, 'LLM failed; answering with the built-in understanding'),
      )
    : undefined;
  const log: ChatLog | undefined = ctx.config.chat.logQuestions
    ? await openChatLog({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.paths.dataDir })
    : undefined;
  app.addHook('onClose', async () => log?.close());

  const noLog = () => new SodaiError('NOT_FOUND', 'chat analytics are off (chat.logQuestions is false)');

  app.post(
    '/chat',
    {
      schema: {
        summary: 'Ask about customers, products, sales, the model or the pipeline (es/en)',
        tags: ['chat'],
        querystring: LangQuerySchema,
        body: ChatRequestSchema,
        response: { 200: ChatResponseSchema },
      },
    },
    async (req) => {
      const started = performance.now();
      // Serving's views move only when a model loads; a batch the CLI ingested since must still be
      // in the chat's figures ("last week", "data until").
      await ctx.lane.run(() => ctx.store.catchUp(CHAT_TABLES));
      const reply = await assistant.ask(
        {
          message: req.body.message,
          lang: req.body.lang ?? req.query.lang,
          sessionId: req.body.session_id,
          fallbackLang: resolveLang(undefined, req.headers['accept-language']),
        },
        phraser,
      );
      const latencyMs = performance.now() - started;
      let questionId: string | null = null;
      if (log) {
        const id = randomUUID();
        await log
          .record({
            id,
            sessionId: reply.session_id,
            askedAt: ctx.now(),
            text: req.body.message,
            lang: reply.lang,
            intent: reply.intent,
            entities: reply.entities,
            answered: reply.answered,
            latencyMs,
            source: reply.source,
          })
          .then(
            () => (questionId = id),
            (error: unknown) => app.log.error({ err: error }, 'chat log write failed'),
          );
      }
      return { ...reply, question_id: questionId };
    },
  );

  app.post(
    '/chat/feedback',
    {
      schema: {
        summary: 'Rate an answer (👍 up / 👎 down)',
        tags: ['chat'],
        body: ChatFeedbackSchema,
        response: { 204: z.null(), 404: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      if (!log) throw noLog();
      if (!(await log.feedback(req.body.question_id, req.body.rating))) {
        throw new SodaiError('NOT_FOUND', `no chat question ${req.body.question_id}`);
      }
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/chat/examples',
    {
      schema: {
        summary: 'Example questions per family, with a real customer and product of the serving week',
        tags: ['chat'],
        querystring: LangQuerySchema,
        response: { 200: ChatExamplesSchema },
      },
    },
    async (req) => {
      const lang = resolveLang(req.query.lang, req.headers['accept-language']);
      const pair = topServedPair(ctx.holder.current());
      const families = exampleQuestions(lang, pair?.customer, pair?.product);
      return {
        families: Object.entries(families).map(([family, questions]) => ({
          family: family.charAt(0).toUpperCase() + family.slice(1),
          questions,
        })),
      };
    },
  );

  app.get(
    '/api/chat/analytics',
    {
      schema: {
        summary: 'Chat analytics: totals, most frequent and unanswered questions, latest questions',
        tags: ['chat'],
        querystring: ChatAnalyticsQuerySchema,
        response: { 200: ChatAnalyticsSchema, 404: ErrorBodySchema },
      },
    },
    async (req) => {
      if (!log) throw noLog();
      return log.analytics(req.query.limit);
    },
  );
};

/** The week's most likely purchase, so the examples name a customer and product that answer well. */
function topServedPair(model: ServingModel | undefined): { customer: number; product: number } | undefined {
  if (!model || model.features.rows === 0) return undefined;
  let best = 0;
  for (let r = 1; r < model.features.rows; r++) if (model.scores[r]! > model.scores[best]!) best = r;
  const { customerIds, productIds } = model.features.matrix;
  return { customer: customerIds[best]!, product: productIds[best]! };
}
