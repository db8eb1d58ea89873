import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "What did customer 25743 skip this week that he normally buys?" and "¿qué dejó de pedir el cliente
// X?" got the customer's summary. They now list the products the customer bought in at least 4 of
// the 8 weeks before the week checked and not in it (a reminder list for the sales rep), checked
// here against SQL over the same store.
const server = useChatServer();

let customer = 0;
let from = '';
let to = '';

/** The products `id` bought in ≥ 4 of the 8 weeks before `from` and not in [from, to], computed here. */
async function skipped(id: number) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH hist AS (
       SELECT product_id, count(DISTINCT date_trunc('week', purchase_date)) AS weeks, sum(items) AS units
       FROM transactions WHERE customer_id = ${id} AND items > 0
         AND purchase_date >= DATE '${daysAfter(from, -56)}' AND purchase_date < DATE '${from}' GROUP BY 1)
     SELECT product_id::DOUBLE AS id, count(*) OVER ()::DOUBLE AS n FROM hist WHERE weeks >= 4
       AND product_id NOT IN (SELECT product_id FROM transactions WHERE customer_id = ${id} AND items > 0
                              AND purchase_date BETWEEN DATE '${from}' AND DATE '${to}')
     ORDER BY weeks DESC, units DESC, id`,
  );
  return rows.map((r) => Number(r.id));
}

beforeAll(async () => {
  // The fixture's data end on a Sunday: the week checked is the Monday-Sunday week ending then.
  to = server().lastDay;
  from = daysAfter(to, -6);
  const ids = await queryRows(
    server().fx.store.connection,
    'SELECT customer_id::DOUBLE AS id FROM customers ORDER BY 1',
  );
  let best = -1;
  for (const r of ids) {
    const n = (await skipped(Number(r.id))).length;
    if (n > best) [best, customer] = [n, Number(r.id)];
  }
});

describe('products a customer usually buys and skipped lately', () => {
  it.each([
    ['what did customer {c} skip this week that he normally buys?', 'en'],
    ['¿qué dejó de pedir el cliente {c}?', 'es'],
    ['¿qué no pidió esta semana el cliente {c} que suele comprar?', 'es'],
    ['which of his usual products did customer {c} miss this week?', 'en'],
    ['¿qué se le olvidó pedir al cliente {c}?', 'es'],
    ["what hasn't customer {c} ordered this week?", 'en'],
  ] as const)('"%s" lists the usual products not bought in the week', async (q, lang) => {
    const question = q.replace('{c}', String(customer));
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'customer_history', lang);
    const expected = await skipped(customer);
    expect(expected.length).toBeGreaterThan(0);
    const d = r.data as { week: { from: string; to: string }; skipped: { product: number }[] };
    expect({ from: d.week.from, to: d.week.to }).toEqual({ from, to });
    expect(d.skipped.map((s) => s.product)).toEqual(expected);
    expect(tableColumn(r, 1)).toEqual(expected.map(String));
  });

  it.each([
    ['¿el cliente {c} dejó de comprar?', 'customer_history'],
    ['¿qué compró el cliente {c} en su último pedido?', 'customer_history'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q.replace('{c}', String(customer)));
    expect({ q, intent: r.intent, skipped: 'skipped' in r.data }).toEqual({ q, intent, skipped: false });
  });
});
