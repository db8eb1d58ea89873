import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "How many units of product 1370 did we sell last week?" counted the products sold (count_products).
// A volume (units, orders, "how much") of one product or brand in a period is that product's total:
// its units and orders there, checked here against SQL over the same store.
const server = useChatServer();

let product = 0;
let brand = '';
beforeAll(async () => {
  const [top] = await queryRows(
    server().fx.store.connection,
    `SELECT t.product_id::DOUBLE AS id, any_value(p.brand) AS brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(items) DESC, 1 LIMIT 1`,
  );
  product = Number(top!.id);
  brand = String(top!.brand);
});

/** Units and orders of what `where` keeps between two days, computed here without the chat's code. */
async function sold(where: string, from: string, to: string) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT coalesce(sum(items), 0)::DOUBLE AS units, count(DISTINCT order_id)::DOUBLE AS orders
     FROM transactions t JOIN products p USING (product_id)
     WHERE ${where} AND purchase_date >= DATE '${from}' AND purchase_date < DATE '${to}' + 1`,
  );
  return { units: Number(r!.units), orders: Number(r!.orders) };
}

type Span = 'last week' | 'April';

function span(s: Span): { from: string; to: string } {
  const last = server().lastDay;
  // The fixture's data end on a Sunday: "last week" is the Monday-Sunday week that ends then.
  if (s === 'last week') return { from: daysAfter(last, -6), to: last };
  return { from: `${last.slice(0, 4)}-04-01`, to: `${last.slice(0, 4)}-04-30` };
}

describe('units of one product or brand in a period', () => {
  it.each([
    ['how many units of product {p} did we sell last week?', 'en', 'last week'],
    ['¿cuántas unidades del {p} vendimos la semana pasada?', 'es', 'last week'],
    ['how many orders of {p} in April?', 'en', 'April'],
    ['¿cuántos pedidos del producto {p} hubo en abril?', 'es', 'April'],
    ['how much of {p} did we sell in April?', 'en', 'April'],
    ['¿cuánto se vendió del {p} en abril?', 'es', 'April'],
    ['units of {p} last week', 'en', 'last week'],
    ['unidades vendidas del producto {p} en abril', 'es', 'April'],
    ['what were the sales in units of item {p} last week?', 'en', 'last week'],
  ] as const)('"%s" gives that product\'s units and orders in the period', async (q, lang, s) => {
    const question = q.replace('{p}', String(product));
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'sales_trend', lang);
    const { from, to } = span(s);
    expect({
      product: r.entities.product_id,
      from: r.entities.period?.from,
      to: r.entities.period?.to,
    }).toEqual({ product, from, to });
    const expected = await sold(`t.product_id = ${product}`, from, to);
    expect(expected.units).toBeGreaterThan(0);
    const total = (r.data as { total: { units: number; orders: number } }).total;
    expect(total.units).toBeCloseTo(expected.units, 6);
    expect(total.orders).toBe(expected.orders);
    // The answer opens with the period's units of that product.
    expect(r.answer).toContain(chatNumber(Math.round(expected.units), lang));
    expect(r.answer).toContain(String(product));
  });

  it.each([
    ['how many units of brand {b} did we sell in April?', 'en'],
    ['¿cuántas unidades de la marca {b} se vendieron en abril?', 'es'],
  ] as const)('"%s" gives that brand\'s units in the period', async (q, lang) => {
    const question = q.replace('{b}', brand);
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'sales_trend', lang);
    const { from, to } = span('April');
    const expected = await sold(`p.brand = '${brand}'`, from, to);
    const total = (r.data as { total: { units: number } }).total;
    expect(total.units).toBeCloseTo(expected.units, 6);
  });

  it.each([
    ['¿cuántos clientes compraron el {p} en abril?', 'product_buyers'],
    ['how many customers bought {p} last week?', 'product_buyers'],
    ['¿cuántos productos se vendieron la semana pasada?', 'count_products'],
    // "How much" without a sales verb is no volume: the product's size is on its card.
    ['¿cuánto mide el {p}?', 'product_info'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q.replace('{p}', String(product)));
    expect({ q, intent: r.intent }).toEqual({ q, intent });
  });
});
