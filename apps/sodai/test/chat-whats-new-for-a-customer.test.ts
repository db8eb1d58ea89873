import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "Productos nuevos pal 100001" and "what's new for 100001" got the customer's history: "new for
// him" was read only beside a verb of selling ("algo nuevo para ofrecerle"). New for or to a
// customer is now the products he never bought that his peers buy; "qué productos nuevos compró el
// 100001" (new products he bought) keeps its reading.
const server = useChatServer();

describe('what is new for a customer', () => {
  it.each([
    ['productos nuevos pal 100001', 'es'],
    ["what's new for customer 100001", 'en'],
    ['anything new for 100001?', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, answered: r.answered, lang: r.lang }).toEqual({
      q,
      intent: 'recommend',
      answered: true,
      lang,
    });
    // The answer of products new to him: what his peers buy (none found is said so).
    expect('peers_buying' in (r.data as object)).toBe(true);
  });

  it('"qué productos nuevos compró el 100001" stays his purchases', async () => {
    expect((await server().ask('que productos nuevos compro el cliente 100001')).intent).toBe(
      'customer_history',
    );
  });
});
