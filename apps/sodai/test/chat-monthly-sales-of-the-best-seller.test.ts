import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "ventas por mes de la marca más vendida" and "monthly sales of the top
// brand" gave the best-selling brand of each month, not the months of the one best-selling brand
// (the weekly form already found it). With sales said before the brand or product named by its
// rank, the one that sold most over the months shown (default the twelve up to the last day) is
// found and its sales by month given, both checked against SQL over the same store. "La marca más
// vendida de cada mes" and "top brand per month" still give each month's leader.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly top?: {
      readonly brand?: string;
      readonly product?: number;
      readonly units: number;
      readonly period: { readonly from: string; readonly to: string };
    };
    readonly months?: readonly { readonly month: string; readonly units: number }[];
  };
}

describe('the monthly sales of the best seller', () => {
  it.each([
    ['ventas por mes de la marca más vendida', 'es', 'p.brand'],
    ['monthly sales of the top brand', 'en', 'p.brand'],
    ['ventas de la marca más vendida por mes', 'es', 'p.brand'],
    ['¿cuánto vendió la marca que más vende cada mes?', 'es', 'p.brand'],
    ['how much did the best-selling brand sell each month?', 'en', 'p.brand'],
    ['ventas mensuales del producto más vendido', 'es', 't.product_id'],
  ] as const)('%s', async (q, lang, column) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent, top: r.data.top !== undefined }).toEqual({
      q,
      intent: 'sales_trend',
      top: true,
    });
    const { from, to } = r.data.top!.period;
    // The twelve calendar months up to the fixture's last day (19 May 2024).
    expect({ from, to }).toEqual({ from: '2023-06-01', to: '2024-05-19' });
    const c = server().fx.store.connection;
    const [top] = await queryRows(
      c,
      `SELECT ${column}::VARCHAR AS value, sum(t.items)::DOUBLE AS units
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}'
       GROUP BY 1 ORDER BY units DESC, 1 LIMIT 1`,
    );
    const value = String(top!.value);
    expect(String(r.data.top!.brand ?? r.data.top!.product)).toBe(value);
    const months = await queryRows(
      c,
      `SELECT strftime(date_trunc('month', t.purchase_date), '%Y-%m') AS month, sum(t.items)::DOUBLE AS units
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${column}::VARCHAR = '${value}'
       GROUP BY 1 ORDER BY 1`,
    );
    // Fractional units summed in another order differ in the last digits.
    const rounded = (units: number) => Math.round(units * 1e6) / 1e6;
    expect(r.data.months?.map((m) => [m.month, rounded(m.units)])).toEqual(
      months.map((m) => [String(m.month), rounded(Number(m.units))]),
    );
    expect(r.answer).toContain(value);
  });

  it.each([
    ['la marca más vendida de cada mes', 'es'],
    ['top brand per month', 'en'],
    ['best selling brand each month', 'en'],
  ] as const)('%s still gives each month its leader', async (q, lang) => {
    const r = await server().ask<Reply>(q, lang);
    expect({ q, intent: r.intent, top: r.data.top }).toEqual({ q, intent: 'top_products', top: undefined });
  });

  it('"ventas de la marca más vendida por semana" stays weekly', async () => {
    const r = await server().ask<Reply>('ventas de la marca más vendida por semana', 'es');
    expect(r.answer).toContain('Ventas semanales de marca');
    expect(r.data.months).toBeUndefined();
  });
});
