import { describe, expect, it } from 'vitest';
import { chatDay, useChatServer } from './chat-server.ts';

// "When was the model retrained?" on a store whose model was trained by `sodai train` (no weekly run
// yet) answered only "No weekly run has yet decided whether to retrain the model" (or, on a server
// with no run store, "no access to pipeline runs"): true, but the question asked when, and the serving
// model's registration says it. The answer now names the model serving and when it was registered.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly answered: boolean;
}

describe('when the model was retrained, with no weekly run to tell', () => {
  it.each([
    ['when was the model retrained', 'en', 'The model serving is version'],
    ['¿cuándo se reentrenó el modelo?', 'es', 'El modelo en servicio es la versión'],
  ] as const)('%s', async (q, lang, words) => {
    const serving = (await server().app.inject({ method: 'GET', url: '/api/serving' })).json<{
      model_version: number;
      registered_at: string;
    }>();
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('pipeline_last_run');
    expect(r.answered).toBe(true);
    expect(r.answer).toContain(`${words} ${serving.model_version}`);
    expect(r.answer).toContain(chatDay(serving.registered_at.slice(0, 10), lang));
  });
});
