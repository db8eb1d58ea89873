import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { brandNumber, chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué clientes compraron el producto 1370 por primera vez en diciembre?"
// gave all its buyers in December, and "nuevos compradores de la marca 24 este mes" the customers new
// to the distributor who bought the brand. The customers whose first purchase of the product (or
// brand, or kind) named falls in the period are now listed, said to count from the data's first day,
// checked against SQL.
const server = useChatServer();

interface Period {
  readonly from: string;
  readonly to: string;
}
interface Answer {
  readonly period: Period;
  readonly found: number;
  readonly first_of: 'named' | 'anything';
  readonly customers: readonly {
    readonly customer: number;
    readonly first: string;
    readonly units: number;
  }[];
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: Answer;
}

/** Customers whose first purchase of what `where` keeps falls in `[from, to]`, most units then. */
async function firstTimeBuyers(where: string, from: string, to: string) {
  return queryRows(
    server().fx.store.connection,
    `WITH firsts AS (
       SELECT t.customer_id, min(t.purchase_date) AS first
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.items > 0 AND ${where} GROUP BY 1)
     SELECT t.customer_id::DOUBLE AS customer, sum(t.items)::DOUBLE AS units, any_value(f.first)::VARCHAR AS first,
            count(*) OVER ()::DOUBLE AS found
     FROM transactions t JOIN products p USING (product_id) JOIN firsts f USING (customer_id)
     WHERE ${where} AND f.first BETWEEN DATE '${from}' AND DATE '${to}'
       AND t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
     GROUP BY 1 ORDER BY units DESC, first, customer`,
  );
}

/** The product and the brand with the most first-time buyers in April: surely some to list. */
async function namedInApril() {
  const top = async (column: string) => {
    const [row] = await queryRows(
      server().fx.store.connection,
      `WITH firsts AS (SELECT ${column} AS item, t.customer_id, min(t.purchase_date) AS first
                       FROM transactions t JOIN products p USING (product_id) WHERE t.items > 0 GROUP BY 1, 2)
       SELECT item::VARCHAR AS item FROM firsts WHERE first BETWEEN DATE '2024-04-01' AND DATE '2024-04-30'
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    return String(row!.item);
  };
  return { product: await top('t.product_id'), brand: await top('p.brand') };
}

describe('the first-time buyers of a product or brand in a period', () => {
  it.each([
    ['¿qué clientes compraron el producto {id} por primera vez en abril?', 'es', 'product'],
    ['who bought product {id} for the first time in april?', 'en', 'product'],
    ['¿quiénes compraron por primera vez el {id} en abril?', 'es', 'product'],
    ['nuevos compradores de la marca {id} en abril', 'es', 'brand'],
    ['which customers bought brand {id} for the first time in april?', 'en', 'brand'],
  ] as const)('%s', async (asked, lang, kind) => {
    const named = await namedInApril();
    const id = kind === 'product' ? named.product : brandNumber(named.brand);
    const where = kind === 'product' ? `t.product_id = ${named.product}` : `p.brand = '${named.brand}'`;
    const r = await server().ask<Reply>(asked.replace('{id}', id), lang);
    expect(r.intent).toBe('new_customers');
    expect(r.data.first_of).toBe('named');
    expect([r.data.period.from, r.data.period.to]).toEqual(['2024-04-01', '2024-04-30']);
    const want = await firstTimeBuyers(where, '2024-04-01', '2024-04-30');
    expect(want.length).toBeGreaterThan(0);
    expect(r.data.found).toBe(Number(want[0]!.found));
    expect(r.data.customers.map((c) => c.customer)).toEqual(want.slice(0, 5).map((w) => Number(w.customer)));
    expect(r.data.customers.map((c) => c.first)).toEqual(want.slice(0, 5).map((w) => String(w.first)));
    expect(r.answer).toContain(chatNumber(Number(want[0]!.found), lang));
    // Before the data's first day nothing is known: "first" is first since then, and said so.
    expect(r.answer).toContain(lang === 'es' ? 'cuando empiezan los datos' : 'when the data start');
  });

  it('new customers with nothing named are still new to the distributor', async () => {
    const r = await server().ask<Reply>('clientes nuevos en abril', 'es');
    expect(r.intent).toBe('new_customers');
    const want = await firstTimeBuyers('TRUE', '2024-04-01', '2024-04-30');
    expect(r.data.found).toBe(want.length === 0 ? 0 : Number(want[0]!.found));
  });

  it("a product's buyers without a first time are still all its buyers", async () => {
    const { product } = await namedInApril();
    expect((await server().ask<Reply>(`¿quién compró el producto ${product} en abril?`)).intent).toBe(
      'product_buyers',
    );
  });
});
