import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "¿Hay algún lote rechazado?" with no refusal in the log got the last batch that landed, with no
// word about the rejection asked for. It now says first that no recent batch was refused.
const server = useChatServer();

describe('no batch was refused', () => {
  it.each([
    ['hay algun lote rechazado?', 'es', /^Ningún lote reciente fue rechazado\. El último lote/],
    ['did any batch get rejected?', 'en', /^No recent batch was refused\. The last batch/],
    // Not tuned on.
    ['se rechazo algun archivo esta semana', 'es', /^Ningún lote reciente fue rechazado\./],
    ['did the last upload fail?', 'en', /^No recent batch was refused\./],
  ] as const)('"%s" says none was refused', async (q, lang, says) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, lang: r.lang }).toEqual({ q, intent: 'last_batch', lang });
    expect(r.answer).toMatch(says);
  });
});

describe('guards', () => {
  it.each([['¿cuándo llegó el último lote?'], ['how many rows got quarantined last batch']])(
    '"%s" names the last batch with no word of refusals',
    async (q) => {
      const r = await server().ask(q);
      expect({ q, intent: r.intent, refused: /rechaz|refused/.test(r.answer) }).toEqual({
        q,
        intent: 'last_batch',
        refused: false,
      });
    },
  );
});
