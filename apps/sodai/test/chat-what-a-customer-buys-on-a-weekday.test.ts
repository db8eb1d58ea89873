import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { busiestCustomer, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué compra el 181101 los lunes?" gave the customer's whole history, every
// day of it: the weekday was read only in rankings of everyone's sales and in "¿compra los lunes?".
// What one customer buys on a weekday is now his products ranked by the units bought on that weekday
// (over his whole history, or the period named), checked against SQL.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly weekday?: number;
    readonly products?: readonly { readonly product: number; readonly units: number }[];
  };
}

let customer = 0;

beforeAll(async () => {
  customer = await busiestCustomer(server());
});

async function expectedProducts(day: number, from = '1900-01-01', to = '2999-12-31') {
  return queryRows(
    server().fx.store.connection,
    `SELECT product_id::DOUBLE AS product, sum(items)::DOUBLE AS units FROM transactions
     WHERE customer_id = ${customer} AND isodow(purchase_date) = ${day}
       AND purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
     GROUP BY 1 HAVING sum(items) > 0 ORDER BY units DESC, product LIMIT 5`,
  );
}

describe("one customer's purchases on a weekday", () => {
  it.each([
    ['¿qué compra el {c} los lunes?', 'es', 1, undefined],
    ['what does customer {c} buy on fridays?', 'en', 5, undefined],
    ['¿qué productos compró el cliente {c} los martes en abril?', 'es', 2, ['2024-04-01', '2024-04-30']],
  ] as const)('%s', async (template, lang, day, period) => {
    const r = await server().ask<Reply>(template.replace('{c}', String(customer)), lang);
    expect(r.intent).toBe('top_products');
    expect(r.data.weekday).toBe(day);
    const want = await expectedProducts(day, period?.[0], period?.[1]);
    expect(want.length).toBeGreaterThan(0);
    expect((r.data.products ?? []).map((p) => p.product)).toEqual(want.map((w) => Number(w.product)));
    r.data.products!.forEach((p, i) => expect(p.units).toBeCloseTo(Number(want[i]!.units), 6));
  });

  it('whether he orders on a weekday is still a yes or no on his habit', async () => {
    const r = await server().ask<Reply>(`¿el ${customer} compra los lunes?`, 'es');
    expect(r.intent).toBe('sales_share');
  });
});
