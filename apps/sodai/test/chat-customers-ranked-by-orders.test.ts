import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "Who are my top customers by number of orders?" and "¿qué cliente compra más seguido?" ranked
// customers by units; "clientes con más pedidos" and "which customer placed the most orders?" even
// ranked products. When the question ranks by orders or by how often, the customers are ranked by
// their orders (units break ties), and the answer says so.
const server = useChatServer();

interface Ranked {
  readonly period?: { readonly from: string; readonly to: string };
  readonly ranked_by?: string;
  readonly customers?: readonly { readonly customer: number; readonly orders: number }[];
}

/** The customers with most orders in the period (of a package), units then id breaking ties. */
async function byOrders(period: { readonly from: string; readonly to: string }, k: number, pkg?: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT t.customer_id::DOUBLE AS customer, count(DISTINCT t.order_id)::DOUBLE AS orders
     FROM transactions t JOIN products p USING (product_id)
     WHERE t.purchase_date BETWEEN DATE '${period.from}' AND DATE '${period.to}'
       ${pkg ? `AND p.package = '${pkg}'` : ''}
     GROUP BY 1 HAVING sum(t.items) > 0
     ORDER BY orders DESC, sum(t.items) DESC, customer LIMIT ${k}`,
  );
  return rows.map((r) => ({ customer: Number(r.customer), orders: Number(r.orders) }));
}

describe('customers ranked by orders', () => {
  it.each([
    ['who are my top customers by number of orders?', 'en', 5],
    ['which customers order most often?', 'en', 5],
    ['which customer placed the most orders last month?', 'en', 5],
    ['customers ranked by orders in april', 'en', 5],
    ['most frequent buyers of cans', 'en', 5],
    ['¿qué cliente compra más seguido?', 'es', 5],
    ['¿qué cliente hace más pedidos?', 'es', 5],
    ['clientes con más pedidos el mes pasado', 'es', 5],
    ['top 3 clientes por cantidad de pedidos', 'es', 3],
    ['¿quién compra con más frecuencia?', 'es', 5],
  ] as const)('%s', async (q, lang, k) => {
    const r = await server().ask(q, lang);
    const d = r.data as Ranked;
    const want = await byOrders(d.period!, k, r.entities.package);
    expect({ q, intent: r.intent, ranked_by: d.ranked_by }).toEqual({
      q,
      intent: 'top_customers',
      ranked_by: 'orders',
    });
    expect({ q, got: d.customers!.map(({ customer, orders }) => ({ customer, orders })) }).toEqual({
      q,
      got: want,
    });
    const first = want[0]!;
    const ordersWord = lang === 'es' ? 'pedidos' : 'orders';
    expect(r.answer).toContain(`${first.customer}`);
    expect(r.answer).toContain(`${chatNumber(first.orders, lang)} ${ordersWord}`);
  });

  it.each([
    ['top clientes por unidades', 'es'],
    ['best customers last month', 'en'],
  ] as const)('%s still ranks by units', async (q, lang) => {
    const r = await server().ask(q, lang);
    expect({ q, intent: r.intent, ranked_by: (r.data as Ranked).ranked_by }).toEqual({
      q,
      intent: 'top_customers',
      ranked_by: undefined,
    });
  });

  it('"productos más pedidos" still ranks products', async () => {
    const r = await server().ask('productos más pedidos el mes pasado', 'es');
    expect(r.intent).toBe('top_products');
  });
});
