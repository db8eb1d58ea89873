import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "¿Qué productos compró el cliente 25749 en noviembre?" got the customer's summary (orders, units,
// first and last purchase) without the products. It now lists them, how many different first, each
// with its units and orders in the period, checked here against SQL over the same store.
const server = useChatServer();

let customer = 0;
beforeAll(async () => {
  // The customer with the most different products in April: a list longer than a ranking's five.
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id FROM transactions WHERE month(purchase_date) = 4
     GROUP BY 1 ORDER BY count(DISTINCT product_id) DESC, 1 LIMIT 1`,
  );
  customer = Number(top!.id);
});

/** The customer's products between two days, most units first, computed here. */
async function bought(from: string, to: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT product_id::DOUBLE AS id, sum(items)::DOUBLE AS units, count(DISTINCT order_id)::DOUBLE AS orders
     FROM transactions WHERE customer_id = ${customer}
       AND purchase_date >= DATE '${from}' AND purchase_date < DATE '${to}' + 1
     GROUP BY 1 ORDER BY units DESC, 1`,
  );
  return rows.map((r) => ({ id: Number(r.id), units: Number(r.units), orders: Number(r.orders) }));
}

describe('the products a customer bought in a period', () => {
  it.each([
    ['¿qué productos compró el cliente {c} en abril?', 'es'],
    ['what products did customer {c} buy in April?', 'en'],
    ['¿qué compró el cliente {c} en abril?', 'es'],
    ['what did customer {c} order in April?', 'en'],
    ['¿cuáles productos llevó el {c} en abril?', 'es'],
    ['which items did {c} purchase in April?', 'en'],
  ] as const)('"%s" lists its products with units and orders', async (q, lang) => {
    const question = q.replace('{c}', String(customer));
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'customer_history', lang);
    const year = server().lastDay.slice(0, 4);
    const expected = await bought(`${year}-04-01`, `${year}-04-30`);
    expect(expected.length).toBeGreaterThan(1);
    const d = r.data as { found: number; products: { product: number; units: number; orders: number }[] };
    expect(d.found).toBe(expected.length);
    expect(d.products.map((p) => p.product)).toEqual(expected.slice(0, 10).map((e) => e.id));
    d.products.forEach((p, i) => {
      expect(p.units).toBeCloseTo(expected[i]!.units, 6);
      expect(p.orders).toBe(expected[i]!.orders);
    });
    expect(tableColumn(r, 1)).toEqual(expected.slice(0, 10).map((e) => String(e.id)));
    // How many different products comes first.
    expect(r.answer).toContain(chatNumber(expected.length, lang));
  });

  it.each([
    ['¿qué compró el cliente {c} en su último pedido?', 'last_order'],
    ['¿cuáles son los 3 productos que más compra el {c}?', 'top_products'],
  ])('"%s" keeps its own answer', async (q, kind) => {
    const r = await server().ask(q.replace('{c}', String(customer)));
    expect({
      q,
      listed: 'found' in r.data,
      kind: kind === 'last_order' ? 'last_order' in r.data : r.intent,
    }).toEqual({
      q,
      listed: false,
      kind: kind === 'last_order' ? true : 'top_products',
    });
  });
});
