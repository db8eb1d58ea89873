import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "¿Cuánto vendió cada vendedor?", "ventas por vendedor" got the total of all sales, as though it
// were split by salesperson: the data has no salesperson on a sale. They now get the honest "no
// tengo datos de vendedores" with what can be asked instead; "top sellers" are still products.
const server = useChatServer();

describe('sales by salesperson: data the platform does not have', () => {
  it.each([
    ['cuanto vendio cada vendedor', /No tengo datos de vendedores/],
    ['ventas por vendedor este mes', /No tengo datos de vendedores/],
    ['which sales rep sold the most', /I have no data on salespeople/],
    ['quien es el mejor preventista', /No tengo datos de vendedores/],
  ])('%s', async (q, said) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, answered: r.answered }).toEqual({ q, intent: 'unknown', answered: false });
    expect(r.answer).toMatch(said);
  });

  it.each([['top sellers last week'], ['best sellers in cans']])('"%s" still ranks products', async (q) => {
    expect((await server().ask(q)).intent).toBe('top_products');
  });
});
