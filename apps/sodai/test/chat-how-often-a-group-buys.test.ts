import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';

// Asked of the real data, "¿cada cuánto compran los restaurantes?" and "how often do customers
// order?" asked which customer was meant, and "¿cuál es la frecuencia de compra promedio?" gave the
// average order size ("compra promedio"). How often a group buys is now answered: of the customers
// who bought in the period (default the last 12 weeks), the median of each one's usual days between
// purchase days, their orders a week, and how many bought in every week. Checked against SQL.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly data: {
    readonly period?: { readonly from: string; readonly to: string };
    readonly customers?: number;
    readonly usual_days_between?: number | null;
    readonly every_week?: number;
    readonly weeks?: number;
  };
}

/** The same figures by SQL: weeks are 7-day blocks counted back from the period's last day. */
async function frequencyBySql(from: string, to: string, where: string) {
  const [r] = await queryRows(
    server().fx.store.connection,
    `WITH d AS (
       SELECT DISTINCT t.customer_id, t.purchase_date::DATE AS day FROM transactions t
       JOIN customers c USING (customer_id) JOIN products p USING (product_id)
       WHERE t.purchase_date BETWEEN DATE '${from}' AND DATE '${to}' AND t.items > 0 AND ${where}),
     g AS (SELECT customer_id, day, day - lag(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap FROM d),
     per AS (SELECT customer_id, median(gap) AS usual, count(DISTINCT (DATE '${to}' - day) // 7) AS weeks FROM g GROUP BY 1),
     all_weeks AS (SELECT count(DISTINCT (DATE '${to}' - purchase_date::DATE) // 7) AS n FROM transactions
                   WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}')
     SELECT count(*) AS customers, median(usual) AS usual,
            count(*) FILTER (WHERE weeks = (SELECT n FROM all_weeks)) AS every_week FROM per`,
  );
  return { customers: Number(r!.customers), usual: Number(r!.usual), everyWeek: Number(r!.every_week) };
}

describe('how often a group of customers buys', () => {
  it.each([
    ['¿cada cuánto compran los clientes?', 'es', 'TRUE'],
    ['how often do customers order?', 'en', 'TRUE'],
    ['¿cuál es la frecuencia de compra promedio?', 'es', 'TRUE'],
    ['¿con qué frecuencia piden los restaurantes en abril?', 'es', `c.customer_type = 'RESTAURANT'`],
    ['average purchase frequency of wholesalers', 'en', `c.customer_type = 'MAYORISTA'`],
    ['how often do customers buy cans?', 'en', `p.package = 'LATA'`],
  ])('%s (%s)', async (question, lang, where) => {
    const r = await server().ask<Reply>(question, lang as 'es' | 'en');
    expect(r.intent).toBe('customer_frequency');
    const { from, to } = r.data.period!;
    const expected = await frequencyBySql(from, to, where);
    expect(expected.customers).toBeGreaterThan(0);
    expect(r.data.customers).toBe(expected.customers);
    expect(r.data.usual_days_between).toBeCloseTo(expected.usual, 6);
    expect(r.data.every_week).toBe(expected.everyWeek);
  });

  it("keeps one customer's frequency and the average order size", async () => {
    const [c] = await queryRows(server().fx.store.connection, 'SELECT customer_id FROM transactions LIMIT 1');
    const one = await server().ask<Reply>(`¿cada cuánto compra el cliente ${c!.customer_id}?`, 'es');
    expect(one.data.customers).toBeUndefined();
    const size = await server().ask<Reply>('¿cuál es el tamaño promedio de pedido?', 'es');
    expect(size.intent).toBe('order_size');
  });
});
