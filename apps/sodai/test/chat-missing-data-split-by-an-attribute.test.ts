import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "Margen por marca" got the brands ranked by units, with no word on margins: the split by an
// attribute ("por marca", "by package") was read after the missing data and took the question
// over. Margins, prices, stock or revenue split by anything are now said to be data the platform
// does not have; "ventas por marca" still ranks the brands.
const server = useChatServer();

describe('missing data split by an attribute', () => {
  it.each([
    ['margen por marca', /No tengo datos de márgenes/],
    ['precio por envase', /No tengo datos de precios/],
    ['stock por categoria', /No tengo datos de stock/],
    ['margin by brand last month', /I have no data on margins/],
    ['revenue per package', /I have no data on money amounts/],
  ])('%s', async (q, said) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, answered: r.answered }).toEqual({ q, intent: 'unknown', answered: false });
    expect(r.answer).toMatch(said);
  });

  it('"ventas por marca" still ranks the brands', async () => {
    const r = await server().ask('ventas por marca');
    expect({ intent: r.intent, group_by: r.entities.group_by }).toEqual({
      intent: 'top_products',
      group_by: 'brand',
    });
  });
});
