import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuál es el cliente más fiel?" told the last file loaded (last_batch):
// the speller took "fiel", a word it did not know, for "file" with two letters swapped. Loyalty
// ("fiel", "leal", "fidelidad", "loyal") is now known, and it is buying week after week: the
// customers who bought in most of the last eight weeks, most weeks first, as the regular buyers
// answer them, checked against SQL over seven-day weeks counted back from the data's last day.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly weeks: number;
    readonly needed: number;
    readonly found: number;
    readonly every_week: number;
    readonly customers: readonly { readonly customer: number; readonly weeks: number }[];
  };
}

/** Customers who bought in at least 6 of the last 8 weeks, most weeks then most units first. */
async function regularBySql(type?: string) {
  const to = server().lastDay;
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH w AS (
       SELECT t.customer_id, floor(date_diff('day', t.purchase_date, DATE '${to}') / 7) AS week,
              sum(t.items) AS units
       FROM transactions t JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${daysAfter(to, -55)}' AND DATE '${to}'
             AND ${type ? `c.customer_type = '${type}'` : 'TRUE'}
       GROUP BY 1, 2 HAVING sum(t.items) > 0)
     SELECT customer_id::DOUBLE AS id, count(*)::DOUBLE AS weeks, sum(units) AS units
     FROM w GROUP BY 1 HAVING count(*) >= 6 ORDER BY weeks DESC, units DESC, id`,
  );
  return {
    found: rows.length,
    every: rows.filter((r) => Number(r.weeks) === 8).length,
    ids: rows.slice(0, 5).map((r) => Number(r.id)),
  };
}

describe('the most loyal customers', () => {
  it.each([
    ['¿cuál es el cliente más fiel?', 'es', undefined],
    ['¿quiénes son nuestros clientes más leales?', 'es', undefined],
    ['clientes fieles', 'es', undefined],
    ['who is our most loyal customer?', 'en', undefined],
    ['show me the loyal customers', 'en', undefined],
    ['¿qué mayoristas son más fieles?', 'es', 'MAYORISTA'],
    ['which restaurants are the most loyal?', 'en', 'RESTAURANT'],
  ] as const)('%s', async (q, lang, type) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent }).toEqual({ q, intent: 'top_customers' });
    const expected = await regularBySql(type);
    expect(expected.found).toBeGreaterThan(0);
    expect({
      q,
      weeks: r.data.weeks,
      needed: r.data.needed,
      found: r.data.found,
      every: r.data.every_week,
      ids: r.data.customers.slice(0, 5).map((c) => c.customer),
    }).toEqual({ q, weeks: 8, needed: 6, found: expected.found, every: expected.every, ids: expected.ids });
    expect(r.answer).toMatch(lang === 'es' ? /con regularidad/ : /regularly/);
  });

  it.each([
    ['¿cuál fue el último archivo cargado?', 'last_batch'],
    ['¿quién es el mejor cliente?', 'top_customers'],
    ['what do restaurants buy every week?', 'top_products'],
  ] as const)('%s is read as %s', async (q, intent) => {
    expect((await server().ask<Reply>(q)).intent).toBe(intent);
  });
});
