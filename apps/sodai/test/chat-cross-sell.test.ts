import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { daysAfter, useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "What else do customers who buy 1370 buy?" listed that product's buyers, and "¿qué compran también
// los que compran el 1370?" got its weekly trend; "¿qué clientes compran el 1370 pero no el 1304?"
// listed every buyer of 1370. They now get what the same customers also buy (with the share of them
// and how often in the same order) and the offer list of those who buy one and not the other,
// over the last twelve weeks, checked here against SQL over the same store.
const server = useChatServer();

let first = 0;
let second = 0;
let from = '';
let to = '';
beforeAll(async () => {
  to = server().lastDay;
  from = daysAfter(to, -83);
  const top = await queryRows(
    server().fx.store.connection,
    `SELECT product_id::DOUBLE AS id FROM transactions WHERE purchase_date >= DATE '${from}'
     GROUP BY 1 ORDER BY count(DISTINCT customer_id) DESC, 1 LIMIT 2`,
  );
  first = Number(top[0]!.id);
  second = Number(top[1]!.id);
});

const win = () => `purchase_date >= DATE '${from}' AND purchase_date <= DATE '${to}'`;

/** Other products the buyers of `first` bought, by how many of them, computed here. */
async function alsoBought() {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH base AS (SELECT DISTINCT customer_id FROM transactions WHERE product_id = ${first} AND items > 0 AND ${win()}),
          orders AS (SELECT DISTINCT order_id FROM transactions WHERE product_id = ${first} AND items > 0 AND ${win()})
     SELECT product_id::DOUBLE AS id, count(DISTINCT customer_id)::DOUBLE AS customers,
            count(DISTINCT order_id) FILTER (WHERE order_id IN (SELECT order_id FROM orders))::DOUBLE AS together
     FROM transactions WHERE customer_id IN (SELECT customer_id FROM base) AND product_id <> ${first} AND items > 0 AND ${win()}
     GROUP BY 1 ORDER BY customers DESC, together DESC, id`,
  );
  const [b] = await queryRows(
    server().fx.store.connection,
    `SELECT count(DISTINCT customer_id)::DOUBLE AS n FROM transactions WHERE product_id = ${first} AND items > 0 AND ${win()}`,
  );
  return {
    buyers: Number(b!.n),
    rows: rows.map((r) => ({
      product: Number(r.id),
      customers: Number(r.customers),
      together: Number(r.together),
    })),
  };
}

/** Buyers of `first` with no purchase of `second`, most units of `first` first, computed here. */
async function butNot() {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT customer_id::DOUBLE AS id, count(*) OVER ()::DOUBLE AS n FROM transactions
     WHERE product_id = ${first} AND ${win()}
       AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE product_id = ${second} AND items > 0 AND ${win()})
     GROUP BY customer_id HAVING sum(items) > 0 ORDER BY sum(items) DESC, id LIMIT 5`,
  );
  return { found: Number(rows[0]?.n ?? 0), ids: rows.map((r) => Number(r.id)) };
}

describe('cross-selling: what else buyers buy, and who buys one but not another', () => {
  it.each([
    ['what else do customers who buy {p} buy?', 'en'],
    ['¿qué compran también los que compran el {p}?', 'es'],
    ['¿qué otros productos llevan los compradores del {p}?', 'es'],
    ['products often bought together with {p}', 'en'],
    ['what goes with {p}? what do its buyers also order', 'en'],
    ['¿qué más se llevan los que piden el producto {p}?', 'es'],
    // Products bought or sold together said outright, with no "also" nor "what else".
    ['¿qué productos se venden juntos con el producto {p}?', 'es'],
    ['¿qué se compra junto con el {p}?', 'es'],
    ['bought together with {p}', 'en'],
    ['what goes well with {p}?', 'en'],
    ['what do people buy with {p}?', 'en'],
    ['¿con qué se vende el {p}?', 'es'],
    ['¿qué combina bien con el producto {p}?', 'es'],
    ['which products sell with {p}?', 'en'],
  ] as const)('"%s" lists what the same customers also buy, with the share of them', async (q, lang) => {
    const question = q.replace('{p}', String(first));
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'top_products', lang);
    const expected = await alsoBought();
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(r.data).toMatchObject({ product: first, buyers: expected.buyers, period: { from, to } });
    expect((r.data as { also_bought: unknown[] }).also_bought).toEqual(expected.rows.slice(0, 5));
    expect(tableColumn(r, 1)).toEqual(expected.rows.slice(0, 5).map((e) => String(e.product)));
  });

  it.each([
    ['¿qué clientes compran el {p} pero no el {q}?', 'es'],
    ['which customers buy {p} but not {q}?', 'en'],
    ['customers who bought {p} without buying {q}', 'en'],
    ['¿quiénes compran el producto {p} y no el {q}?', 'es'],
  ] as const)('"%s" lists the buyers of one with no purchase of the other', async (q, lang) => {
    const question = q.replace('{p}', String(first)).replace('{q}', String(second));
    const r = await server().ask(question);
    expectAnsweredAs(question, r, 'product_buyers', lang);
    const expected = await butNot();
    expect(r.data).toMatchObject({ product: first, excluded: second, found: expected.found });
    expect(tableColumn(r, 1)).toEqual(expected.ids.map(String));
  });

  it.each([
    ['¿quién compró el {p}?', 'product_buyers'],
    ['¿quién más compra el {p}?', 'product_buyers'],
    ['¿qué clientes compran el {p} junto con otros productos?', 'product_buyers'],
    ['¿con qué frecuencia se compra el {p}?', 'customer_frequency'],
    ['¿cuánto se vendió del {p}?', 'sales_trend'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q.replace('{p}', String(first)));
    expect({ q, intent: r.intent, cross: 'also_bought' in r.data || 'excluded' in r.data }).toEqual({
      q,
      intent,
      cross: false,
    });
  });
});
