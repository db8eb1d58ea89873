import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "which products are selling less?" described the total's weekly trend,
// "¿qué productos se venden menos que antes?" listed the best sellers, and "what's selling less than
// usual?" asked which customer was meant. Selling less (or more) than before, said as a comparative
// ("selling less", "menos que antes / de costumbre", "more than usual"), now ranks the items by their
// change; "¿qué productos se venden menos?" (the least sold) and "¿qué se vende más?" (the best
// sellers) keep their readings.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly entities: { readonly direction?: 'up' | 'down' };
}

describe('selling less or more than before', () => {
  it.each([
    ['which products are selling less?', 'en', 'down'],
    ['¿qué productos se venden menos que antes?', 'es', 'down'],
    ['¿qué se está vendiendo menos que de costumbre?', 'es', 'down'],
    ["what's selling less than usual?", 'en', 'down'],
    ['which brands are selling more?', 'en', 'up'],
    ['¿qué marcas se venden más que antes?', 'es', 'up'],
  ] as const)('%s', async (q, lang, direction) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('movers');
    expect(r.entities.direction ?? 'up').toBe(direction);
  });

  it.each([
    ['¿qué productos se venden menos?', 'slow_movers'],
    ['¿qué se vende más?', 'top_products'],
    ['which products sell the least?', 'slow_movers'],
  ] as const)('%s keeps its reading', async (q, intent) => {
    const r = await server().ask<Reply>(q);
    expect(r.intent).toBe(intent);
  });
});
