import { describe, expect, it } from 'vitest';
import { daysAfter, useChatServer } from './chat-server.ts';
import { customerMoversBySql, type CustomerMoversReply } from './chat-customer-movers-sql.ts';

// Asked of the real data, "¿hay clientes que compraban mucho y ahora compran poco?" and "which
// customers used to buy a lot but now buy little?" listed the smallest customers (small_customers):
// "compran poco" was read alone, not against what they bought before. Buying then and now set against
// each other now ranks the customers by their change, the last four weeks against the four before:
// down when the much is said first, up the other way round, checked against SQL over the same store.
const server = useChatServer();

describe('customers who used to buy more, or less, than now', () => {
  it.each([
    ['¿hay clientes que compraban mucho y ahora compran poco?', 'es', true],
    ['which customers used to buy a lot but now buy little?', 'en', true],
    ['clientes que antes pedían harto y ahora casi nada', 'es', true],
    ['customers who ordered a lot before and hardly anything now', 'en', true],
    ['¿qué clientes compraban más antes y ahora compran menos?', 'es', true],
    ['¿hay clientes que compraban poco y ahora compran mucho?', 'es', false],
    ['which customers used to buy little and now buy a lot?', 'en', false],
    ['¿qué clientes solían comprar poco y ahora compran bastante?', 'es', false],
  ] as const)('%s', async (q, lang, down) => {
    const r = await server().ask<CustomerMoversReply>(q, lang);
    expect({ q, intent: r.intent, direction: r.data.direction }).toEqual({
      q,
      intent: 'movers',
      direction: down ? 'down' : 'up',
    });
    const last = server().lastDay;
    const now = { from: daysAfter(last, -27), to: last };
    const before = { from: daysAfter(last, -55), to: daysAfter(last, -28) };
    expect({ now: r.data.period, before: r.data.compare_to }).toMatchObject({ now, before });
    const expected = await customerMoversBySql(server(), now, before, down);
    expect(expected.moved).toBeGreaterThan(0);
    expect({ q, moved: r.data.moved, ids: r.data.customers.map((c) => c.customer) }).toEqual({
      q,
      moved: expected.moved,
      ids: expected.ids,
    });
  });

  it.each([
    ['¿qué clientes compran poco?', 'small_customers'],
    ['which customers buy the least?', 'small_customers'],
    ['¿qué clientes compraban mucho y ya no compran?', 'lapsed_customers'],
    ['¿qué clientes compran más ahora que antes?', 'movers'],
  ] as const)('%s is read as %s', async (q, intent) => {
    expect((await server().ask<CustomerMoversReply>(q)).intent).toBe(intent);
  });
});
