import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "list the wholesalers that stopped buying cans" answered "23 customers who
// used to buy package LATA …": the list held only wholesalers, but the answer never said so, and a
// reader took them for every customer. The type asked for is now named where the customers are.
const server = useChatServer();

describe('customers of a type who stopped buying', () => {
  it.each([
    ['list the wholesalers that stopped buying cans', 'en', /^\d+ wholesalers? who used to buy/],
    ['¿qué mayoristas dejaron de comprar latas?', 'es', /^\d+ mayoristas? que compraban?/],
    ['which restaurants stopped buying?', 'en', /^(?:\d+ regular restaurants?|No regular restaurant) /],
    [
      '¿qué restaurantes dejaron de comprar?',
      'es',
      /^(?:\d+ restaurantes? habituale?s?|Ningún restaurante habitual) /,
    ],
  ] as const)('%s', async (q, lang, wording) => {
    const r = await server().ask(q, lang);
    expect(r.intent).toBe('lapsed_customers');
    expect(r.answer).toMatch(wording);
  });

  it('without a type, they are customers', async () => {
    const r = await server().ask('who stopped buying cans?', 'en');
    expect(r.answer).toMatch(/^(?:\d+ customers? who used to buy|No regular customer)/);
  });
});
