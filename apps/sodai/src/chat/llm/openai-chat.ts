/** The parts of the OpenAI chat-completions API the assistant uses (Ollama and llama.cpp speak it). */
export interface LlmMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string | null;
  readonly tool_calls?: readonly LlmToolCall[];
  readonly tool_call_id?: string;
}

export interface LlmToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

export interface LlmTool {
  readonly type: 'function';
  readonly function: { readonly name: string; readonly description: string; readonly parameters: object };
}

export interface LlmSettings {
  /** API base, e.g. http://127.0.0.1:11434/v1; `/chat/completions` is appended. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
}

/**
 * One chat-completions call. Throws on HTTP errors, timeouts and replies without a message, so the
 * caller falls back to the built-in answer.
 *
 * @example
 * const msg = await chatCompletion(settings, [{ role: 'user', content: 'hola' }], []);
 */
export async function chatCompletion(
  settings: LlmSettings,
  messages: readonly LlmMessage[],
  tools: readonly LlmTool[],
): Promise<LlmMessage> {
  const res = await fetch(`${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: settings.model,
      messages,
      temperature: 0,
      ...(tools.length ? { tools, tool_choice: 'auto' } : {}),
    }),
    signal: AbortSignal.timeout(settings.timeoutMs),
  });
  if (!res.ok) throw new Error(`LLM endpoint answered ${res.status} ${res.statusText}`);
  const body = (await res.json()) as { choices?: { message?: LlmMessage }[] };
  const message = body.choices?.[0]?.message;
  if (!message) throw new Error('LLM reply has no message');
  return message;
}
