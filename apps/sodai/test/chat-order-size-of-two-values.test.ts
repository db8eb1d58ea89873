import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// Asked of the real data, "average units per order for wholesalers vs restaurants" gave the two
// types' total units and orders compared (top_products), and "tamaño promedio de pedido de
// mayoristas y restaurantes" the order size of restaurants alone (the last type named). Two values
// of one attribute named with an order-size question now give each one's units and lines per order,
// side by side, checked against SQL here. The split by every type is unchanged.
const server = useChatServer();

interface Group {
  readonly value: string | null;
  readonly orders: number;
  readonly units_per_order: number;
  readonly lines_per_order: number;
}
interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly group_by?: string;
    readonly groups?: readonly Group[];
  };
}

describe('order size of two values side by side', () => {
  it.each([
    [
      'average units per order for wholesalers vs restaurants',
      'en',
      'c.customer_type',
      ['MAYORISTA', 'RESTAURANT'],
    ],
    [
      'tamaño promedio de pedido de mayoristas y restaurantes',
      'es',
      'c.customer_type',
      ['MAYORISTA', 'RESTAURANT'],
    ],
    ['order size of cans vs bottles in april', 'en', 'p.package', ['LATA', 'BOTELLA']],
  ] as const)('%s', async (q, lang, column, values) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('order_size');
    const { from, to } = r.data.period!;
    const want = await queryRows(
      server().fx.store.connection,
      `WITH o AS (
         SELECT ${column} AS value, t.order_id, sum(t.items) AS units, count(*) AS lines
         FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
         WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${column} IN ('${values[0]}', '${values[1]}')
         GROUP BY ALL)
       SELECT value, count(*)::DOUBLE AS orders, avg(units)::DOUBLE AS per_order, avg(lines)::DOUBLE AS lines
       FROM o GROUP BY value ORDER BY per_order DESC`,
    );
    expect(want.length).toBe(2);
    const groups = r.data.groups!;
    expect(groups.map((g) => g.value)).toEqual(want.map((w) => String(w.value)));
    for (const [i, w] of want.entries()) {
      expect(groups[i]!.orders).toBe(Number(w.orders));
      expect(groups[i]!.units_per_order).toBeCloseTo(Number(w.per_order), 6);
      expect(groups[i]!.lines_per_order).toBeCloseTo(Number(w.lines), 6);
      expect(r.answer).toContain(chatNumber(Number(w.per_order), lang, 1));
      expect(r.answer).toContain(chatNumber(Number(w.lines), lang, 1));
    }
  });

  it('the split by every type is unchanged', async () => {
    const r = await server().ask<Reply>('tamaño promedio de pedido por tipo de cliente', 'es');
    expect(r.intent).toBe('order_size');
    const [n] = await queryRows(
      server().fx.store.connection,
      `SELECT count(DISTINCT c.customer_type)::DOUBLE AS n FROM transactions t JOIN customers c USING (customer_id)
       WHERE t.purchase_date BETWEEN DATE '${r.data.period!.from}' AND DATE '${r.data.period!.to}'`,
    );
    expect(r.data.groups!.length).toBe(Number(n!.n));
  });

  it('two types compared on their sales are unchanged', async () => {
    const r = await server().ask<Reply>('ventas de mayoristas vs restaurantes', 'es');
    expect(r.intent).toBe('top_products');
  });
});
