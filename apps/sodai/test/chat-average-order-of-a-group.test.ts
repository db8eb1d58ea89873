import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';

// "¿Qué tamaño promedio tiene un pedido de un restaurante?" got the restaurants' share of sales and
// "¿cuánto pide en promedio un almacén?" the period's total. The average order of a kind of
// customer, a brand or a product is the order-size answer narrowed to them (the last complete week),
// checked here against SQL over the same store.
const server = useChatServer();
const sql = (text: string) => queryRows(server().fx.store.connection, text);

/** The last Monday–Sunday week that ends on or before `day`. */
const lastFullWeek = (day: string) => {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const sunday = weekday === 6 ? day : daysAfter(day, -weekday - 1);
  return { from: daysAfter(sunday, -6), to: sunday };
};

let brand = '';
let product = 0;
beforeAll(async () => {
  const week = lastFullWeek(server().lastDay);
  const [b] = await sql(
    `SELECT p.brand, t.product_id::DOUBLE AS product FROM transactions t JOIN products p USING (product_id)
     WHERE t.purchase_date BETWEEN DATE '${week.from}' AND DATE '${week.to}'
     GROUP BY 1, 2 ORDER BY count(DISTINCT t.order_id) DESC, 2 LIMIT 1`,
  );
  brand = String(b!.brand);
  product = Number(b!.product);
});

/** Orders, and net units per order, of the lines matching `where` in the last complete week. */
async function orders(where: string) {
  const week = lastFullWeek(server().lastDay);
  const [r] = await sql(
    `SELECT count(DISTINCT t.order_id)::DOUBLE AS orders, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE t.purchase_date BETWEEN DATE '${week.from}' AND DATE '${week.to}' AND ${where}`,
  );
  return { orders: Number(r!.orders), perOrder: Number(r!.units) / Number(r!.orders) };
}

const ask = (q: string) => q.replace('{b}', brand).replace('{p}', String(product));

describe('the average order of a group', () => {
  it.each([
    ['¿qué tamaño promedio tiene un pedido de un restaurante?', 'es', `c.customer_type = 'RESTAURANT'`],
    ['tamaño medio de pedido de los restaurantes', 'es', `c.customer_type = 'RESTAURANT'`],
    ['¿cuánto pide en promedio un almacén?', 'es', `c.customer_type = 'ABARROTES'`],
    ['¿cuántas unidades pide en promedio un mayorista?', 'es', `c.customer_type = 'MAYORISTA'`],
    ['average order of a wholesaler', 'en', `c.customer_type = 'MAYORISTA'`],
    ['how much does a restaurant order on average?', 'en', `c.customer_type = 'RESTAURANT'`],
    ['average order size for brand {b}', 'en', 'brand'],
    ['¿cuál es el tamaño de pedido promedio de la marca {b}?', 'es', 'brand'],
    ['average order size of product {p}', 'en', 'product'],
    ['¿tamaño medio de pedido del producto {p}?', 'es', 'product'],
  ] as const)('"%s" gives the order size of that group', async (q, lang, group) => {
    const r = await server().ask(ask(q), lang);
    expectAnsweredAs(q, r, 'order_size', lang);
    const where =
      group === 'brand' ? `p.brand = '${brand}'` : group === 'product' ? `t.product_id = ${product}` : group;
    const x = await orders(where);
    expect(x.orders).toBeGreaterThan(0);
    const d = r.data as { orders: number; units_per_order: number };
    expect({ q, orders: d.orders }).toEqual({ q, orders: x.orders });
    expect(d.units_per_order).toBeCloseTo(x.perOrder, 6);
    expect(r.answer).toContain(chatNumber(x.perOrder, lang, 1));
  });

  it.each([
    ['what share of sales are restaurants?', 'sales_share'],
    ['¿cuánto compra en promedio un restaurante por semana?', 'sales_trend'],
    ['¿qué tamaño de envase se vende más?', 'sales_share'],
    ['¿qué tamaños vende la marca {b}?', 'count_products'],
    ['¿cuánto vendimos a los restaurantes la semana pasada?', 'sales_trend'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(ask(q));
    expect({ q, intent: r.intent }).toEqual({ q, intent });
  });
});
