import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';
import { customerMoversBySql, type CustomerMoversReply } from './chat-customer-movers-sql.ts';

// Asked of the real data, "which customers reduced their purchases the most compared to last month?"
// gave last month's totals against the month before's (compare_periods): "reduce", "redujeron",
// "recortaron", "cut back" were no words of falling. They now rank the customers whose purchases
// fell most, the period asked against the one before, checked against SQL over the same store.
const server = useChatServer();

describe('customers who cut back their purchases', () => {
  it.each([
    ['which customers reduced their purchases the most compared to last month?', 'en'],
    ['¿qué clientes redujeron sus compras respecto al mes pasado?', 'es'],
    ['¿cuáles clientes recortaron sus pedidos?', 'es'],
    ['which customers have cut back on their orders?', 'en'],
    ['¿qué clientes tuvieron la mayor reducción de compras?', 'es'],
    ['customers that are cutting down their purchases', 'en'],
    ['¿quién redujo más sus compras el mes pasado?', 'es'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask<CustomerMoversReply>(q, lang);
    expect({ q, intent: r.intent, direction: r.data.direction }).toEqual({
      q,
      intent: 'movers',
      direction: 'down',
    });
    const { period, compare_to: before } = r.data;
    // The period compared with comes before the period asked (the same days of it when cut short).
    expect(before.to < period.from).toBe(true);
    const expected = await customerMoversBySql(server(), period, before, true);
    expect(expected.moved).toBeGreaterThan(0);
    expect({ q, moved: r.data.moved, ids: r.data.customers.map((c) => c.customer) }).toEqual({
      q,
      moved: expected.moved,
      ids: expected.ids,
    });
    expect(r.answer).toMatch(lang === 'es' ? /compraron menos/ : /bought less/);
  });

  it.each([
    ['¿qué productos redujeron sus ventas?', 'movers'],
    ['¿qué clientes compran menos?', 'small_customers'],
    ['¿qué clientes dejaron de comprar?', 'lapsed_customers'],
    ['compare this month with last month', 'compare_periods'],
  ] as const)('%s is read as %s', async (q, intent) => {
    expect((await server().ask<CustomerMoversReply>(q)).intent).toBe(intent);
  });
});
