import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChatRequestSchema, ChatResponseSchema, LangQuerySchema } from '../../contract/api.ts';
import { answerChat, detectLang } from '../../chat/assistant.ts';
import { resolveLang } from '../language.ts';
import type { ServeContext } from '../serve-context.ts';

/** POST /chat: questions about the data, answered from the store and the serving model.
 *
 * @example
 * await app.register(chatRoutes, { ctx });
 * await app.inject({ method: 'POST', url: '/chat', payload: { message: '¿Cuántos clientes únicos hay?' } });
 */
export const chatRoutes: FastifyPluginAsyncZod<{ ctx: ServeContext }> = async (app, { ctx }) => {
  app.post(
    '/chat',
    {
      schema: {
        summary: 'Ask about customers, products, transactions or recommendations (es/en)',
        tags: ['chat'],
        querystring: LangQuerySchema,
        body: ChatRequestSchema,
        response: { 200: ChatResponseSchema },
      },
    },
    async (req) => {
      // An explicit choice wins; otherwise answer in the language the question is written in.
      const lang =
        req.body.lang ??
        req.query.lang ??
        detectLang(req.body.message) ??
        resolveLang(undefined, req.headers['accept-language']);
      return answerChat(req.body.message, lang, { lane: ctx.lane, holder: ctx.holder });
    },
  );
};
