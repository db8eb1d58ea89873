import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué productos se compran juntos más a menudo?" was refused: only the
// products bought with one named product had an answer. The pairs of products most often in one
// order are now ranked (the last 12 weeks, or the period named; a customer type narrows the orders,
// a kind of product both products), checked against SQL over the same store.
const server = useChatServer();

interface Pair {
  readonly products: readonly number[];
  readonly together: number;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly orders?: number;
    readonly pairs?: readonly Pair[];
    readonly also_bought?: readonly unknown[];
  };
}

/** The pairs of one period by SQL: orders holding both, most first (ties by the lower ids). */
async function pairsBySql(from: string, to: string, where: string) {
  const rows = await queryRows(
    server().fx.store.connection,
    `WITH lines AS (
       SELECT DISTINCT t.order_id, t.product_id FROM transactions t
       JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND t.items > 0 AND ${where})
     SELECT a.product_id AS first, b.product_id AS second, count(*) AS together,
            (SELECT count(DISTINCT order_id) FROM lines) AS orders
     FROM lines a JOIN lines b ON a.order_id = b.order_id AND a.product_id < b.product_id
     GROUP BY ALL ORDER BY together DESC, first, second LIMIT 3`,
  );
  return rows.map((r) => ({
    products: [Number(r.first), Number(r.second)],
    together: Number(r.together),
    orders: Number(r.orders),
  }));
}

describe('the products bought together', () => {
  it.each([
    ['¿qué productos se compran juntos más a menudo?', 'es', 'TRUE'],
    ['which items are usually ordered together?', 'en', 'TRUE'],
    ['¿cuáles son las combinaciones de productos más comunes?', 'es', 'TRUE'],
    ['most frequent product pairs in orders', 'en', 'TRUE'],
    ['¿qué botellas se venden juntas en un mismo pedido?', 'es', `p.package = 'BOTELLA'`],
    ['what do restaurants buy together in the same order?', 'en', `c.customer_type = 'RESTAURANT'`],
  ])('%s (%s) ranks the pairs', async (question, lang, where) => {
    const r = await server().ask<Reply>(question, lang as 'es' | 'en');
    expect(r.intent).toBe('top_products');
    const period = r.data.period!;
    const expected = await pairsBySql(period.from, period.to, where);
    expect(expected.length).toBeGreaterThan(0);
    expect(r.data.orders).toBe(expected[0]!.orders);
    expect(r.data.pairs!.slice(0, 3)).toEqual(
      expected.map(({ products, together }) => ({ products, together })),
    );
  });

  it('reads the last 12 weeks unless a period is named, and the period named', async () => {
    const last = server().lastDay;
    const r = await server().ask<Reply>('¿qué productos se compran juntos?', 'es');
    expect(r.data.period!.to).toBe(last);
    const april = await server().ask<Reply>('which products were bought together in april?', 'en');
    expect(april.data.period).toMatchObject({ from: '2024-04-01', to: '2024-04-30' });
    const [top] = await pairsBySql('2024-04-01', '2024-04-30', 'TRUE');
    expect(april.data.pairs![0]).toEqual({ products: top!.products, together: top!.together });
  });

  it('keeps what one named product is bought with, and who buys two things', async () => {
    const [some] = await queryRows(
      server().fx.store.connection,
      'SELECT product_id FROM transactions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    );
    const withOne = await server().ask<Reply>(
      `¿qué productos se compran junto con el ${some!.product_id}?`,
      'es',
    );
    expect(withOne.data.also_bought).toBeDefined();
    expect(withOne.data.pairs).toBeUndefined();
    const who = await server().ask<Reply>('which customers buy cans and bottles together?', 'en');
    expect(who.data.pairs).toBeUndefined();
  });
});
