import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "Bottom 5 productos" and "worst brands" were not understood: the slow movers' words took "bottom
// sellers" and "worst selling" only. The ranking's other end with a number or a Spanish noun
// ("bottom 10 skus", "las 3 peores marcas", "los peores productos") is now the slow movers; the
// worst customers stay those who buy least, and the worst week the week ranked.
const server = useChatServer();

describe('the bottom of a ranking of products or brands', () => {
  it.each([
    ['bottom 5 productos', 'es', undefined, 5],
    ['worst brands', 'en', 'brand', undefined],
    ['las 3 peores marcas', 'es', 'brand', 3],
    ['los peores productos del mes', 'es', undefined, undefined],
    ['bottom 10 skus last month', 'en', undefined, 10],
  ] as const)('%s', async (q, lang, groupBy, count) => {
    const r = await server().ask(q);
    expect({
      q,
      intent: r.intent,
      answered: r.answered,
      lang: r.lang,
      group_by: r.entities.group_by,
      count: r.entities.count,
    }).toEqual({ q, intent: 'slow_movers', answered: true, lang, group_by: groupBy, count });
  });

  it.each([
    ['peores clientes', 'small_customers'],
    ['worst week of the year', 'sales_trend'],
  ])('"%s" stays %s', async (q, intent) => {
    expect((await server().ask(q)).intent).toBe(intent);
  });
});
