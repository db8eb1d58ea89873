import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué clientes son nuevos este mes?" was refused (unknown), while "¿qué
// clientes nuevos tuvimos en noviembre?" listed the new customers: "new" was known beside the noun
// ("clientes nuevos", "new customers"), not said of the customers with a verb ("son nuevos", "are
// new", "fueron nuevos"). Those now list the customers whose first purchase falls in the period,
// checked against SQL over the same store.
const server = useChatServer();

interface Span {
  readonly from: string;
  readonly to: string;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period: Span;
    readonly found: number;
    readonly customers: readonly { readonly customer: number; readonly first: string }[];
  };
}

/** Customers whose first purchase is in the span, most units in it first, of an optional type. */
async function newBySql({ from, to }: Span, type?: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH firsts AS (SELECT customer_id, min(purchase_date) AS first FROM transactions WHERE items > 0 GROUP BY 1)
     SELECT t.customer_id::DOUBLE AS id FROM transactions t JOIN firsts f USING (customer_id)
       JOIN customers c USING (customer_id)
     WHERE f.first BETWEEN DATE '${from}' AND DATE '${to}' AND t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
       ${type ? `AND c.customer_type = '${type}'` : ''}
     GROUP BY 1 ORDER BY sum(t.items) DESC, min(f.first), 1`,
  );
  return rows.map((r) => Number(r.id));
}

describe('customers who are new', () => {
  it.each([
    ['¿qué clientes son nuevos este mes?', 'es', 'this month', undefined],
    ['which customers are new this month?', 'en', 'this month', undefined],
    ['¿cuáles clientes fueron nuevos en abril?', 'es', 'april', undefined],
    ['which customers were new in march?', 'en', 'march', undefined],
    ['¿quiénes son nuevos este mes?', 'es', 'this month', undefined],
    ['¿qué restaurantes fueron nuevos en febrero?', 'es', 'february', 'RESTAURANT'],
  ] as const)('%s', async (q, lang, when, type) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent }).toEqual({ q, intent: 'new_customers' });
    const last = server().lastDay;
    const year = last.slice(0, 4);
    const from = {
      'this month': `${last.slice(0, 8)}01`,
      april: `${year}-04-01`,
      march: `${year}-03-01`,
      february: `${year}-02-01`,
    }[when];
    expect(r.data.period.from).toBe(from);
    const expected = await newBySql(r.data.period, type);
    expect(expected.length).toBeGreaterThan(0);
    expect({ q, found: r.data.found, ids: r.data.customers.map((c) => c.customer) }).toEqual({
      q,
      found: expected.length,
      ids: expected.slice(0, r.data.customers.length),
    });
    expect(r.answer).toMatch(lang === 'es' ? /por primera vez/ : /for the first time/);
  });

  it.each([
    ['¿qué productos son nuevos?', 'new_products'],
    ['¿qué clientes nuevos tuvimos en marzo?', 'new_customers'],
    ['¿qué clientes compran más?', 'top_customers'],
  ] as const)('%s is read as %s', async (q, intent) => {
    expect((await server().ask<Reply>(q)).intent).toBe(intent);
  });
});
