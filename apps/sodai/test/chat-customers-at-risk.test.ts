import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué clientes están en riesgo de dejar de comprar?" was refused (unknown)
// while "show me customers at risk of churning" listed the regular customers gone quiet: "dejar de
// comprar", "en riesgo", "en peligro", "a punto de irse" were no words of lapsing. They now are, in
// both languages, and list the customers with two orders or more and none in the last four weeks,
// biggest first, checked against SQL over the same store.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly entities: { readonly customer_id?: number };
  readonly data: { readonly lapsed: number; readonly customers: readonly number[] };
}

describe('customers at risk of leaving', () => {
  it.each([
    ['¿qué clientes están en riesgo de dejar de comprar?', 'es'],
    ['clientes en peligro', 'es'],
    ['¿qué clientes están a punto de irse?', 'es'],
    ['¿hay clientes con riesgo de fuga?', 'es'],
    ['¿qué clientes podríamos perder?', 'es'],
    ['show me customers at risk of churning', 'en'],
    ['which accounts are at risk?', 'en'],
    ['customers about to leave us', 'en'],
  ] as const)('%s', async (q, lang) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent }).toEqual({ q, intent: 'lapsed_customers' });
    const quietFrom = daysAfter(server().lastDay, -27);
    const rows = await queryRows(
      server().fx.store.connection,
      `WITH bought AS (
         SELECT customer_id, max(purchase_date) AS last_day, sum(items) AS units
         FROM transactions GROUP BY customer_id HAVING count(DISTINCT order_id) >= 2)
       SELECT customer_id::DOUBLE AS id, count(*) OVER ()::DOUBLE AS total FROM bought
       WHERE last_day < DATE '${quietFrom}' ORDER BY units DESC, customer_id LIMIT 5`,
    );
    const total = Number(rows[0]?.total ?? 0);
    expect(total).toBeGreaterThan(0);
    expect({ q, lapsed: r.data.lapsed, first: r.data.customers.slice(0, 5) }).toEqual({
      q,
      lapsed: total,
      first: rows.map((row) => Number(row.id)),
    });
    expect(r.answer.startsWith(chatNumber(total, lang))).toBe(true);
  });

  it.each([
    ['¿qué clientes dejaron de comprar?', 'lapsed_customers'],
    ['¿qué clientes compran poco?', 'small_customers'],
    ['¿qué clientes van a comprar latas la próxima semana?', 'likely_buyers'],
  ] as const)('%s is read as %s', async (q, intent) => {
    expect((await server().ask<Reply>(q)).intent).toBe(intent);
  });
});
