import type { ChatIntent } from '../../contract/api.ts';
import type { AnswerPhraser, ChatQuestion, ChatReply, RulesTurn } from '../assistant.ts';
import type { ToolAnswer } from '../tools/toolbox.ts';
import { groundNumbers, inventedNumbers } from './number-check.ts';
import { chatCompletion, type LlmMessage, type LlmSettings } from './openai-chat.ts';
import { isToolIntent, LLM_TOOLS, toolArguments } from './tool-schemas.ts';

const SYSTEM = `You are SodAI, a sales assistant for a beverage distributor. Always call exactly one tool to get facts.
Answer in the user's language in two or three sentences, using only numbers that appear in the tool result.`;

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
      const first = await chatCompletion(this.settings, messages, LLM_TOOLS);
      const call = first.tool_calls?.[0];
      let intent: ChatIntent = rules.understanding.intent;
      let entities = rules.understanding.entities;
      let tool: ToolAnswer = rules.tool;
      if (call && isToolIntent(call.function.name)) {
        intent = call.function.name;
        const args = toolArguments(
          JSON.parse(call.function.arguments || '{}') as Record<string, unknown>,
          rules.understanding.entities,
        );
        entities = args.entities;
        tool = await rules.run(intent, {
          ...rules.understanding,
          intent,
          entities,
          howMany: args.howMany || rules.understanding.howMany === true,
        });
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
