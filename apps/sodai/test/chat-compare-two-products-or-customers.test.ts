import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "compare product 1370 and 11262", "¿qué se vende más, el 1370 o el 11262?" answered about the
// first product only. Both are set side by side (units, orders, buyers, trend against the period
// before), and so are two customers; figures checked here against SQL over the same store.
const server = useChatServer();

interface Figures {
  id: number;
  units: number;
  orders: number;
  customers: number;
  units_before: number;
}
let products: [number, number];
let customers: [number, number];

/** Each id's figures in the last four weeks, and its units in the four weeks before. */
async function figures(column: 'product_id' | 'customer_id', ids: readonly number[]): Promise<Figures[]> {
  const last = server().lastDay;
  const [from, before] = [daysAfter(last, -27), daysAfter(last, -55)];
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT ${column}::DOUBLE AS id,
            coalesce(sum(items) FILTER (WHERE purchase_date >= DATE '${from}'), 0)::DOUBLE AS units,
            count(DISTINCT order_id) FILTER (WHERE purchase_date >= DATE '${from}')::DOUBLE AS orders,
            count(DISTINCT customer_id) FILTER (WHERE purchase_date >= DATE '${from}')::DOUBLE AS customers,
            coalesce(sum(items) FILTER (WHERE purchase_date < DATE '${from}'), 0)::DOUBLE AS units_before
     FROM transactions
     WHERE ${column} IN (${ids.join(', ')}) AND purchase_date BETWEEN DATE '${before}' AND DATE '${last}'
     GROUP BY 1`,
  );
  return ids.map((id) => {
    const r = rows.find((x) => Number(x.id) === id)!;
    return {
      id,
      units: Number(r.units),
      orders: Number(r.orders),
      customers: Number(r.customers),
      units_before: Number(r.units_before),
    };
  });
}

beforeAll(async () => {
  const c = server().fx.store.connection;
  const top = async (column: string) =>
    (
      await queryRows(
        c,
        `SELECT ${column}::DOUBLE AS id FROM transactions
         WHERE purchase_date >= DATE '${daysAfter(server().lastDay, -27)}'
         GROUP BY 1 ORDER BY sum(items) DESC, 1 LIMIT 2 OFFSET 1`,
      )
    ).map((r) => Number(r.id)) as [number, number];
  // The second and third, named in the opposite order, so neither order nor first place decides.
  const [p1, p2] = await top('product_id');
  const [c1, c2] = await top('customer_id');
  products = [p2, p1];
  customers = [c2, c1];
});

const expectSideBySide = (items: unknown, expected: Figures[]) => {
  const got = items as Figures[];
  expect(got.map((g) => g.id)).toEqual(expected.map((e) => e.id));
  got.forEach((g, i) => {
    expect(g.units).toBeCloseTo(expected[i]!.units, 6);
    expect(g.units_before).toBeCloseTo(expected[i]!.units_before, 6);
    expect({ orders: g.orders, customers: g.customers }).toEqual({
      orders: expected[i]!.orders,
      customers: expected[i]!.customers,
    });
  });
};

describe('two products or two customers side by side', () => {
  it.each([
    ['compare product {a} and {b}', 'en'],
    ['¿qué se vende más, el {a} o el {b}?', 'es'],
    ['compara el producto {a} con el {b}', 'es'],
    // Not tuned on.
    ['{a} vs {b}', 'en'],
    ['product {a} versus product {b}', 'en'],
    ['¿cuál se vende mejor, el {a} o el {b}?', 'es'],
    ['diferencia entre el producto {a} y el {b}', 'es'],
    ['which one sells more, {a} or {b}?', 'en'],
  ] as const)('"%s" sets both products side by side', async (template, lang) => {
    const q = template.replace('{a}', String(products[0])).replace('{b}', String(products[1]));
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'product_info', lang);
    const expected = await figures('product_id', products);
    expectSideBySide(r.data.items, expected);
    expect(r.table?.rows[0]?.slice(1)).toEqual(
      expected.map((e) => Math.round(e.units).toLocaleString(lang === 'es' ? 'es-ES' : 'en-US')),
    );
    const more = expected[0]!.units >= expected[1]!.units ? expected[0]! : expected[1]!;
    expect(r.answer).toMatch(new RegExp(lang === 'es' ? `más el ${more.id}` : `${more.id} sold more`, 'i'));
  });

  it.each([
    ['compare customers {a} and {b}', 'en'],
    ['¿quién compra más, el cliente {a} o el {b}?', 'es'],
    ['compara los clientes {a} y {b}', 'es'],
    // Not tuned on.
    ['customer {a} vs customer {b}', 'en'],
    ['which customer buys more, {a} or {b}?', 'en'],
    ['cliente {a} frente al cliente {b}', 'es'],
  ] as const)('"%s" sets both customers side by side', async (template, lang) => {
    const q = template.replace('{a}', String(customers[0])).replace('{b}', String(customers[1]));
    const r = await server().ask(q, lang);
    expectAnsweredAs(q, r, 'customer_history', lang);
    expectSideBySide(r.data.items, await figures('customer_id', customers));
    expect(r.answer).toContain(String(customers[0]));
    expect(r.answer).toContain(String(customers[1]));
  });

  it('an id the data does not know is said to be unknown, not left out', async () => {
    const r = await server().ask(`compare product ${products[0]} and 99999`, 'en');
    expect({ intent: r.intent, answered: r.answered }).toEqual({ intent: 'product_info', answered: false });
    expect(r.answer).toMatch(/I do not know product 99999/);
  });

  it('two products without a comparison word keep their answers', async () => {
    const r = await server().ask(`¿cuántos clientes compraron el ${products[0]} y el ${products[1]}?`);
    expect(r.data.items).toBeUndefined();
    expect(r.answered).toBe(true);
  });
});
