import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "Ventas por mes de cada marca" got the one best-selling brand of each month, and "unidades por
// envase mes a mes" the months of all sales: a split by month and by an attribute at once was read
// as one or the other. It is now a table of months (rows) by the attribute's values (columns), the
// values that sold most over the period first, with a note on how many are left out when they do
// not fit. Checked against SQL over the same store; the leaders of each month keep their answer.
const server = useChatServer();

interface Grid {
  readonly attribute?: string;
  readonly columns?: readonly { readonly value: string; readonly units: number }[];
  readonly others?: number;
  readonly months?: readonly { readonly month: string; readonly units: Readonly<Record<string, number>> }[];
}

/** Units to a thousandth: the chat's sums and the test's add fractions in another order. */
const rounded = (units: number) => Math.round(units * 1000) / 1000;

/** The first day of the twelve calendar months up to the data's last day. */
const twelveMonthsStart = () => {
  const [y, m] = server().lastDay.split('-').map(Number) as [number, number];
  return `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
};

/** Units of each (month, value) of `column` over the twelve months up to the last day. */
async function cells(column: string): Promise<Map<string, number>> {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT strftime(date_trunc('month', t.purchase_date), '%Y-%m') AS month, ${column}::VARCHAR AS value,
            sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE t.purchase_date >= DATE '${twelveMonthsStart()}' AND t.purchase_date <= DATE '${server().lastDay}'
     GROUP BY 1, 2`,
  );
  return new Map(rows.map((r) => [`${String(r.month)}|${String(r.value)}`, rounded(Number(r.units))]));
}

/** The values of `column` by units over the same months, most first. */
async function ranked(column: string): Promise<string[]> {
  const rows = await queryRows(
    server().fx.store.connection,
    `SELECT ${column}::VARCHAR AS value, sum(t.items)::DOUBLE AS units
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE t.purchase_date >= DATE '${twelveMonthsStart()}' AND t.purchase_date <= DATE '${server().lastDay}'
     GROUP BY 1 ORDER BY units DESC, value`,
  );
  return rows.map((r) => String(r.value));
}

const grid = (r: ChatResponse) => r.data as Grid;

describe('sales by month of each value of an attribute', () => {
  it.each([
    ['ventas por mes de cada marca', 'es', 'brand', 'p.brand'],
    ['monthly sales of each brand', 'en', 'brand', 'p.brand'],
    ['ventas mensuales por marca', 'es', 'brand', 'p.brand'],
    ['brand sales by month', 'en', 'brand', 'p.brand'],
    ['cuanto vendio cada marca mes a mes', 'es', 'brand', 'p.brand'],
    ['unidades por envase mes a mes', 'es', 'package', 'p.package'],
    ['ventas x envase cada mes', 'es', 'package', 'p.package'],
    ['ventas de cada tipo de cliente por mes', 'es', 'customer_type', 'c.customer_type'],
    ['units per month by customer type', 'en', 'customer_type', 'c.customer_type'],
    // The attribute and the month side by side, with no "by month" of its own.
    ['sales by brand and month', 'en', 'brand', 'p.brand'],
    ['ventas por marca y mes', 'es', 'brand', 'p.brand'],
    ['sales by brand & month', 'en', 'brand', 'p.brand'],
    ['package by month', 'en', 'package', 'p.package'],
  ] as const)('%s', async (q, lang, attribute, column) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_trend', lang);
    const g = grid(r);
    const order = await ranked(column);
    const shown = g.columns?.map((c) => c.value) ?? [];
    expect({ q, attribute: g.attribute, shown, others: g.others }).toEqual({
      q,
      attribute,
      shown: order.slice(0, shown.length),
      others: order.length - shown.length,
    });
    expect(shown.length).toBeGreaterThan(0);
    const want = await cells(column);
    for (const m of g.months ?? [])
      for (const v of shown)
        expect({ q, m: m.month, v, units: rounded(m.units[v] ?? 0) }).toEqual({
          q,
          m: m.month,
          v,
          units: want.get(`${m.month}|${v}`) ?? 0,
        });
    // The table: a month a row, a column a value shown, then the month's total.
    expect(r.table?.columns.length).toBe(shown.length + 2);
  });

  it('says how many values are left out when they do not all fit', async () => {
    const r = await server().ask('ventas por mes de cada marca');
    const g = grid(r);
    const all = (await ranked('p.brand')).length;
    if (all > (g.columns?.length ?? 0))
      expect(r.answer).toMatch(
        new RegExp(all - g.columns!.length === 1 ? '1 marca más' : `${all - g.columns!.length} marcas más`),
      );
  });

  it.each([
    ['la marca mas vendida de cada mes', 'top_products'],
    ['top 3 brands per month', 'top_products'],
    ['ventas de la marca {b} por mes', 'sales_trend'],
  ])('"%s" keeps its own answer', async (q, intent) => {
    const r = await server().ask(q.replace('{b}', brand));
    expect({ q, intent: r.intent, grid: grid(r).columns }).toEqual({ q, intent, grid: undefined });
  });
});

let brand = '';
beforeAll(async () => {
  const [top] = await queryRows(
    server().fx.store.connection,
    'SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id) GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1',
  );
  brand = String(top!.brand).toLowerCase();
});
