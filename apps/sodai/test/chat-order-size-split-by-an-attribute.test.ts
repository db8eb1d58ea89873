import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';

// "What's the average order size by customer type?" gave one overall figure, "by customer type"
// left out. The order size is now given for each value of the attribute asked (customer type,
// package, brand …), checked against SQL over the same store and period.
const server = useChatServer();

interface Split {
  readonly period?: { readonly from: string; readonly to: string };
  readonly group_by?: string;
  readonly groups?: readonly {
    readonly value: string;
    readonly orders: number;
    readonly units_per_order: number;
  }[];
}

const COLUMN: Record<string, string> = {
  customer_type: 'c.customer_type',
  package: 'p.package',
  brand: 'p.brand',
};

describe('order size split by an attribute', () => {
  it.each([
    ["what's the average order size by customer type?", 'en', 'customer_type'],
    ['tamaño promedio del pedido por tipo de cliente', 'es', 'customer_type'],
    ['¿cuántas unidades por pedido según el tipo de cliente el mes pasado?', 'es', 'customer_type'],
    ['average units per order for each customer type in april', 'en', 'customer_type'],
    ['tamaño medio de pedido por envase', 'es', 'package'],
    ['average order size by brand last month', 'en', 'brand'],
  ] as const)('%s', async (q, lang, attribute) => {
    const r = await server().ask(q, lang);
    const d = r.data as Split;
    expect({ q, intent: r.intent, group_by: d.group_by }).toEqual({
      q,
      intent: 'order_size',
      group_by: attribute,
    });
    // An order's lines of one value: a mixed order counts toward each of its values.
    const rows = await queryRows(
      server().fx.store.connection,
      `WITH o AS (
         SELECT ${COLUMN[attribute]} AS value, t.order_id, sum(t.items) AS units
         FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
         WHERE t.purchase_date BETWEEN DATE '${d.period!.from}' AND DATE '${d.period!.to}'
         GROUP BY 1, 2)
       SELECT value, count(*)::DOUBLE AS orders, avg(units)::DOUBLE AS per_order FROM o GROUP BY 1`,
    );
    expect({ q, n: d.groups?.length }).toEqual({ q, n: rows.length });
    for (const row of rows) {
      const got = d.groups!.find((g) => g.value === row.value);
      expect({ q, value: row.value, orders: got?.orders }).toEqual({
        q,
        value: row.value,
        orders: Number(row.orders),
      });
      expect(got!.units_per_order).toBeCloseTo(Number(row.per_order), 6);
    }
    const top = rows.reduce((a, b) => (Number(b.per_order) > Number(a.per_order) ? b : a));
    const written = [-1e-9, 1e-9].map((e) => chatNumber(Number(top.per_order) + e, lang, 1));
    expect({ q, written: written.some((w) => r.answer.includes(w)) }).toEqual({ q, written: true });
  });

  it('"average order size" alone is still one figure', async () => {
    const r = await server().ask('average order size last week', 'en');
    expect(r.intent).toBe('order_size');
    expect((r.data as Split).groups).toBeUndefined();
  });
});
