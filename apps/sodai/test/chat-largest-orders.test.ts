import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cuál es el pedido más grande del mes?" and "what was the biggest order
// last week?" listed the best-selling products: "más grande" and "biggest" read as a ranking of what
// sold most. A sales rep asks for the orders themselves: each largest order of the period by units,
// with its id, customer and type, day, units and lines (for a customer named, his), checked against
// SQL over the same store here. The average order and the biggest customers are unchanged.
const server = useChatServer();

interface Order {
  readonly order: string;
  readonly customer: number;
  readonly customer_type: string | null;
  readonly day: string;
  readonly units: number;
  readonly lines: number;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly orders?: readonly Order[];
  };
}
/** A nearby question's reply: the average order counts its orders, a ranking has none. */
interface GuardReply {
  readonly intent: string;
  readonly data: { readonly orders?: unknown };
}

describe('largest orders', () => {
  it.each([
    ['¿cuál es el pedido más grande del mes?', 'es', 'TRUE', 'pedido'],
    ['what was the biggest order last week?', 'en', 'TRUE', 'order'],
    ['los mayores pedidos de los restaurantes en marzo', 'es', `c.customer_type = 'RESTAURANT'`, 'pedido'],
    ['largest orders in april', 'en', 'TRUE', 'order'],
    ['the order with the most units in february', 'en', 'TRUE', 'order'],
  ] as const)('%s', async (q, lang, where, noun) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('order_size');
    const { from, to } = r.data.period!;
    const want = await queryRows(
      server().fx.store.connection,
      `SELECT t.order_id::VARCHAR AS order_id, min(t.customer_id)::DOUBLE AS customer,
              sum(t.items)::DOUBLE AS units, count(*)::DOUBLE AS lines
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where}
       GROUP BY t.order_id ORDER BY units DESC, lines DESC, order_id LIMIT 5`,
    );
    expect(want.length).toBeGreaterThan(0);
    const got = r.data.orders!;
    expect(got.map((o) => o.units)).toEqual(want.map((w) => Number(w.units)));
    const [top] = want;
    expect(got[0]!.order).toBe(String(top!.order_id));
    expect(got[0]!.lines).toBe(Number(top!.lines));
    expect(r.answer).toContain(`${noun} ${String(top!.order_id)}`);
    expect(r.answer).toContain(String(top!.customer));
    expect(r.answer).toContain(chatNumber(Number(top!.units), lang));
  });

  it("a customer's largest orders are his", async () => {
    const [c] = await queryRows(
      server().fx.store.connection,
      `SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(DISTINCT order_id) DESC, 1 LIMIT 1`,
    );
    const id = Number(c!.id);
    const r = await server().ask<Reply>(
      `¿cuáles fueron los pedidos más grandes del cliente ${id} este año?`,
      'es',
    );
    expect(r.intent).toBe('order_size');
    expect(r.answer).toContain(`del cliente ${id}`);
    const got = r.data.orders!;
    expect(got.length).toBeGreaterThan(0);
    for (const o of got) expect(o.customer).toBe(id);
    const [top] = await queryRows(
      server().fx.store.connection,
      `SELECT max(units)::DOUBLE AS units FROM (SELECT sum(items) AS units FROM transactions
       WHERE customer_id = ${id} AND purchase_date BETWEEN DATE '${r.data.period!.from}' AND DATE '${r.data.period!.to}'
       GROUP BY order_id)`,
    );
    expect(got[0]!.units).toBe(Number(top!.units));
  });

  it.each([
    ['tamaño promedio de pedido', 'es', 'order_size'],
    ['what is the average order size?', 'en', 'order_size'],
    ['¿cuáles son los clientes más grandes?', 'es', 'top_customers'],
    ['¿cuáles son los productos más vendidos del mes?', 'es', 'top_products'],
  ] as const)('%s is unchanged', async (q, lang, intent) => {
    const r = await server().ask<GuardReply>(q, lang);
    expect(r.intent).toBe(intent);
    expect(Array.isArray(r.data.orders)).toBe(false);
  });
});
