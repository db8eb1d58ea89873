import type { ChatEntities, ChatIntent } from '../../contract/api.ts';
import { ChatIntentSchema } from '../../contract/api.ts';
import type { AnswerPhraser, ChatQuestion, ChatReply, RulesTurn } from '../assistant.ts';
import type { ToolAnswer } from '../tools/toolbox.ts';
import { groundNumbers, inventedNumbers } from './number-check.ts';
import { chatCompletion, type LlmMessage, type LlmSettings, type LlmTool } from './openai-chat.ts';

const ENTITY_PARAMETERS = {
  type: 'object',
  properties: {
    customer_id: { type: 'integer', description: 'customer number' },
    product_id: { type: 'integer', description: 'product code' },
    brand: { type: 'string' },
    category: { type: 'string', enum: ['BEBIDAS CARBONATADAS', 'BEBIDAS NO CARBONATADAS'] },
    segment: { type: 'string', enum: ['PREMIUM', 'HIGH', 'MEDIUM', 'LOW'] },
    package: { type: 'string', enum: ['BOTELLA', 'LATA', 'TETRA', 'KEG'] },
    customer_type: { type: 'string' },
    period_from: { type: 'string', description: 'YYYY-MM-DD' },
    period_to: { type: 'string', description: 'YYYY-MM-DD' },
    count: { type: 'integer', description: 'how many rows to list' },
    group_by: {
      type: 'string',
      enum: ['brand'],
      description: 'top_products: rank brands instead of products',
    },
  },
} as const;

/** One function per intent: the LLM routes a question to the same tools the rules use. */
const TOOLS: readonly LlmTool[] = ChatIntentSchema.options
  .filter((i) => i !== 'unknown' && i !== 'help' && i !== 'small_talk')
  .map((intent) => ({
    type: 'function',
    function: {
      name: intent,
      description: `SodAI tool: ${intent.replaceAll('_', ' ')}`,
      parameters: ENTITY_PARAMETERS,
    },
  }));

const SYSTEM = `You are SodAI, a sales assistant for a beverage distributor. Always call exactly one tool to get facts.
Answer in the user's language in two or three sentences, using only numbers that appear in the tool result.`;

function entitiesFrom(args: Record<string, unknown>, fallback: ChatEntities): ChatEntities {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const from = str(args.period_from);
  const to = str(args.period_to);
  const picked: ChatEntities = {
    ...fallback,
    ...(num(args.customer_id) !== undefined ? { customer_id: num(args.customer_id) } : {}),
    ...(num(args.product_id) !== undefined ? { product_id: num(args.product_id) } : {}),
    ...(str(args.brand) ? { brand: str(args.brand) } : {}),
    ...(str(args.category) ? { category: str(args.category) } : {}),
    ...(str(args.segment) ? { segment: str(args.segment) } : {}),
    ...(str(args.package) ? { package: str(args.package) } : {}),
    ...(str(args.customer_type) ? { customer_type: str(args.customer_type) } : {}),
    ...(num(args.count) !== undefined ? { count: Math.trunc(num(args.count)!) } : {}),
    ...(args.group_by === 'brand' ? { group_by: 'brand' as const } : {}),
    ...(from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)
      ? { period: { from, to, label: `${from} – ${to}` } }
      : {}),
  };
  return picked;
}

/**
 * The optional LLM: it picks a tool (function calling) and phrases the answer from the tool's
 * result. Its words are accepted only when every number in them comes from the tool result (or the
 * question); otherwise the built-in answer is given, saying why. Timeouts and errors fall back too.
 *
 * @example
 * const phraser = new LlmPhraser({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', timeoutMs: 8000 });
 * await assistant.ask({ message: '¿Qué le ofrezco al cliente 100001?' }, phraser);
 */
export class LlmPhraser implements AnswerPhraser {
  constructor(
    private readonly settings: LlmSettings,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async answer(
    question: ChatQuestion & { lang: 'es' | 'en' },
    rules: RulesTurn,
  ): Promise<ChatReply | undefined> {
    try {
      const messages: LlmMessage[] = [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: question.message },
      ];
      const first = await chatCompletion(this.settings, messages, TOOLS);
      const call = first.tool_calls?.[0];
      let intent: ChatIntent = rules.understanding.intent;
      let entities = rules.understanding.entities;
      let tool: ToolAnswer = rules.tool;
      if (call) {
        const parsed = ChatIntentSchema.safeParse(call.function.name);
        if (
          parsed.success &&
          parsed.data !== 'unknown' &&
          parsed.data !== 'help' &&
          parsed.data !== 'small_talk'
        ) {
          intent = parsed.data;
          entities = entitiesFrom(
            JSON.parse(call.function.arguments || '{}') as Record<string, unknown>,
            rules.understanding.entities,
          );
          tool = await rules.run(intent, { ...rules.understanding, intent, entities });
        }
      }
      const result = {
        answer: tool.text,
        based_on: tool.basedOn,
        table: tool.table ?? null,
        data: tool.data,
      };
      const second = await chatCompletion(
        this.settings,
        [
          ...messages,
          { role: 'assistant', content: first.content ?? null, ...(call ? { tool_calls: [call] } : {}) },
          call
            ? { role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) }
            : { role: 'user', content: `Tool result: ${JSON.stringify(result)}` },
        ],
        [],
      );
      const text = second.content?.trim();
      if (!text) return undefined;
      const grounded = groundNumbers(
        [tool.text, question.message, ...(tool.table?.rows.flat() ?? [])],
        tool.data,
      );
      const invented = inventedNumbers(text, grounded);
      const base: ChatReply = {
        ...rules.reply,
        intent,
        entities,
        answer: tool.text,
        answered: tool.answered,
        based_on: [...tool.basedOn],
        data: { ...tool.data },
        ...(tool.table ? { table: tool.table } : {}),
        ...(tool.chart ? { chart: tool.chart } : {}),
      };
      if (invented.length > 0) {
        // The LLM's wording is refused: the built-in answer carries the tool's own figures.
        return {
          ...base,
          based_on: [
            ...base.based_on,
            question.lang === 'es'
              ? `respuesta del LLM descartada: cifras sin respaldo (${invented.join(', ')})`
              : `LLM answer discarded: unsupported figures (${invented.join(', ')})`,
          ],
        };
      }
      return { ...base, answer: text, source: 'llm' };
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }
}
